import { ManualClock } from '../../../../lab/parties/clock';
import { Hearing } from '../../../../lab/parties/hearing';
import { Pacer } from '../../../../lab/parties/pacer';
import { tonePayloads } from '../../../../lab/parties/tone';

describe('Hearing', () => {
  let clock: ManualClock;
  let hearing: Hearing;
  let pacer: Pacer;
  let playing: readonly Buffer[] | null;
  let stop: () => void;

  beforeEach(() => {
    clock = new ManualClock();
    hearing = new Hearing({ clock });
    pacer = new Pacer(clock);
    playing = null;
    let next = 0;
    // A far end sending 20 ms packets on the manual clock.
    stop = pacer.add(() => {
      if (!playing) return;
      hearing.feed(playing[next % playing.length] as Buffer, 'PCMU');
      next++;
    });
  });

  afterEach(() => {
    stop();
    hearing.close();
    expect(clock.pending).toBe(0);
  });

  it('hears a tone once a window is complete, and only that tone', async () => {
    playing = tonePayloads('PCMU', [440]).packets;
    const heard = hearing.waitForTone(440, 1_000);
    await clock.advance(100);
    await expect(heard).resolves.toBeUndefined();
    expect(hearing.hears(440)).toBe(true);
    expect(hearing.hears(880)).toBe(false);
    expect(hearing.windowCount).toBe(1);
  });

  it('times out, on the clock, when the tone never comes', async () => {
    playing = tonePayloads('PCMU', [880]).packets;
    const heard = hearing.waitForTone(440, 500);
    const outcome = expect(heard).rejects.toThrow(/timed out after 500 ms waiting for tone 440 Hz/);
    await clock.advance(499);
    await clock.advance(1);
    await outcome;
  });

  it('notices silence when packets stop arriving (hold), not only when they carry silence', async () => {
    playing = tonePayloads('PCMU', [440]).packets;
    await clock.advance(200);
    expect(hearing.hears(440)).toBe(true);
    playing = null; // RTP stops: no window completes any more
    const silent = hearing.waitForSilence(440, 1_000);
    await clock.advance(300);
    expect(hearing.hears(440)).toBe(true); // the last window is still fresh
    await clock.advance(100);
    await expect(silent).resolves.toBeUndefined();
    expect(hearing.hearsSound()).toBe(false);
  });

  it('follows a change of tone and reports silence when the far end plays none', async () => {
    playing = tonePayloads('PCMU', [440]).packets;
    await clock.advance(100);
    playing = tonePayloads('PCMU', []).packets;
    const silent = hearing.waitForSilence(undefined, 1_000);
    await clock.advance(200);
    await expect(silent).resolves.toBeUndefined();
    expect(hearing.level()).toBe(0);
  });

  it('rejects pending waits when closed', async () => {
    const heard = hearing.waitForTone(440, 1_000);
    hearing.close();
    await expect(heard).rejects.toThrow(/closed/);
  });
});

describe('Pacer', () => {
  it('ticks every interval while listened to, and holds no timer when idle', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer(clock, 20);
    let ticks = 0;
    const stop = pacer.add(() => ticks++);
    await clock.advance(100);
    expect(ticks).toBe(5);
    const stopB = pacer.add(() => undefined);
    stop();
    await clock.advance(40);
    expect(ticks).toBe(5);
    stopB();
    expect(clock.pending).toBe(0);
  });

  it('keeps ticking when a listener throws', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer(clock, 20);
    let ticks = 0;
    const a = pacer.add(() => {
      throw new Error('boom');
    });
    const b = pacer.add(() => ticks++);
    await clock.advance(60);
    expect(ticks).toBe(3);
    a();
    b();
  });
});
