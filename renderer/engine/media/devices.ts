import type { AvailableDevices, DeviceChoice, EngineBridge } from '../../../common/contract';
import { constraints, type CallMedia } from './call-media';

/** Lists the OS's audio devices (labels need the media permission, which the engine has). */
export async function listDevices(): Promise<AvailableDevices> {
  const all = await navigator.mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind) =>
    all
      .filter((d) => d.kind === kind && d.deviceId && d.deviceId !== 'default' && d.deviceId !== 'communications')
      .slice(0, 32)
      .map((d) => ({ id: d.deviceId.slice(0, 256), label: (d.label || d.deviceId).slice(0, 256) }));
  return { inputs: pick('audioinput'), outputs: pick('audiooutput') };
}

/** Reports the device list to main now and on every change. */
export function watchDevices(bridge: EngineBridge): () => void {
  const report = (): void => {
    void listDevices()
      .then((devices) => bridge.devices(devices))
      .catch(() => undefined);
  };
  report();
  navigator.mediaDevices.addEventListener('devicechange', report);
  return () => navigator.mediaDevices.removeEventListener('devicechange', report);
}

/** Plays a call's far end on the chosen speaker (headset). */
export async function routeSpeaker(media: CallMedia, speakerId: string | null): Promise<void> {
  const audio = media.audio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
  if (audio.setSinkId) await audio.setSinkId(speakerId ?? '');
}

/**
 * Switches a live call to another microphone without renegotiation: the new
 * track replaces the old one in the call's sender and local stream.
 */
export async function switchMicrophone(media: CallMedia, microphoneId: string | null): Promise<void> {
  const local = media.handler.localMediaStream;
  const old = local.getAudioTracks()[0];
  if (!old) return;
  const stream = await navigator.mediaDevices.getUserMedia(constraints(media.config, microphoneId));
  const track = stream.getAudioTracks()[0];
  if (!track) return;
  for (const sender of media.handler.peerConnection?.getSenders() ?? []) {
    if (sender.track === old) await sender.replaceTrack(track);
  }
  local.removeTrack(old);
  local.addTrack(track);
  old.stop();
}

/** The chosen devices, as the engine keeps them between requests. */
export class DeviceSettings {
  current: DeviceChoice = { microphoneId: null, speakerId: null, ringerId: null };
}
