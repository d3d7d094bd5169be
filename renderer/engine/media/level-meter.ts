import type { EngineBridge } from '../../../common/contract';

/**
 * Microphone level for the settings meter: RMS of the chosen microphone,
 * reported ten times a second while on. Uses its own capture, so it works
 * with or without a call.
 */
export class LevelMeter {
  private stop: (() => void) | null = null;

  constructor(private readonly bridge: EngineBridge) {}

  async start(microphoneId: string | null): Promise<void> {
    this.end();
    // The raw input: processing (noise suppression, gain control) would make
    // the meter lie about how loud the microphone really is.
    const raw = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: microphoneId ? { ...raw, deviceId: { exact: microphoneId } } : raw,
      video: false,
    });
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    await context.resume();
    const frame = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(frame);
      const rms = Math.sqrt(frame.reduce((sum, x) => sum + x * x, 0) / frame.length);
      // Speech RMS is around 0.05–0.3; scale so a normal voice fills half the meter.
      void this.bridge.inputLevel({ level: Math.min(1, rms * 3) }).catch(() => undefined);
    }, 100);
    this.stop = () => {
      clearInterval(timer);
      stream.getTracks().forEach((t) => t.stop());
      void context.close().catch(() => undefined);
    };
  }

  end(): void {
    this.stop?.();
    this.stop = null;
  }
}
