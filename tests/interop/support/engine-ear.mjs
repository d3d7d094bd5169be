// What the agent hears: samples the audio the engine window plays (every
// call's <audio> element, mixed as the speaker would) for `ms` and reports
// the relative power of each probe frequency (Goertzel).
export async function heardTones(enginePage, freqs, ms = 1200) {
  return enginePage.evaluate(
    async ([probe, duration]) => {
      const ctx = new AudioContext();
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 2048;
      for (const audio of document.querySelectorAll('audio')) {
        if (audio.srcObject instanceof MediaStream && audio.srcObject.getAudioTracks().length > 0) {
          ctx.createMediaStreamSource(audio.srcObject).connect(analyser);
        }
      }
      await ctx.resume();
      const frame = new Float32Array(analyser.fftSize);
      const power = Object.fromEntries(probe.map((f) => [f, 0]));
      let rms = 0;
      const end = performance.now() + duration;
      while (performance.now() < end) {
        await new Promise((r) => setTimeout(r, 40));
        analyser.getFloatTimeDomainData(frame);
        for (const f of probe) {
          const k = (2 * Math.PI * f) / ctx.sampleRate;
          let s1 = 0;
          let s2 = 0;
          for (const x of frame) {
            const s0 = x + 2 * Math.cos(k) * s1 - s2;
            s2 = s1;
            s1 = s0;
          }
          power[f] += s1 * s1 + s2 * s2 - 2 * Math.cos(k) * s1 * s2;
        }
        rms += frame.reduce((a, x) => a + x * x, 0);
      }
      await ctx.close();
      const max = Math.max(...Object.values(power), 1e-12);
      return { relative: Object.fromEntries(probe.map((f) => [f, power[f] / max])), energy: rms };
    },
    [freqs, ms],
  );
}

/** Frequencies whose power is at least `ratio` of the strongest one, above a floor. */
export function presentTones(result, ratio = 0.1) {
  if (result.energy < 1e-3) return [];
  return Object.entries(result.relative)
    .filter(([, r]) => r >= ratio)
    .map(([f]) => Number(f))
    .sort((a, b) => a - b);
}
