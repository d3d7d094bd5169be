import { app, ipcMain, protocol, session, shell, type BrowserWindow, type WebContents } from 'electron';
import type { SenderRole } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import { EngineSupervisor } from '../engine/engine-supervisor';
import { IpcRouter } from '../ipc/router';
import { createRoleResolver } from '../ipc/sender-roles';
import { serveAppScheme } from '../security/app-protocol';
import { isAppUrlFor } from '../security/app-scheme';
import { guardAllWebContents } from '../security/navigation-guard';
import { installPermissionHandlers } from '../security/permissions';
import { createSettingsRepository } from '../settings/settings-store';
import { StateStore } from '../state/state-store';
import { createEngineWindow } from '../windows/engine-window';
import { createUiWindow } from '../windows/ui-window';
import { initialAppState } from './app-state';
import { registerCommandHandlers } from './command-handlers';
import type { AppPaths } from './paths';

/** A running app: what tests and the quit path need to reach. */
export interface RunningApp {
  store: StateStore;
  engine: EngineSupervisor;
  focusUi(): void;
  shutdown(): void;
}

/**
 * Wires main once Electron is ready: security first (scheme, navigation and
 * permission guards), then state, IPC, and the two windows.
 */
export function startApp(paths: AppPaths, log: Logger): RunningApp {
  guardAllWebContents(app, shell, log.child('security'));
  serveAppScheme(protocol, paths.rendererRoot, log.child('protocol'));

  const settings = createSettingsRepository(app.getPath('userData'), log.child('settings'));
  let uiWindow: BrowserWindow | null = null;
  let store: StateStore | null = null;

  const engine = new EngineSupervisor({
    create: (events) => createEngineWindow(paths.enginePreload, events, log.child('engine')),
    publish: (engineState) => store?.update((state) => ({ ...state, engine: engineState })),
    log: log.child('engine'),
  });
  store = new StateStore(
    initialAppState(
      {
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        systemLanguages: app.getPreferredSystemLanguages(),
      },
      settings.read(),
      engine.current,
    ),
  );

  const liveContents = (): Record<SenderRole, WebContents | null> => ({
    ui: uiWindow && !uiWindow.isDestroyed() ? uiWindow.webContents : null,
    engine: (engine.contents as WebContents | null) ?? null,
  });
  const roleOfContents = (contents: WebContents | null): SenderRole | null => {
    if (!contents) return null;
    const live = liveContents();
    const role = (['ui', 'engine'] as const).find((r) => live[r] === contents);
    return role && isAppUrlFor(role, contents.getURL()) ? role : null;
  };
  installPermissionHandlers(session.defaultSession, roleOfContents, log.child('permissions'));

  const router = new IpcRouter(ipcMain, createRoleResolver(liveContents), log.child('ipc'));
  registerCommandHandlers({ router, store, settings, engine, shell, log });

  store.subscribe((snapshot) => {
    const ui = liveContents().ui;
    if (ui) ui.send('sb:state:snapshot', snapshot);
  });

  uiWindow = createUiWindow(paths.uiPreload, app.getName(), log.child('ui'));
  uiWindow.on('closed', () => {
    uiWindow = null;
    app.quit();
  });
  engine.start();

  return {
    store,
    engine,
    focusUi() {
      if (!uiWindow || uiWindow.isDestroyed()) return;
      if (uiWindow.isMinimized()) uiWindow.restore();
      uiWindow.show();
      uiWindow.focus();
    },
    shutdown() {
      engine.stop();
      router.dispose();
    },
  };
}
