#!/usr/bin/env node
// `npm start`: builds, then runs Switchboard on Electron. Where no Electron
// binary could be installed (as on machines without access to Electron's
// download host) it says so and runs the same built app on the Electron
// stand-in (Node + Chromium) so it still does its job.
import { spawn, execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, standinBinary } from './lib/electron-binary.mjs';
import { ensureSetup } from './lib/ensure-setup.mjs';

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

const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
const stop = (signal) => child.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
