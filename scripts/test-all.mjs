#!/usr/bin/env node
// `npm test`: every check and test suite, in order, each run even if an
// earlier one failed, then one closing line `N passed, N failed` counting
// the tests of every suite (static checks count one each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSetup } from './lib/ensure-setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureSetup(root);
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const out = (line) => process.stdout.write(`${line}\n`);
const npx = (...args) => [process.execPath, [join(root, 'node_modules/.bin', args[0]), ...args.slice(1)]];

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/** A Jest run whose JSON report gives the counts. */
function jestStep(name, report, args) {
  return {
    name,
    cmd: npx('jest', '--ci', '--json', `--outputFile=${join(results, report)}`, ...args),
    count: () => {
      const r = readJson(join(results, report));
      return r && { passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites, skipped: r.numPendingTests };
    },
    before: () => rmSync(join(results, report), { force: true }),
  };
}

/** The Electron specs (playwright.config.ts) whose JSON report gives the counts. */
function playwrightStep(name, args) {
  return {
    name,
    cmd: npx('playwright', 'test', ...args),
    count: () => {
      const r = readJson(join(results, 'e2e-results.json'));
      if (!r?.stats) return null;
      return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
    },
    before: () => rmSync(join(results, 'e2e-results.json'), { force: true }),
  };
}

const steps = [
  { name: 'typecheck', cmd: ['npm', ['run', '--silent', 'typecheck']] },
  { name: 'lint', cmd: ['npm', ['run', '--silent', 'lint']] },
  { name: 'build', cmd: [process.execPath, [join(root, 'scripts/build.mjs')]] },
  { name: 'security', cmd: ['npm', ['run', '--silent', 'check:security']] },
  jestStep('unit (jest)', 'jest-results.json', ['--testPathIgnorePatterns', '/tests/unit/lab/']),
  jestStep('lab unit (jest: SIP registrar/proxy, ACD, agent API, parties, wiring)', 'lab-jest-results.json', ['tests/unit/lab']),
  playwrightStep('e2e (playwright, Electron specs)', ['--grep-invert', '@lab']),
  playwrightStep('lab e2e (playwright: agents on the real app against the built-in lab)', ['--grep', '@lab']),
  {
    name: 'interop harness (node --test)',
    cmd: ['bash', [join(root, 'tests/interop/support/netns.sh'), '--', process.execPath, '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${join(results, 'interop-harness.tap')}`, join(root, 'tests/interop/harness.test.mjs')]],
    count: () => {
      let tap = '';
      try {
        tap = readFileSync(join(results, 'interop-harness.tap'), 'utf8');
      } catch {
        return null;
      }
      const n = (key) => Number(new RegExp(`^# ${key} (\\d+)`, 'm').exec(tap)?.[1] ?? NaN);
      return Number.isNaN(n('pass')) ? null : { passed: n('pass'), failed: n('fail'), skipped: n('skipped') + n('todo') };
    },
    before: () => {
      rmSync(join(results, 'interop-harness.tap'), { force: true });
      spawnSync('bash', [join(root, 'tests/interop/support/install-deps.sh')], { cwd: root, stdio: 'inherit' });
    },
  },
  {
    name: 'interop (playwright, real Kamailio + rtpengine)',
    cmd: ['bash', [join(root, 'tests/interop/support/netns.sh'), '--', ...npx('playwright', 'test', '--config', 'playwright.interop.config.mjs').flat()]],
    count: () => {
      const r = readJson(join(results, 'interop-results.json'));
      if (!r?.stats) return null;
      return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
    },
    before: () => rmSync(join(results, 'interop-results.json'), { force: true }),
  },
];

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.startsWith(o))) continue;
  out(`\n=== ${step.name} ===`);
  step.before?.();
  const started = Date.now();
  const run = spawnSync(step.cmd[0], step.cmd[1], { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  let counts = step.count ? step.count() : { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  // A suite that crashed before reporting counts as one failure, never as a pass.
  if (!counts) counts = { passed: 0, failed: 1, skipped: 0 };
  if (!ok && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`);
}

if (process.env.E2E_BACKEND !== 'electron') {
  summary.push('note: the Playwright Electron specs ran on the Electron stand-in; the real-Electron project (E2E_BACKEND=electron) was not run: no Electron binary can be installed on this machine.');
}
out('\n=== summary ===');
for (const line of summary) out(line);
out(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 && existsSync(root) ? 0 : 1);
