import { BrowserWindow } from 'electron';
import type { Logger } from '../../common/log/logger';
import type { EngineEvents, EngineHandle } from '../engine/engine-supervisor';
import { pageUrl } from '../security/app-scheme';
import { secureWebPreferences } from './secure-web-preferences';

/**
 * The hidden media engine: never shown, never throttled (it plays audio and
 * runs WebRTC while the UI may be minimised).
 */
export function createEngineWindow(preload: string, events: EngineEvents, log: Logger): EngineHandle & {
  window: BrowserWindow;
} {
  const window = new BrowserWindow({
    show: false,
    width: 400,
    height: 300,
    title: 'Switchboard media engine',
    skipTaskbar: true,
    webPreferences: secureWebPreferences(preload, { backgroundThrottling: false }),
  });
  const contents = window.webContents;
  contents.on('render-process-gone', (_event, details) => events.onGone(details.reason));
  contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    // -3 is an aborted load (e.g. superseded by a reload), not a failure.
    if (!isMainFrame || code === -3) return;
    log.error('engine page failed to load', { code, description });
    events.onGone('load-failed');
  });
  void window.loadURL(pageUrl('engine')).catch(() => undefined);
  return {
    window,
    contents,
    destroy: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}
