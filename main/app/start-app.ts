import { app, ipcMain, powerMonitor, protocol, safeStorage, session, shell, type BrowserWindow, type WebContents } from 'electron';
import { join } from 'node:path';
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
import { EngineRpc } from '../softphone/media/engine-rpc';
import { watchNetwork } from '../softphone/network-watcher';
import { SipRegistration } from '../softphone/sip-registration';
import { SoftphoneService } from '../softphone/softphone-service';
import { StateStore } from '../state/state-store';
import { chooseVault } from '../vault/choose-vault';
import type { KeytarLike } from '../vault/keytar-vault';
import { createEngineWindow } from '../windows/engine-window';
import { createUiWindow } from '../windows/ui-window';
import { initialAppState } from './app-state';
import { registerCommandHandlers } from './command-handlers';
import { registerSoftphoneCommands } from './softphone-commands';
import { AudioDevices } from '../softphone/audio-devices';
import { AgentSession } from '../agent/agent-session';
import { registerAgentCommands, withSession } from './agent-commands';
import { VoiceActions } from '../agent/voice-actions';
import { labUrlFrom } from './lab-url';
import type { AppPaths } from './paths';

/** A running app: what tests and the quit path need to reach. */
export interface RunningApp {
  store: StateStore;
  engine: EngineSupervisor;
  focusUi(): void;
  /** Unregisters and stops everything; resolves when it is safe to exit. */
  shutdown(): Promise<void>;
}

/**
 * Wires main once Electron is ready: security first (scheme, navigation and
 * permission guards), then state, IPC, and the two windows.
 */
export function startApp(paths: AppPaths, log: Logger): RunningApp {
  guardAllWebContents(app, shell, log.child('security'));
  serveAppScheme(protocol, paths.rendererRoot, log.child('protocol'));

  const settings = createSettingsRepository(app.getPath('userData'), log.child('settings'));
  const labUrl = labUrlFrom(process.argv, process.env);
  let uiWindow: BrowserWindow | null = null;
  let store: StateStore | null = null;

  let rpc: EngineRpc | null = null;
  let softphone: SoftphoneService | null = null;
  let devices: AudioDevices | null = null;
  const engine = new EngineSupervisor({
    create: (events) => createEngineWindow(paths.enginePreload, events, log.child('engine')),
    publish: (engineState) => {
      if (engineState.status !== 'ready') rpc?.failAll(`engine ${engineState.status}`);
      store?.update((state) => ({ ...state, engine: engineState }));
      // A recreated engine has no media: give live calls fresh media.
      if (engineState.status === 'ready') void devices?.engineReady();
      if (engineState.status === 'ready' && engineState.restarts > 0) softphone?.recoverMedia();
    },
    log: log.child('engine'),
  });
  rpc = new EngineRpc((request) => {
    const contents = engine.contents as WebContents | null;
    if (!contents || engine.current.status !== 'ready' || contents.isDestroyed()) return false;
    contents.send('sb:engine:media', request);
    return true;
  }, log.child('media'));
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
      labUrl,
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

  const vault = chooseVault({
    preference: 'auto',
    // keytar is a native module outside the bundle, loaded only when probed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadKeytar: () => require('keytar') as KeytarLike,
    safeStorage,
    fallbackFile: join(app.getPath('userData'), 'credentials.json'),
    log: log.child('vault'),
  });
  softphone = new SoftphoneService({
    settings,
    vault,
    createRegistration: (deps) => new SipRegistration(deps),
    publish: (change) => store?.update((state) => ({ ...state, softphone: change(state.softphone) })),
    rpc,
    log: log.child('softphone'),
  });
  powerMonitor.on('resume', () => void softphone.refresh('resume'));
  const stopWatchingNetwork = watchNetwork(() => void softphone.refresh('network change'));

  const router = new IpcRouter(ipcMain, createRoleResolver(liveContents), log.child('ipc'));
  devices = new AudioDevices({
    settings,
    rpc,
    publish: (change) => store?.update((state) => ({ ...state, softphone: { ...state.softphone, devices: change(state.softphone.devices) } })),
    emitInputLevel: (level) => liveContents().ui?.send('sb:softphone:input-level', level),
    log: log.child('devices'),
  });
  registerCommandHandlers({ router, store, settings, engine, shell, log });
  registerSoftphoneCommands({ router, store, softphone, devices, rpc });
  const phone = softphone;
  const agentSession = new AgentSession({
    labUrl: () => labUrl,
    profile: () => settings.read().serverProfile,
    remembered: () => settings.read().rememberedLogin,
    remember: (login) => {
      settings.write({ rememberedLogin: login });
      store?.update((state) => withSession(state, (s) => ({ ...s, remembered: login })));
    },
    vault,
    phone: {
      use: (provisioned, displayName) =>
        phone.useProvisioned({ server: provisioned.sipServer, aor: provisioned.aor, authUser: provisioned.authUser, displayName }, provisioned.password),
      release: () => phone.endProvisioned(),
    },
    publish: (change) => store?.update((state) => withSession(state, change)),
    log: log.child('agent'),
  });
  const voice = new VoiceActions({
    work: (request) => agentSession.work(request),
    view: () => store?.current.session.view ?? null,
    phone: { state: () => phone.lines.state, command: (command) => phone.lines.command(command), contactOf: (line) => phone.lines.contactOf(line) },
    onChange: (listener) => store?.subscribe(listener) ?? (() => undefined),
    reportFailure: ({ code, number }) => store?.update((state) => withSession(state, (s) => ({ ...s, error: { code, ...(number !== undefined ? { number } : {}) } }))),
    log: log.child('voice'),
  });
  registerAgentCommands({ router, store, settings, session: agentSession, voice });

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
  void softphone.start().catch((error: unknown) => log.error('softphone failed to start', { error }));

  return {
    store,
    engine,
    focusUi() {
      if (!uiWindow || uiWindow.isDestroyed()) return;
      if (uiWindow.isMinimized()) uiWindow.restore();
      uiWindow.show();
      uiWindow.focus();
    },
    async shutdown() {
      stopWatchingNetwork();
      await agentSession.stop();
      await softphone.stop();
      engine.stop();
      router.dispose();
    },
  };
}
