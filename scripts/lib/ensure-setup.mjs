// Makes `npm start` and `npm test` work as the first commands on a fresh
// machine: installs the npm packages when node_modules is missing or older
// than the lockfile, and Debian's Chromium (for the Electron stand-in and
// the Playwright specs) when it is missing and we may install it.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const say = (line) => process.stdout.write(`${line}\n`);

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status})`);
}

export function ensureNodeModules(root) {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('Installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund'], root);
}

const DEBIAN_PACKAGES = [
  { check: '/usr/bin/chromium', pkg: 'chromium' },
  { check: '/usr/include/libsecret-1/libsecret/secret.h', pkg: 'libsecret-1-dev' },
];

export function ensureSystemPackages(root) {
  const missing = DEBIAN_PACKAGES.filter(({ check }) => !existsSync(check)).map(({ pkg }) => pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    say(`Missing system packages: ${missing.join(', ')}. Install them (e.g. sudo apt-get install ${missing.join(' ')}) and retry.`);
    process.exit(1);
  }
  say(`Installing Debian packages: ${missing.join(', ')}…`);
  run('apt-get', ['update', '-qq'], root);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], root);
}

export function ensureSetup(root) {
  ensureSystemPackages(root);
  ensureNodeModules(root);
}
