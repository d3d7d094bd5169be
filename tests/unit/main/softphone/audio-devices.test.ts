import { DEFAULT_DEVICE_CHOICE, type DevicesState, type MediaRequest } from '../../../../common/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../../../main/settings/settings-schema';
import { AudioDevices } from '../../../../main/softphone/audio-devices';
import { EngineRpc } from '../../../../main/softphone/media/engine-rpc';
import { memoryLogger } from '../../support/memory-logger';

function setup() {
  let saved: Settings = { ...DEFAULT_SETTINGS };
  const sent: MediaRequest[] = [];
  const { log } = memoryLogger();
  const rpc = new EngineRpc((request) => {
    sent.push(request);
    queueMicrotask(() => rpc.settle({ id: request.id, ok: true, result: true }));
    return true;
  }, log);
  let state: DevicesState = { available: { inputs: [], outputs: [] }, chosen: DEFAULT_DEVICE_CHOICE };
  const levels: number[] = [];
  const devices = new AudioDevices({
    settings: { read: () => saved, write: (c) => (saved = { ...saved, ...c }) },
    rpc,
    publish: (change) => (state = change(state)),
    emitInputLevel: ({ level }) => levels.push(level),
    log,
  });
  return { devices, sent, state: () => state, saved: () => saved, levels };
}

describe('AudioDevices', () => {
  it('saves, publishes and applies a device choice', async () => {
    const { devices, sent, state, saved } = setup();
    const choice = { microphoneId: 'mic-2', speakerId: 'headset', ringerId: 'speakers' };
    await devices.choose(choice);
    expect(saved().audioDevices).toEqual(choice);
    expect(state().chosen).toEqual(choice);
    expect(sent).toEqual([{ id: 1, op: 'setDevices', devices: choice }]);
  });

  it('publishes what the engine reports as available', () => {
    const { devices, state } = setup();
    devices.available({ inputs: [{ id: 'a', label: 'Headset mic' }], outputs: [] });
    expect(state().available.inputs).toEqual([{ id: 'a', label: 'Headset mic' }]);
  });

  it('forwards levels only while the meter is on, and restores devices and meter on a new engine', async () => {
    const { devices, sent, levels } = setup();
    devices.level({ level: 0.5 });
    await devices.meter(true);
    devices.level({ level: 0.3 });
    await devices.engineReady();
    await devices.meter(false);
    devices.level({ level: 0.9 });
    expect(levels).toEqual([0.3]);
    expect(sent.map((r) => r.op)).toEqual(['levelMeter', 'setDevices', 'levelMeter', 'levelMeter']);
  });
});
