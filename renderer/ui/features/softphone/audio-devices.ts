import type { AudioDevice, DeviceChoice } from '../../../../common/contract/audio-devices';

/** The three device pickers of the settings view, in the order shown. */
export const DEVICE_ROLES = ['microphone', 'speaker', 'ringer'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** Which field of the choice each picker sets, and which list it offers. */
export const DEVICE_ROLE_FIELD: Record<DeviceRole, keyof DeviceChoice> = {
  microphone: 'microphoneId',
  speaker: 'speakerId',
  ringer: 'ringerId',
};
export const DEVICE_ROLE_KIND: Record<DeviceRole, 'inputs' | 'outputs'> = {
  microphone: 'inputs',
  speaker: 'outputs',
  ringer: 'outputs',
};

/**
 * `<select>` values are strings; the system default (`null` in the
 * contract) gets one no device id can have (ids are never empty).
 */
export const SYSTEM_DEFAULT_VALUE = '';

export const deviceIdFromValue = (value: string): string | null => (value === SYSTEM_DEFAULT_VALUE ? null : value);
export const valueFromDeviceId = (id: string | null): string => id ?? SYSTEM_DEFAULT_VALUE;

/**
 * One option of a device picker, before translation. `label` is the OS's
 * name (null: unknown, shown as "Microphone 2" from `position`, or for a
 * missing device "Chosen device").
 */
export type DeviceOption =
  | { kind: 'default'; value: string }
  | { kind: 'device'; value: string; label: string | null; position: number }
  | { kind: 'missing'; value: string; label: string | null };

export interface DeviceOptions {
  options: DeviceOption[];
  /** The chosen device is not in the list (unplugged): the system default plays meanwhile. */
  chosenMissing: boolean;
}

/**
 * The option list of one picker: "System default" first, then the devices
 * as the engine listed them; a chosen device that is no longer connected
 * stays in the list (last, marked missing) so the choice is neither lost
 * nor silently shown as something else. `knownLabels` names such a device
 * when it was seen earlier in this session.
 */
export function buildDeviceOptions(
  devices: readonly AudioDevice[],
  chosenId: string | null,
  knownLabels: Readonly<Record<string, string>> = {},
): DeviceOptions {
  const options: DeviceOption[] = [{ kind: 'default', value: SYSTEM_DEFAULT_VALUE }];
  devices.forEach((device, index) => {
    options.push({ kind: 'device', value: device.id, label: device.label.trim() || null, position: index + 1 });
  });
  const chosenMissing = chosenId !== null && !devices.some((device) => device.id === chosenId);
  if (chosenMissing) options.push({ kind: 'missing', value: chosenId, label: knownLabels[chosenId]?.trim() || null });
  return { options, chosenMissing };
}

/** The level (0…1) as the meter's whole percent, clamped. */
export function levelPercent(level: number): number {
  if (!Number.isFinite(level)) return 0;
  return Math.round(Math.min(1, Math.max(0, level)) * 100);
}
