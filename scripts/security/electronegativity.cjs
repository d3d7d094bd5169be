// @ts-check
/**
 * Runs Electronegativity (Doyensec) on main/, preload/ and renderer/ through
 * its programmatic API, offline, and applies our allowlist.
 *
 * How it is made to work here:
 * - It parses .ts/.tsx itself (Babel's TypeScript plugin), so the sources are
 *   scanned as they are; no build step is needed.
 * - The three folders are copied into ONE temp dir and scanned together:
 *   its "global" checks (CSP present, navigation limits, permission handler)
 *   look across all files, and scanned one folder at a time they report
 *   false "missing" findings.
 * - It fetches translations (i18n) and Electron release data on every run.
 *   The `got` it would use is replaced by a stub that fails at once (no
 *   request leaves the machine), and the check that needs release data
 *   (AvailableSecurityFixesGlobalCheck) is excluded; the Electron version is
 *   given from node_modules/electron so version-dependent checks still work.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');

const RUNNER = require.resolve('@doyensec/electronegativity/dist/runner.js');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Makes Electronegativity's `got` fail immediately instead of going online. */
function stubNetwork() {
  const requireFromRunner = Module.createRequire(RUNNER);
  const gotPath = requireFromRunner.resolve('got');
  const offline = () => Promise.reject(new Error('offline: network disabled by scripts/security/electronegativity.cjs'));
  const stub = Object.assign(offline, { head: offline, get: offline, default: offline });
  const mod = new Module(gotPath);
  mod.filename = gotPath;
  mod.loaded = true;
  mod.exports = stub;
  require.cache[gotPath] = mod;
}

function copyTree(from, to) {
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => !src.split(path.sep).includes('node_modules'),
  });
}

/**
 * @param {{ root: string, dirs?: string[] }} options
 * @returns {Promise<{ issues: Array<{ id: string, severity: string, confidence: string, file: string, line: number, column: number, description: string, manualReview: boolean }>, errors: Array<{ file: string, message: string, tolerable: boolean }>, checks: number }>}
 */
async function runElectronegativity({ root, dirs = ['main', 'preload', 'renderer'] }) {
  stubNetwork();
  const run = require(RUNNER);
  const input = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-electronegativity-'));
  try {
    for (const dir of dirs) {
      if (fs.existsSync(path.join(root, dir))) copyTree(path.join(root, dir), path.join(input, dir));
    }
    let electronVersion;
    try {
      const pkg = fs.existsSync(path.join(root, 'node_modules/electron/package.json'))
        ? path.join(root, 'node_modules/electron/package.json')
        : require.resolve('electron/package.json');
      electronVersion = JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
    } catch {
      electronVersion = undefined;
    }
    // Electronegativity logs its failed translation fetch with console.log.
    const log = console.log;
    console.log = () => undefined;
    let out;
    try {
      out = await run(
        {
          input,
          customScan: [],
          excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
          isRelative: true,
          electronVersionOverride: electronVersion,
          parserPlugins: [],
        },
        false,
      );
    } finally {
      console.log = log;
    }
    return {
      checks: out.globalChecks + out.atomicChecks,
      errors: out.errors.map((e) => ({ ...e, file: path.relative(input, e.file).split(path.sep).join('/') })),
      issues: out.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: String(i.file).split(path.sep).join('/'),
        line: i.location?.line ?? 0,
        column: i.location?.column ?? 0,
        description: i.description,
        manualReview: Boolean(i.manualReview),
      })),
    };
  } finally {
    fs.rmSync(input, { recursive: true, force: true });
  }
}

/**
 * Splits findings into failing (HIGH/MEDIUM, not allowlisted), allowed
 * (matched an allowlist entry whose condition holds) and informational.
 * @param {Awaited<ReturnType<typeof runElectronegativity>>['issues']} issues
 * @param {Array<{ id: string, file: RegExp, reason: string, requires?: string }>} allowlist
 * @param {Record<string, boolean>} ownChecksPassed name of our own check → passed
 */
function triage(issues, allowlist, ownChecksPassed) {
  const failing = [];
  const allowed = [];
  const info = [];
  for (const issue of issues) {
    if (issue.severity !== 'HIGH' && issue.severity !== 'MEDIUM') {
      info.push(issue);
      continue;
    }
    const entry = allowlist.find(
      (a) => a.id === issue.id && a.file.test(issue.file) && (a.requires === undefined || ownChecksPassed[a.requires] === true),
    );
    if (entry) allowed.push({ ...issue, reason: entry.reason });
    else failing.push(issue);
  }
  return { failing, allowed, info };
}

module.exports = { runElectronegativity, triage, EXCLUDED_CHECKS };
