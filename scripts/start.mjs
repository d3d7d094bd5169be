#!/usr/bin/env node
// `npm start`: builds, starts the built-in lab (a small contact center on
// 127.0.0.1, the default server profile; `--no-lab` skips it), then runs
// Switchboard on Electron pointed at it. Where no Electron binary could be
// installed (as on machines without access to Electron's download host) it
// says so and runs the same built app on the Electron stand-in (Node +
// Chromium) so it still does its job. Stopping Switchboard stops the lab.
import { spawn, execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, standinBinary } from './lib/electron-binary.mjs';
import { ensureSetup } from './lib/ensure-setup.mjs';
import { startLabProcess } from './lib/lab-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stdout.write(`${line}\n`);

ensureSetup(root);
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

let binary = findElectronBinary(root);
const env = { ...process.env, SWITCHBOARD_LOG_STDERR: '1' };
if (binary) {
  say(`Starting Switchboard on Electron (${binary}).`);
} else {
  binary = standinBinary(root);
  say('No Electron binary is installed on this machine (its download is not reachable here).');
  say('Starting Switchboard on the Electron stand-in instead: the same built app on Node + Chromium.');
  say('It is a test fixture with known gaps (see docs/electron-standin.md); install Electron for the real runtime.');
  if (process.env.DISPLAY) {
    env.STANDIN_HEADED = '1';
  } else {
    say('No display ($DISPLAY unset): the windows run headless. Set DISPLAY (e.g. under Xvfb) to see them.');
  }
}

const wantsLab = !process.argv.includes('--no-lab');
const appArgs = process.argv.slice(2).filter((a) => a !== '--no-lab');
let lab = null;
if (wantsLab) {
  say('Starting the built-in lab (demo contact center on 127.0.0.1)…');
  // Customers keep calling the demo queues, so a newcomer gets a call soon after going Available.
  const scenario = ['--scenario', join(root, 'lab/scenarios/scripts/newcomer-demo.json')];
  lab = await startLabProcess(root, { echo: true, args: scenario }).catch(async (error) => {
    say(`The default lab ports are taken or the lab failed (${error.message.split('\n')[0]}); trying free ports.`);
    return startLabProcess(root, { echo: true, args: ['--sip-port', '0', '--api-port', '0', ...scenario] });
  });
  appArgs.push(`--lab-url=${lab.apiUrl}`);
}

const child = spawn(binary, [root, ...appArgs], { cwd: root, env, stdio: 'inherit' });
const stop = (signal) => child.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', async (code, signal) => {
  await lab?.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
