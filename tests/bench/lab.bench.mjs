// Built-in lab benchmark (`npm run bench:lab`; `npm run bench` runs it too):
// how many simultaneous customer calls with real media the lab sustains on
// this machine, and how long an offer takes to ring the agent's phone.
//
// The lab runs as its own process, as it does for people:
// `node dist/lab/main.js --sip-port 0 --api-port 0 --org <bench org>`
// (scripts/lib/lab-process.mjs). This process plays every person: the
// agents (agent-API session + a werift party registered with the
// provisioned phone, Available, auto-answer) and the customers (werift
// parties calling the queue). The TypeScript under tests/bench/lab/ is
// bundled at run time with esbuild into dist/bench/.
//
//   lab-offer-latency-ms    customer's INVITE leaves its socket → the INVITE
//                           reaches the agent's phone (SIP.js hands it over),
//                           median of LAB_BENCH_LATENCY_RUNS (13) sequential
//                           calls at low load; the digest challenge round
//                           trip included (…-auth-invite-ms: without it).
//   lab-concurrent-calls    highest ramp level (5, 10, 15, 20, 25, 30, 40, 50;
//                           LAB_BENCH_MAX caps it) at which every call
//                           connected and all were up together, every
//                           customer heard its own agent's tone and every
//                           agent its customer's, packets kept flowing both
//                           ways for 3 s, the tones were heard again, and
//                           after hanging up every agent was Available again.
//   lab-cpu-*-pct           % of one core, lab process and bench process,
//                           during the 3 s hold at that level (/proc).
//
// Whole run under ~3 minutes (LAB_BENCH_DEADLINE_MS, default 175 s: then
// everything is stopped and it exits 1). LAB_BENCH_VERBOSE=1 logs progress
// to stderr. Exits 1 if level 5 fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop as stopEsbuild } from 'esbuild';
import { startLabProcess } from '../../scripts/lib/lab-process.mjs';
import { findElectronBinary, standinBinary } from '../../scripts/lib/electron-binary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEADLINE_MS = Number(process.env.LAB_BENCH_DEADLINE_MS ?? 175_000);
const MAX_LEVEL = Number(process.env.LAB_BENCH_MAX ?? 100);
const LATENCY_RUNS = Math.max(11, Number(process.env.LAB_BENCH_LATENCY_RUNS ?? 13));
const VERBOSE = !!process.env.LAB_BENCH_VERBOSE;
const started = performance.now();

const out = (name, value) => process.stdout.write(`${name}: ${value}\n`);
const debug = (message) => {
  if (VERBOSE) process.stderr.write(`[lab-bench +${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
};
const fail = (message) => {
  process.stderr.write(`lab.bench: ${message}\n`);
};

const cleanups = [];
let shuttingDown = null;
async function shutdown() {
  shuttingDown ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (error) {
        fail(`cleanup: ${error?.message ?? error}`);
      }
    }
  })();
  await shuttingDown;
}

const deadline = setTimeout(() => {
  fail(`over the ${DEADLINE_MS} ms deadline - stopping`);
  void shutdown().finally(() => process.exit(1));
}, DEADLINE_MS);
deadline.unref();

/** Child processes of ours still running (from /proc; zombies do not count). */
function ourChildren() {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === process.pid && fields[0] !== 'Z') found.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return found;
}

function alive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Sockets and timers still open in this process (the parties must have let go). */
function openNetworkHandles() {
  return process.getActiveResourcesInfo().filter((r) => /^(UDPWrap|TCPWrap|TCPSocketWrap|TCPServerWrap)$/.test(r)).length;
}

async function bundle() {
  const outfile = join(ROOT, 'dist/bench/lab-bench.cjs');
  await build({
    entryPoints: [join(ROOT, 'tests/bench/lab/entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  // esbuild's service is a child process: end it now.
  await stopEsbuild();
  return createRequire(import.meta.url)(outfile);
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/lab/main.js'))) {
    fail('dist/lab/main.js is missing - build first (npm run bench:lab does)');
    return 1;
  }
  const bench = await bundle();
  const levels = bench.levelsUpTo(MAX_LEVEL);
  if (levels.length === 0) {
    fail(`LAB_BENCH_MAX=${MAX_LEVEL} leaves no level (the first is 5)`);
    return 1;
  }
  const agents = bench.agentsFor(levels.at(-1));
  // One more agent than the simulated ones: the real app's, for its offer latency.
  const org = bench.benchOrg(agents + 1);
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-lab-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const orgPath = join(dir, 'bench-org.json');
  writeFileSync(orgPath, JSON.stringify(org, null, 2));

  const labStart = performance.now();
  const lab = await startLabProcess(ROOT, {
    args: ['--sip-port', '0', '--api-port', '0', '--org', orgPath],
    env: { ...process.env, LAB_LOG_LEVEL: process.env.LAB_LOG_LEVEL ?? 'warn' },
  });
  cleanups.push(() => lab.stop());
  debug(`lab ready in ${(performance.now() - labStart).toFixed(0)} ms: sip=${lab.sipUrl} api=${lab.apiUrl} pid=${lab.pid}`);
  out('lab-bench-cpus', String(Number(execFileSync('nproc', { encoding: 'utf8' }).trim())));

  if (process.env.LAB_BENCH_APP !== '0') {
    const electron = findElectronBinary(ROOT);
    const app = await bench.measureSwitchboardOfferLatency({
      root: ROOT,
      executablePath: electron ?? standinBinary(ROOT),
      backend: electron ? 'electron' : 'standin',
      apiUrl: lab.apiUrl,
      sipUrl: lab.sipUrl,
      domain: org.domain,
      agentIndex: agents,
      runs: LATENCY_RUNS,
    });
    out('lab-offer-latency-switchboard-ms', bench.median(app.runs).toFixed(1));
    out('lab-offer-latency-switchboard-ms-runs', app.runs.map((r) => r.toFixed(1)).join(','));
    out('lab-offer-latency-switchboard-backend', app.backend);
  }

  const result = await bench.runLabBench({
    sipUrl: lab.sipUrl,
    apiUrl: lab.apiUrl,
    labPid: lab.pid,
    domain: org.domain,
    agents,
    levels,
    latencyRuns: LATENCY_RUNS,
    // Leave room for the last level's teardown and the lab's stop.
    stopBy: started + DEADLINE_MS - 20_000,
    out,
    debug,
  });

  await shutdown();
  const left = [...ourChildren(), ...(alive(lab.pid) ? [lab.pid] : [])];
  out('leftover-processes', String(new Set(left).size));
  out('lab-bench-open-sockets', String(openNetworkHandles()));
  out('lab-bench-seconds', ((performance.now() - started) / 1000).toFixed(0));
  if (left.length > 0) {
    fail(`processes left: ${left.join(' ')}`);
    return 1;
  }
  if (result.sustained < 5) {
    const first = result.levels[0];
    fail(`the lab could not sustain even ${levels[0]} calls: ${first?.reason ?? 'no level ran'}`);
    return 1;
  }
  return 0;
}

main()
  .then(async (code) => {
    await shutdown();
    process.exit(code);
  })
  .catch(async (error) => {
    fail(`failed: ${error?.stack ?? error}`);
    await shutdown();
    process.exit(1);
  });
