/**
 * Ring and call-waiting tones, generated with WebAudio (no asset licence
 * needed) and looped until main says stop. The ringtone is the classic
 * 440+480 Hz 2 s on / 4 s off cadence; call waiting is a short 440 Hz beep
 * every 5 s, quiet enough to talk over.
 */
const PATTERNS = {
  ringtone: { freqs: [440, 480], onS: 2, periodS: 6, gain: 0.25 },
  callWaiting: { freqs: [440], onS: 0.3, periodS: 5, gain: 0.15 },
} as const;

export type Tone = keyof typeof PATTERNS;

export class Ringer {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private playing: Tone | null = null;
  /** Output device for rings (a separate ringer, e.g. the PC speakers); null = default. */
  sinkId: string | null = null;

  get current(): Tone | null {
    return this.playing;
  }

  private generation = 0;

  async ring(tone: Tone): Promise<void> {
    this.stop();
    const generation = this.generation;
    const context = new AudioContext();
    this.context = context;
    this.playing = tone;
    const routable = context as AudioContext & { setSinkId?: (id: string) => Promise<void> };
    if (this.sinkId && routable.setSinkId) await routable.setSinkId(this.sinkId).catch(() => undefined);
    const pattern = PATTERNS[tone];
    const burst = (): void => {
      const start = context.currentTime;
      const gain = context.createGain();
      gain.gain.setValueAtTime(pattern.gain, start);
      gain.gain.setValueAtTime(0, start + pattern.onS);
      gain.connect(context.destination);
      for (const freq of pattern.freqs) {
        const osc = context.createOscillator();
        osc.frequency.value = freq;
        osc.connect(gain);
        osc.start(start);
        osc.stop(start + pattern.onS);
      }
    };
    await context.resume();
    // A stop that arrived while we were starting wins.
    if (generation !== this.generation) return;
    burst();
    this.timer = setInterval(burst, pattern.periodS * 1000);
  }

  stop(): void {
    this.generation += 1;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.playing = null;
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}
