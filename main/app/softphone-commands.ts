import { ok } from '../../common/contract';
import type { IpcRouter } from '../ipc/router';
import type { AudioDevices } from '../softphone/audio-devices';
import type { EngineRpc } from '../softphone/media/engine-rpc';
import type { SoftphoneService } from '../softphone/softphone-service';
import type { StateStore } from '../state/state-store';

export interface SoftphoneCommandDeps {
  router: IpcRouter;
  store: StateStore;
  softphone: SoftphoneService;
  devices: AudioDevices;
  rpc: EngineRpc;
}

/** The softphone's commands from the UI and the engine's media reports. */
export function registerSoftphoneCommands({ router, store, softphone, devices, rpc }: SoftphoneCommandDeps): void {
  const rev = () => ({ rev: store.snapshot().rev });

  router.register('sb:softphone:save-account', async ({ account, password }) => {
    await softphone.saveAccount(account, password);
    return ok(rev());
  });
  router.register('sb:softphone:remove-account', async () => {
    await softphone.removeAccount();
    return ok(rev());
  });
  router.register('sb:softphone:reconnect', async () => {
    await softphone.refresh('agent asked');
    return ok(rev());
  });
  router.register('sb:softphone:line', ({ command }) => ok(softphone.lineCommand(command)));
  router.register('sb:softphone:set-devices', async ({ devices: chosen }) => {
    await devices.choose(chosen);
    return ok(rev());
  });
  router.register('sb:softphone:level-meter', async ({ on }) => ok({ on: await devices.meter(on).catch(() => false) }));

  router.register('sb:engine:media-reply', (reply) => ok({ accepted: rpc.settle(reply) }));
  router.register('sb:engine:call-quality', (report) => ok({ accepted: softphone.lines.onQuality(report) }));
  router.register('sb:engine:devices', (available) => {
    devices.available(available);
    return ok({ accepted: true });
  });
  router.register('sb:engine:input-level', (level) => {
    devices.level(level);
    return ok({ accepted: true });
  });
}
