// Startup and idle-memory benchmark of the real built app.
// startup-to-ui-ready-ms: median of 5 cold starts (fresh profile each),
//   from launching the process to the UI showing its first mirrored state
//   with the media engine ready.
// idle-rss-mb: resident memory summed over the app's processes after 10 s
//   idle (median of 3 runs); idle-pss-mb the same without double-counting
//   memory the processes share.
import { _electron } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, standinBinary } from '../../scripts/lib/electron-binary.mjs';
import { treeMemoryMb } from './process-tree.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = findElectronBinary(root) ?? standinBinary(root);
const backend = binary.includes('electron-standin') ? 'standin' : 'electron';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** The UI window's page: the one whose window shows switchboard://ui/. */
async function findUi(app) {
  for (;;) {
    for (const page of app.windows()) {
      const url = await (await app.browserWindow(page)).evaluate((w) => w.webContents.getURL());
      if (url.startsWith('switchboard://ui/')) return page;
    }
    await app.waitForEvent('window');
  }
}

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'sb-bench-'));
  const started = performance.now();
  const app = await _electron.launch({ executablePath: binary, args: [root, `--user-data-dir=${profile}`], env: { ...process.env, LANG: 'en_US.UTF-8' } });
  const ui = await findUi(app);
  await ui.waitForSelector('[data-testid="app-ready"]');
  await ui.waitForSelector('[data-testid="engine-status"][data-status="ready"]');
  const ms = performance.now() - started;
  return { app, ms, close: async () => (await app.close(), rmSync(profile, { recursive: true, force: true })) };
}

const startups = [];
for (let i = 0; i < 5; i += 1) {
  const run = await launch();
  startups.push(run.ms);
  await run.close();
}
const rss = [];
const pss = [];
for (let i = 0; i < 3; i += 1) {
  const run = await launch();
  // Idle means idle: nothing to wait for but the clock.
  await delay(10_000);
  const memory = treeMemoryMb(run.app.process().pid);
  rss.push(memory.rss);
  pss.push(memory.pss);
  await run.close();
}
process.stdout.write(`bench-backend: ${backend}\n`);
process.stdout.write(`startup-to-ui-ready-ms: ${median(startups).toFixed(0)}\n`);
process.stdout.write(`startup-to-ui-ready-ms-runs: ${startups.map((x) => x.toFixed(0)).join(',')}\n`);
process.stdout.write(`idle-rss-mb: ${median(rss).toFixed(1)}\n`);
process.stdout.write(`idle-pss-mb: ${median(pss).toFixed(1)}\n`);
