import type { Shell } from 'electron';
import { ok, fail } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import type { EngineSupervisor } from '../engine/engine-supervisor';
import type { IpcRouter } from '../ipc/router';
import { isSafeExternalUrl } from '../security/external-links';
import type { SettingsRepository } from '../settings/settings-store';
import type { StateStore } from '../state/state-store';
import { withSettings } from './app-state';
import { createRateLimiter } from './rate-limiter';

export interface CommandDeps {
  router: IpcRouter;
  store: StateStore;
  settings: SettingsRepository;
  engine: EngineSupervisor;
  shell: Pick<Shell, 'openExternal'>;
  log: Logger;
  now?: () => number;
}

/** Registers main's handlers for the app, settings, shell, engine and log commands. */
export function registerCommandHandlers(deps: CommandDeps): void {
  const { router, store, settings, engine, shell, log } = deps;
  const now = deps.now ?? Date.now;
  const rendererLog = log.child('renderer');
  const logBudget = createRateLimiter({ perSecond: 50, now });

  router.register('sb:app:get-snapshot', () => ok(store.snapshot()));

  router.register('sb:app:ping', ({ nonce }) => ok({ nonce, receivedAt: now() }));

  router.register('sb:settings:set-language', ({ language }) => {
    const next = settings.write({ language });
    const snapshot = store.update((state) => withSettings(state, next));
    log.info('language preference changed', { language });
    return ok({ rev: snapshot.rev });
  });

  router.register('sb:shell:open-external', async ({ url }) => {
    if (!isSafeExternalUrl(url)) return fail('refused', 'only http(s) links open externally');
    await shell.openExternal(url);
    return ok({ opened: true });
  });

  router.register('sb:engine:restart', () => {
    engine.restart();
    return ok({ rev: store.snapshot().rev });
  });

  router.register('sb:engine:ready', (_request, { sender }) => ok({ accepted: engine.acceptReady(sender) }));

  router.register('sb:log:write', ({ level, scope, message }, { role }) => {
    if (!logBudget.take()) return ok({ written: false });
    rendererLog.child(`${role}:${scope}`)[level](message);
    return ok({ written: true });
  });
}
