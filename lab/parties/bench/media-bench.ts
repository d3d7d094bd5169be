/**
 * How much CPU N werift calls cost. Not a test: run by hand,
 *   npx esbuild lab/parties/bench/media-bench.ts --bundle --platform=node \
 *     --packages=external --outfile=/tmp/media-bench.js && node /tmp/media-bench.js 25 10
 * (arguments: calls, seconds). Each call is two werift peers in this
 * process (so 2N peer connections, 2N paced PCMU streams with DTLS-SRTP),
 * each playing its own tone and listening for the other's. In the lab one
 * customer call is one werift peer (the agent's end is Chromium), so the
 * per-peer figure is the one to plan with.
 */
import { silentLogger } from '../../log';
import { CallMedia } from '../call-media';
import { realClock } from '../clock';
import { Hearing } from '../hearing';
import { Pacer } from '../pacer';
import { WeriftSessionDescriptionHandler } from '../werift-sdh';

interface End {
  handler: WeriftSessionDescriptionHandler;
  hearing: Hearing;
  media: CallMedia;
  tone: number;
}

const clock = realClock();
const pacer = new Pacer(clock);
const logger = silentLogger();

function end(tone: number): End {
  const hearing = new Hearing({ clock });
  const media = new CallMedia({ pacer, frequencies: () => [tone], onAudio: (payload, codec) => hearing.feed(payload, codec) });
  return { handler: new WeriftSessionDescriptionHandler({ codecs: ['PCMU'], media, logger }), hearing, media, tone };
}

async function connect(a: End, b: End): Promise<void> {
  const offer = await a.handler.getDescription();
  await b.handler.setDescription(offer.body);
  const answer = await b.handler.getDescription();
  await a.handler.setDescription(answer.body);
}

async function main(): Promise<void> {
  const calls = Number(process.argv[2] ?? 25);
  const seconds = Number(process.argv[3] ?? 10);
  const pairs: [End, End][] = [];
  const setupStart = Date.now();
  for (let i = 0; i < calls; i++) {
    const pair: [End, End] = [end(300 + 20 * i), end(1_500 + 20 * i)];
    await connect(...pair);
    pairs.push(pair);
  }
  await Promise.all(pairs.flatMap(([a, b]) => [a.hearing.waitForTone(b.tone, 15_000), b.hearing.waitForTone(a.tone, 15_000)]));
  const setupMs = Date.now() - setupStart;

  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  const sentStart = pairs.reduce((n, [a, b]) => n + a.media.counters.packetsSent + b.media.counters.packetsSent, 0);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
  const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const sent = pairs.reduce((n, [a, b]) => n + a.media.counters.packetsSent + b.media.counters.packetsSent, 0) - sentStart;
  const stillHearing = pairs.filter(([a, b]) => a.hearing.hears(b.tone) && b.hearing.hears(a.tone)).length;
  const cpuPercent = ((cpu.user + cpu.system) / 1_000 / wallMs) * 100;

  for (const [a, b] of pairs) {
    for (const e of [a, b]) {
      e.handler.close();
      e.hearing.close();
    }
  }
  await Promise.all(pairs.flatMap(([a, b]) => [a.handler.closed, b.handler.closed]));

  const peers = calls * 2;
  const expected = (peers * wallMs) / 20;
  process.stdout.write(
    `${JSON.stringify({
      calls,
      peers,
      setupMs,
      seconds: +(wallMs / 1000).toFixed(1),
      cpuPercentOfOneCore: +cpuPercent.toFixed(1),
      cpuPercentPerPeer: +(cpuPercent / peers).toFixed(2),
      packetsSentPerSecond: Math.round(sent / (wallMs / 1000)),
      packetRatioOfIdeal: +(sent / expected).toFixed(3),
      pairsHearingEachOther: `${stillHearing}/${calls}`,
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    })}\n`,
  );
}

void main();
