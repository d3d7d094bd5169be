// Helpers shared by the stand-in self-test specs.
import { _electron as electron } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const executablePath = path.resolve(here, '..', 'bin', 'electron');
export const fixtureApp = path.join(here, 'fixture-app');

const created = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory removed when the test worker exits. */
export function tempDir(prefix = 'standin-selftest-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export async function launchFixture({ userDataDir = tempDir(), args = [], env = {} } = {}) {
  const app = await electron.launch({
    executablePath,
    args: [fixtureApp, `--user-data-dir=${userDataDir}`, ...args],
    env: { ...process.env, ...env },
  });
  return { app, userDataDir };
}

/** PIDs of live processes whose command line contains `needle`. */
export function processesMatching(needle) {
  try {
    return execFileSync('pgrep', ['-f', '--', needle], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs bin/electron directly (no Playwright); resolves with its exit code. */
export function runDirect(args, { env = {}, onStdout } = {}) {
  const child = spawn(executablePath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  if (onStdout) child.stdout.on('data', (d) => onStdout(String(d), child));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}
