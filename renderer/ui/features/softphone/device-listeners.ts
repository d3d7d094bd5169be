import { DEFAULT_DEVICE_CHOICE, inputLevelSchema, type DeviceChoice } from '../../../../common/contract/audio-devices';
import { callBridge } from '../../app/call-bridge';
import type { AppStartListening } from '../../app/listener';
import { DEVICE_ROLE_FIELD, levelPercent } from './audio-devices';
import {
  audioDeviceChosen,
  audioDevicesSending,
  audioDevicesSettled,
  inputLevelChanged,
  levelMeterRequested,
} from './slice';

/**
 * At most one store update per this many ms from the level meter. Main
 * forwards the engine's ~10 levels a second; bursts (IPC catching up after a
 * busy moment) must not turn into a burst of re-renders.
 */
export const INPUT_LEVEL_INTERVAL_MS = 100;

/**
 * Audio device intents → bridge verbs: the device choice (saved and applied
 * by main at once, also mid-call) and the settings view's level meter.
 */
export function registerAudioDeviceListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: audioDeviceChosen,
    effect: async (action, api) => {
      const state = api.getState();
      // Build on a choice still in flight, so two quick changes never undo each other.
      const base: DeviceChoice =
        state.softphone.devicesPending?.choice ?? state.mirror.state?.softphone.devices.chosen ?? DEFAULT_DEVICE_CHOICE;
      const field = DEVICE_ROLE_FIELD[action.payload.role];
      if (base[field] === action.payload.deviceId) return;
      const devices: DeviceChoice = { ...base, [field]: action.payload.deviceId };
      api.dispatch(audioDevicesSending(devices));
      const seq = api.getState().softphone.devicesSeq;
      const reply = await callBridge(api, 'setAudioDevices', (bridge) => bridge.softphone.setDevices({ devices }));
      api.dispatch(audioDevicesSettled({ seq, rev: reply?.rev ?? null }));
    },
  });

  // Like the mirror's snapshot subscription: "on" subscribes and holds the
  // subscription until the next meter intent; that intent cancels this one
  // (its `finally` unsubscribes) and, when it is "off", stops the meter.
  startListening({
    actionCreator: levelMeterRequested,
    effect: async (action, api) => {
      api.cancelActiveListeners();
      const { bridge, logger } = api.extra;
      const on = action.payload;
      if (!on) {
        // Sent first thing, so on/off reach main in the order the view asked.
        await callBridge(api, 'levelMeter', (b) => b.softphone.levelMeter({ on: false }));
        return;
      }

      // Throttle: the first level lands at once, later ones at most every
      // INPUT_LEVEL_INTERVAL_MS (the newest wins); unchanged percentages are
      // not dispatched at all, so a silent microphone re-renders nothing.
      let latest: number | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let warned = false;
      const publish = (): void => {
        if (latest === null || api.signal.aborted) {
          timer = null;
          return;
        }
        const level = latest;
        latest = null;
        if (levelPercent(level) !== levelPercent(api.getState().softphone.inputLevel)) {
          api.dispatch(inputLevelChanged(level));
        }
        timer = setTimeout(publish, INPUT_LEVEL_INTERVAL_MS);
      };
      const unsubscribe = bridge.softphone.onInputLevel((incoming) => {
        // Turned off already; the `finally` below is about to unsubscribe.
        if (api.signal.aborted) return;
        const parsed = inputLevelSchema.safeParse(incoming);
        if (!parsed.success) {
          if (!warned) logger.warn('ignored a malformed input level');
          warned = true;
          return;
        }
        latest = parsed.data.level;
        if (timer === null) publish();
      });
      logger.debug('level meter: subscribed');
      try {
        const reply = await callBridge(api, 'levelMeter', (b) => b.softphone.levelMeter({ on: true }));
        // Refused (a notice is up): no levels will come.
        if (reply === null) return;
        await api.condition(levelMeterRequested.match);
      } finally {
        unsubscribe();
        if (timer !== null) clearTimeout(timer);
        logger.debug('level meter: unsubscribed');
      }
    },
  });
}
