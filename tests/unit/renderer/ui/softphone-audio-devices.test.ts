import type { DeviceChoice, InputLevel } from '../../../../common/contract/audio-devices';
import type { SwitchboardBridge } from '../../../../common/contract/bridge';
import { fail } from '../../../../common/contract/result';
import type { AppState } from '../../../../common/contract/snapshot';
import { createAppStore } from '../../../../renderer/ui/app/store';
import { mirrorStarted } from '../../../../renderer/ui/features/mirror/intents';
import {
  SYSTEM_DEFAULT_VALUE,
  buildDeviceOptions,
  deviceIdFromValue,
  levelPercent,
  valueFromDeviceId,
} from '../../../../renderer/ui/features/softphone/audio-devices';
import { INPUT_LEVEL_INTERVAL_MS } from '../../../../renderer/ui/features/softphone/device-listeners';
import {
  audioDeviceChosen,
  levelMeterRequested,
  MAX_KNOWN_DEVICE_LABELS,
} from '../../../../renderer/ui/features/softphone/slice';
import { createFakeBridge, deferred, flush, makeSnapshot, makeState } from './fake-bridge';

const HEADSET_MIC = { id: 'mic-headset', label: 'Jabra Evolve2 Microphone' };
const LAPTOP_MIC = { id: 'mic-laptop', label: 'Built-in Microphone' };
const HEADSET = { id: 'out-headset', label: 'Jabra Evolve2 Headphones' };
const SPEAKERS = { id: 'out-speakers', label: 'Built-in Speakers' };

function softphoneWith(chosen: DeviceChoice, available = { inputs: [HEADSET_MIC, LAPTOP_MIC], outputs: [HEADSET, SPEAKERS] }) {
  const base = makeState().softphone;
  return { softphone: { ...base, devices: { available, chosen } } } satisfies Partial<AppState>;
}

const CHOSEN: DeviceChoice = { microphoneId: HEADSET_MIC.id, speakerId: null, ringerId: SPEAKERS.id };

/** A mirrored store whose snapshot carries devices and a choice. */
async function mirroredStore(chosen: DeviceChoice = CHOSEN) {
  const fake = createFakeBridge(makeSnapshot(1, softphoneWith(chosen)));
  const store = createAppStore(fake.bridge);
  store.dispatch(mirrorStarted());
  await flush();
  return { fake, store };
}

/** Lets the test push levels through the fake's `onInputLevel` and see who listens. */
function captureLevels(fake: ReturnType<typeof createFakeBridge>) {
  const listeners = new Set<(level: InputLevel) => void>();
  const unsubscribed = jest.fn();
  // The shared fake types the verb without its listener; this test needs it.
  const onInputLevel = fake.bridge.softphone.onInputLevel as unknown as jest.MockedFunction<
    SwitchboardBridge['softphone']['onInputLevel']
  >;
  onInputLevel.mockImplementation((listener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      unsubscribed();
    };
  });
  return {
    listeners,
    unsubscribed,
    emit(level: unknown) {
      for (const listener of [...listeners]) listener(level as InputLevel);
    },
  };
}

describe('buildDeviceOptions', () => {
  it('puts the system default first, then the devices in the engine order', () => {
    const { options, chosenMissing } = buildDeviceOptions([HEADSET, SPEAKERS], HEADSET.id);
    expect(options).toEqual([
      { kind: 'default', value: SYSTEM_DEFAULT_VALUE },
      { kind: 'device', value: HEADSET.id, label: HEADSET.label, position: 1 },
      { kind: 'device', value: SPEAKERS.id, label: SPEAKERS.label, position: 2 },
    ]);
    expect(chosenMissing).toBe(false);
  });

  it('offers only the system default when the engine listed nothing', () => {
    expect(buildDeviceOptions([], null)).toEqual({
      options: [{ kind: 'default', value: SYSTEM_DEFAULT_VALUE }],
      chosenMissing: false,
    });
  });

  it('keeps a chosen device that is unplugged, marked missing, with the label seen earlier', () => {
    const { options, chosenMissing } = buildDeviceOptions([SPEAKERS], HEADSET.id, { [HEADSET.id]: HEADSET.label });
    expect(chosenMissing).toBe(true);
    expect(options[0]).toEqual({ kind: 'default', value: SYSTEM_DEFAULT_VALUE });
    expect(options.at(-1)).toEqual({ kind: 'missing', value: HEADSET.id, label: HEADSET.label });
    expect(options.filter((o) => o.value === HEADSET.id)).toHaveLength(1);
  });

  it('marks a missing device without a known label as unnamed', () => {
    const { options } = buildDeviceOptions([], 'gone');
    expect(options).toEqual([
      { kind: 'default', value: SYSTEM_DEFAULT_VALUE },
      { kind: 'missing', value: 'gone', label: null },
    ]);
  });

  it('leaves an empty OS label to the UI to name by position', () => {
    const { options } = buildDeviceOptions([{ id: 'a', label: '  ' }], null);
    expect(options[1]).toEqual({ kind: 'device', value: 'a', label: null, position: 1 });
  });

  it('maps the system default to an option value no device can have, and back', () => {
    expect(valueFromDeviceId(null)).toBe(SYSTEM_DEFAULT_VALUE);
    expect(deviceIdFromValue(SYSTEM_DEFAULT_VALUE)).toBeNull();
    expect(deviceIdFromValue(valueFromDeviceId('x'))).toBe('x');
  });

  it('turns a level into a clamped whole percent', () => {
    expect([0, 0.004, 0.5, 0.996, 1, 1.5, -1, Number.NaN].map(levelPercent)).toEqual([0, 0, 50, 100, 100, 100, 0, 0]);
  });
});

describe('choosing an audio device', () => {
  it('sends the whole choice with the changed field merged in', async () => {
    const { fake, store } = await mirroredStore();
    store.dispatch(audioDeviceChosen({ role: 'speaker', deviceId: HEADSET.id }));
    expect(fake.bridge.softphone.setDevices).toHaveBeenCalledWith({
      devices: { microphoneId: HEADSET_MIC.id, speakerId: HEADSET.id, ringerId: SPEAKERS.id },
    });
    await flush();
    expect(store.getState().notices.items).toEqual([]);
  });

  it('sends null for the system default', async () => {
    const { fake, store } = await mirroredStore();
    store.dispatch(audioDeviceChosen({ role: 'ringer', deviceId: null }));
    await flush();
    expect(fake.bridge.softphone.setDevices).toHaveBeenCalledWith({
      devices: { microphoneId: HEADSET_MIC.id, speakerId: null, ringerId: null },
    });
  });

  it('does not send a choice that changes nothing', async () => {
    const { fake, store } = await mirroredStore();
    store.dispatch(audioDeviceChosen({ role: 'microphone', deviceId: HEADSET_MIC.id }));
    await flush();
    expect(fake.bridge.softphone.setDevices).not.toHaveBeenCalled();
  });

  it('shows the choice while it is on its way and until the snapshot that carries it', async () => {
    const { fake, store } = await mirroredStore();
    store.dispatch(audioDeviceChosen({ role: 'microphone', deviceId: LAPTOP_MIC.id }));
    const sent = { ...CHOSEN, microphoneId: LAPTOP_MIC.id };
    expect(store.getState().softphone.devicesPending).toEqual({ choice: sent, seq: 1, untilRev: null });
    await flush();
    // Main answered rev 2; the mirror still shows rev 1.
    expect(store.getState().softphone.devicesPending).toEqual({ choice: sent, seq: 1, untilRev: 2 });
    fake.emit(makeSnapshot(2, softphoneWith(sent)));
    expect(store.getState().softphone.devicesPending).toBeNull();
    expect(store.getState().mirror.state?.softphone.devices.chosen).toEqual(sent);
  });

  it('builds a quick second choice on the first one still in flight', async () => {
    const { fake, store } = await mirroredStore();
    const first = deferred<Awaited<ReturnType<typeof fake.bridge.softphone.setDevices>>>();
    fake.bridge.softphone.setDevices.mockReturnValueOnce(first.promise);
    store.dispatch(audioDeviceChosen({ role: 'microphone', deviceId: LAPTOP_MIC.id }));
    store.dispatch(audioDeviceChosen({ role: 'speaker', deviceId: HEADSET.id }));
    expect(fake.bridge.softphone.setDevices).toHaveBeenNthCalledWith(2, {
      devices: { microphoneId: LAPTOP_MIC.id, speakerId: HEADSET.id, ringerId: SPEAKERS.id },
    });
    await flush();
    // The second reply (rev 2) settled the pending choice; the late first reply does not touch it.
    first.resolve({ ok: true, value: { rev: 2 } });
    await flush();
    expect(store.getState().softphone.devicesPending).toMatchObject({ seq: 2, untilRev: 2 });
  });

  it('turns a failure into a notice and lets the pickers fall back to the mirror', async () => {
    const { fake, store } = await mirroredStore();
    fake.bridge.softphone.setDevices.mockResolvedValueOnce(fail('invalid-payload', 'bad device'));
    store.dispatch(audioDeviceChosen({ role: 'ringer', deviceId: HEADSET.id }));
    await flush();
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'setAudioDevices', code: 'invalid-payload' }),
    ]);
    expect(store.getState().softphone.devicesPending).toBeNull();
  });

  it('turns a broken bridge into an internal notice', async () => {
    const { fake, store } = await mirroredStore();
    fake.bridge.softphone.setDevices.mockRejectedValueOnce(new Error('gone'));
    store.dispatch(audioDeviceChosen({ role: 'speaker', deviceId: SPEAKERS.id }));
    await flush();
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'setAudioDevices', code: 'internal' }),
    ]);
  });

  it('remembers device labels, so an unplugged chosen device keeps its name', async () => {
    const { fake, store } = await mirroredStore({ ...CHOSEN, speakerId: HEADSET.id });
    fake.emit(
      makeSnapshot(2, softphoneWith({ ...CHOSEN, speakerId: HEADSET.id }, { inputs: [LAPTOP_MIC], outputs: [SPEAKERS] })),
    );
    expect(store.getState().softphone.deviceLabels[HEADSET.id]).toBe(HEADSET.label);
  });

  it('keeps the label table bounded', async () => {
    const { fake, store } = await mirroredStore();
    for (let rev = 2; rev < 2 + MAX_KNOWN_DEVICE_LABELS; rev += 1) {
      const device = { id: `dev-${rev}`, label: `Device ${rev}` };
      fake.emit(makeSnapshot(rev, softphoneWith(CHOSEN, { inputs: [device], outputs: [] })));
    }
    expect(Object.keys(store.getState().softphone.deviceLabels)).toHaveLength(MAX_KNOWN_DEVICE_LABELS);
  });
});

describe('microphone level meter', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('on: subscribes to levels, then asks main to start the meter', async () => {
    const { fake, store } = await mirroredStore();
    const levels = captureLevels(fake);
    store.dispatch(levelMeterRequested(true));
    await flush();
    expect(fake.bridge.softphone.onInputLevel).toHaveBeenCalledTimes(1);
    expect(fake.bridge.softphone.levelMeter).toHaveBeenCalledWith({ on: true });
    expect(fake.bridge.softphone.onInputLevel.mock.invocationCallOrder[0]).toBeLessThan(
      fake.bridge.softphone.levelMeter.mock.invocationCallOrder[0]!,
    );
    expect(levels.listeners.size).toBe(1);
    expect(store.getState().notices.items).toEqual([]);
  });

  it('levels land in the slice', async () => {
    const { fake, store } = await mirroredStore();
    const levels = captureLevels(fake);
    store.dispatch(levelMeterRequested(true));
    await flush();
    levels.emit({ level: 0.42 });
    expect(store.getState().softphone.inputLevel).toBe(0.42);
  });

  it('off: stops the meter, unsubscribes and resets the level', async () => {
    const { fake, store } = await mirroredStore();
    const levels = captureLevels(fake);
    store.dispatch(levelMeterRequested(true));
    await flush();
    levels.emit({ level: 0.6 });
    store.dispatch(levelMeterRequested(false));
    await flush();
    expect(fake.bridge.softphone.levelMeter).toHaveBeenLastCalledWith({ on: false });
    expect(levels.unsubscribed).toHaveBeenCalledTimes(1);
    expect(levels.listeners.size).toBe(0);
    expect(store.getState().softphone.inputLevel).toBe(0);
    levels.emit({ level: 0.9 });
    expect(store.getState().softphone.inputLevel).toBe(0);
  });

  it('keeps on/off in order when the view mounts, unmounts and mounts at once (StrictMode)', async () => {
    const { fake, store } = await mirroredStore();
    const levels = captureLevels(fake);
    store.dispatch(levelMeterRequested(true));
    store.dispatch(levelMeterRequested(false));
    store.dispatch(levelMeterRequested(true));
    await flush();
    expect(fake.bridge.softphone.levelMeter.mock.calls.map(([request]) => request)).toEqual([
      { on: true },
      { on: false },
      { on: true },
    ]);
    expect(levels.listeners.size).toBe(1);
    levels.emit({ level: 0.3 });
    expect(store.getState().softphone.inputLevel).toBe(0.3);
  });

  it('throttles store updates to one per interval, the newest level winning', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const { fake, store } = await mirroredStore();
    const levels = captureLevels(fake);
    store.dispatch(levelMeterRequested(true));
    await flush();
    let updates = 0;
    let last = store.getState().softphone.inputLevel;
    store.subscribe(() => {
      const now = store.getState().softphone.inputLevel;
      if (now !== last) updates += 1;
      last = now;
    });

    // A burst: the first lands at once, the rest wait for the interval.
    levels.emit({ level: 0.1 });
    levels.emit({ level: 0.2 });
    levels.emit({ level: 0.3 });
    expect(store.getState().softphone.inputLevel).toBe(0.1);
    expect(updates).toBe(1);
    jest.advanceTimersByTime(INPUT_LEVEL_INTERVAL_MS);
    expect(store.getState().softphone.inputLevel).toBe(0.3);
    expect(updates).toBe(2);

    // Unchanged percent: no update at all.
    jest.advanceTimersByTime(INPUT_LEVEL_INTERVAL_MS);
    levels.emit({ level: 0.301 });
    jest.advanceTimersByTime(INPUT_LEVEL_INTERVAL_MS * 2);
    expect(updates).toBe(2);

    // 30 levels over 1 s (a catching-up burst) → at most ~10 updates.
    for (let i = 0; i < 30; i += 1) {
      levels.emit({ level: (i % 10) / 10 + 0.05 });
      jest.advanceTimersByTime(33);
    }
    jest.advanceTimersByTime(INPUT_LEVEL_INTERVAL_MS);
    expect(updates - 2).toBeLessThanOrEqual(11);
    store.dispatch(levelMeterRequested(false));
    await flush();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ignores malformed levels', async () => {
    const { fake, store } = await mirroredStore();
    const levels = captureLevels(fake);
    store.dispatch(levelMeterRequested(true));
    await flush();
    levels.emit({ level: 7 });
    levels.emit({ level: 'loud' });
    levels.emit(null);
    expect(store.getState().softphone.inputLevel).toBe(0);
  });

  it('a refused start becomes a notice and drops the subscription', async () => {
    const { fake, store } = await mirroredStore();
    const levels = captureLevels(fake);
    fake.bridge.softphone.levelMeter.mockResolvedValueOnce(fail('internal', 'engine not ready'));
    store.dispatch(levelMeterRequested(true));
    await flush();
    expect(store.getState().notices.items).toEqual([expect.objectContaining({ action: 'levelMeter', code: 'internal' })]);
    expect(levels.listeners.size).toBe(0);
  });
});
