import { z } from 'zod';

/**
 * Audio devices (PRODUCT V11, N2): the engine lists what the OS offers; the
 * agent picks a microphone, a speaker (headset) and a separate ringer device
 * (e.g. the PC speakers, so a ring is heard without the headset on).
 * `null` means the system default.
 */
export const audioDeviceSchema = z.object({
  id: z.string().min(1).max(256),
  label: z.string().max(256),
});
export type AudioDevice = z.infer<typeof audioDeviceSchema>;

export const availableDevicesSchema = z
  .object({
    inputs: z.array(audioDeviceSchema).max(32),
    outputs: z.array(audioDeviceSchema).max(32),
  })
  .strict();
export type AvailableDevices = z.infer<typeof availableDevicesSchema>;

const deviceId = z.string().min(1).max(256).nullable();
export const deviceChoiceSchema = z
  .object({ microphoneId: deviceId, speakerId: deviceId, ringerId: deviceId })
  .strict();
export type DeviceChoice = z.infer<typeof deviceChoiceSchema>;

export const DEFAULT_DEVICE_CHOICE: DeviceChoice = { microphoneId: null, speakerId: null, ringerId: null };

export const devicesStateSchema = z.object({
  available: availableDevicesSchema,
  chosen: deviceChoiceSchema,
});
export type DevicesState = z.infer<typeof devicesStateSchema>;

/** Microphone input level, 0 (silence) … 1 (full scale), for the meter. */
export const inputLevelSchema = z.object({ level: z.number().min(0).max(1) }).strict();
export type InputLevel = z.infer<typeof inputLevelSchema>;
