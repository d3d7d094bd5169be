import { BrowserWindow } from 'electron';
import { pageUrl } from '../security/app-scheme';
import { secureWebPreferences } from './secure-web-preferences';
import type { Logger } from '../../common/log/logger';

/** The agent desktop window. Shown once its first paint is ready. */
export function createUiWindow(preload: string, title: string, log: Logger): BrowserWindow {
  const window = new BrowserWindow({
    title,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#f4f6f9',
    webPreferences: secureWebPreferences(preload),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    // Calls live in main, so a UI crash loses nothing: reload and re-mirror.
    log.warn('UI renderer gone; reloading', { reason: details.reason });
    if (!window.isDestroyed()) void window.loadURL(pageUrl('ui')).catch(() => undefined);
  });
  void window.loadURL(pageUrl('ui')).catch((error: unknown) => log.error('UI page failed to load', { error }));
  return window;
}
