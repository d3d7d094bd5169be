import type { AvailableDevices, DeviceChoice, DevicesState, InputLevel } from '../../common/contract/audio-devices';
import type { Logger } from '../../common/log/logger';
import type { SettingsRepository } from '../settings/settings-store';
import type { EngineRpc } from './media/engine-rpc';

export interface AudioDevicesDeps {
  settings: SettingsRepository;
  rpc: EngineRpc;
  publish(change: (devices: DevicesState) => DevicesState): void;
  /** Sends a microphone level to the UI (an event, not state). */
  emitInputLevel(level: InputLevel): void;
  log: Logger;
}

/**
 * The agent's audio devices: what the engine reports as available, what the
 * agent chose (persisted), and pushing the choice to the engine — at once,
 * for live calls too, and again whenever a new engine starts.
 */
export class AudioDevices {
  private meterOn = false;

  constructor(private readonly deps: AudioDevicesDeps) {}

  async choose(devices: DeviceChoice): Promise<void> {
    this.deps.settings.write({ audioDevices: devices });
    this.deps.publish((state) => ({ ...state, chosen: devices }));
    this.deps.log.info('audio devices chosen', { microphone: !!devices.microphoneId, speaker: !!devices.speakerId, ringer: !!devices.ringerId });
    await this.push();
  }

  /** The engine's list changed (start, headset plugged in or out). */
  available(devices: AvailableDevices): void {
    this.deps.publish((state) => ({ ...state, available: devices }));
  }

  async meter(on: boolean): Promise<boolean> {
    this.meterOn = on;
    await this.deps.rpc.call({ op: 'levelMeter', on });
    return on;
  }

  level(level: InputLevel): void {
    if (this.meterOn) this.deps.emitInputLevel(level);
  }

  /** A (new) engine is ready: give it the devices and the meter state. */
  async engineReady(): Promise<void> {
    await this.push();
    if (this.meterOn) await this.deps.rpc.call({ op: 'levelMeter', on: true }).catch(() => undefined);
  }

  private async push(): Promise<void> {
    const devices = this.deps.settings.read().audioDevices;
    await this.deps.rpc.call({ op: 'setDevices', devices }).catch((error: unknown) => this.deps.log.warn('devices not applied', { error }));
  }
}
