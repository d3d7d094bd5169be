import type { App, Shell, WebContents } from 'electron';
import type { Logger } from '../../common/log/logger';
import { isSafeExternalUrl } from './external-links';

/**
 * Applied to every webContents the app ever creates: our pages are single
 * page apps that never navigate, so any navigation is refused; new windows
 * are refused, and http(s) links they asked for open in the OS browser;
 * `<webview>` can never attach.
 */
export function guardWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>, log: Logger): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log.warn('navigation blocked', { url: String(url).slice(0, 200) });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      void shell.openExternal(url).catch((error: unknown) => log.warn('openExternal failed', { error }));
      log.info('new window denied; opened in the OS browser', { url: url.slice(0, 200) });
    } else {
      log.warn('new window denied', { url: url.slice(0, 200) });
    }
    return { action: 'deny' };
  });
}

export function guardAllWebContents(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell, log));
}
