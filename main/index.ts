/**
 * Main-process bootstrap only: logging, the single-instance lock, the
 * privileged scheme (which must be registered before `ready`), then
 * `startApp` once Electron is ready. Everything else lives in main/app.
 */
import { app, protocol } from 'electron';
import { join } from 'node:path';
import { createLogger } from '../common/log/logger';
import { createFileSink } from './log/file-sink';
import { appPaths } from './app/paths';
import { startApp, type RunningApp } from './app/start-app';
import { registerAppSchemePrivileges } from './security/app-protocol';

const log = createLogger(
  'main',
  createFileSink(join(app.getPath('userData'), 'logs'), {
    stderr: !app.isPackaged || process.env.SWITCHBOARD_LOG_STDERR === '1',
  }),
  process.env.SWITCHBOARD_LOG_LEVEL === 'debug' ? 'debug' : 'info',
);

process.on('uncaughtException', (error) => log.error('uncaught exception', { error }));
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { reason }));

registerAppSchemePrivileges(protocol);

if (!app.requestSingleInstanceLock()) {
  log.info('another instance is running; handing over to it');
  app.quit();
} else {
  let running: RunningApp | null = null;
  let shutDown = false;
  app.on('second-instance', () => running?.focusUi());
  // Quit waits (bounded inside shutdown) for a clean SIP unregister.
  app.on('before-quit', (event) => {
    if (shutDown || !running) return;
    event.preventDefault();
    const current = running;
    running = null;
    void current
      .shutdown()
      .catch((error: unknown) => log.error('shutdown failed', { error }))
      .finally(() => {
        shutDown = true;
        app.quit();
      });
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => {
      running = startApp(appPaths(__dirname), log);
      log.info('started', { version: app.getVersion(), platform: process.platform });
    })
    .catch((error: unknown) => {
      log.error('startup failed', { error });
      app.exit(1);
    });
}
