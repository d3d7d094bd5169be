#!/usr/bin/env node
/**
 * `npm run check:security` — fails (exit 1) on any of:
 *  (a) an Electronegativity finding of severity HIGH or MEDIUM on main/,
 *      preload/, renderer/ that is not in ALLOWLIST below;
 *  (b) our own static checks (scripts/security/checks.cjs): webPreferences
 *      of every window, permission/navigation/window-open handlers, CSP,
 *      what preloads expose, shell.openExternal validation, HTML pages
 *      (renderer/**.html and the built dist/renderer/**.html if present);
 *  (c) the electron-builder configs: every fuse explicit and as required,
 *      the test build differing only in the inspect fuse.
 * Offline: no request leaves the machine (see security/electronegativity.cjs).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const checks = require('./security/checks.cjs');
const { runElectronegativity, triage } = require('./security/electronegativity.cjs');

/** `--root <dir>` checks another tree (the tests use fixtures); default: this repo. */
const rootArg = process.argv.indexOf('--root');
const root =
  rootArg > 0 && process.argv[rootArg + 1]
    ? path.resolve(process.argv[rootArg + 1])
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Electronegativity findings we accept, each only while the named check of
 * our own (which reads what Electronegativity cannot) passes. Add an entry
 * only with the reason it is a false positive; never to silence a real one.
 */
const ALLOWLIST = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: /^main\/windows\//,
    requires: 'webPreferences',
    reason:
      'flags come from secureWebPreferences(); Electronegativity only reads literals at the call site. ' +
      'Our webPreferences check resolves the function and requires contextIsolation: true.',
  },
  {
    id: 'SANDBOX_JS_CHECK',
    file: /^main\/windows\//,
    requires: 'webPreferences',
    reason: 'same as above: sandbox: true is set in secureWebPreferences(), verified by our webPreferences check.',
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: /^main\/windows\//,
    requires: 'handlers',
    reason:
      'middle-click only matters for links that open windows or navigate; every webContents gets ' +
      "setWindowOpenHandler (deny) and a will-navigate preventDefault (our handlers check). Also it cannot see " +
      'disableBlinkFeatures inside secureWebPreferences().',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: /^main\//,
    requires: 'shell.openExternal',
    reason: 'a manual-review hint on every openExternal; our check requires an http(s) validator in or imported by the module.',
  },
];

/** Minimal fixed-width table; no dependency. */
function table(headers, rows) {
  const widths = headers.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => String(r[i]).length))));
  // The last column is never cut: it carries the reason or the problem.
  const last = headers.length - 1;
  const line = (cells) =>
    cells.map((c, i) => (i === last ? String(c) : String(c).slice(0, widths[i]).padEnd(widths[i]))).join(' │ ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

async function loadBuilderConfig(file) {
  // electron-builder's own loader, so `extends` merges exactly as in a build.
  const requireFromBuilder = createRequire(require.resolve('electron-builder'));
  const { getConfig } = requireFromBuilder('app-builder-lib/out/util/config/config.js');
  const { log } = requireFromBuilder('builder-util');
  const info = log.info;
  log.info = () => undefined; // it logs "loaded configuration" on stdout
  try {
    return await getConfig(root, path.join(root, file), null);
  } finally {
    log.info = info;
  }
}

async function main() {
  const mainSources = checks.loadSources(root, 'main');
  const preloadSources = checks.loadSources(root, 'preload');
  const rendererSources = checks.loadSources(root, 'renderer');
  const html = [...checks.loadSources(root, 'renderer', /\.html$/), ...checks.loadSources(root, 'dist/renderer', /\.html$/)];

  // (b) our checks
  const own = [
    checks.checkWebPreferences(mainSources),
    checks.checkHandlers(mainSources),
    checks.checkCsp(mainSources, html),
    checks.checkPreloadExposure(preloadSources),
    checks.checkOpenExternal(mainSources, [...preloadSources, ...rendererSources]),
    checks.checkHtml(html),
  ];

  // (c) packaging
  try {
    own.push(
      checks.checkBuilderConfig(await loadBuilderConfig('electron-builder.yml'), await loadBuilderConfig('electron-builder.test.yml')),
    );
  } catch (error) {
    own.push({ name: 'electron-builder', failures: [{ file: 'electron-builder*.yml', line: 0, message: String(error.message ?? error) }], notes: [] });
  }

  // (a) Electronegativity
  const passed = Object.fromEntries(own.map((r) => [r.name, r.failures.length === 0]));
  const scan = await runElectronegativity({ root });
  const { failing, allowed, info } = triage(scan.issues, ALLOWLIST, passed);
  const parseErrors = scan.errors.filter((e) => !e.tolerable);

  console.log(`\nElectronegativity — ${scan.checks} checks on main/, preload/, renderer/`);
  const issueRows = (list, extra) =>
    list.map((i) => [i.severity, i.id, `${i.file}:${i.line}`, extra(i)]);
  if (failing.length) console.log(`\nFAIL: ${failing.length} HIGH/MEDIUM finding(s)\n` + table(['severity', 'check', 'where', 'description'], issueRows(failing, (i) => i.description)));
  if (allowed.length) console.log(`\nallowlisted (see ALLOWLIST in scripts/check-security.mjs)\n` + table(['severity', 'check', 'where', 'reason'], issueRows(allowed, (i) => i.reason)));
  if (info.length) console.log(`\ninformational (LOW/INFO, not failing)\n` + table(['severity', 'check', 'where', 'description'], issueRows(info, (i) => i.description)));
  if (parseErrors.length) console.log(`\nFAIL: files Electronegativity could not parse\n` + table(['file', 'error'], parseErrors.map((e) => [e.file, e.message])));

  console.log('\nOwn checks');
  console.log(table(['check', 'result', 'detail'], own.map((r) => [r.name, r.failures.length ? `FAIL (${r.failures.length})` : 'ok', r.notes.join('; ')])));
  const ownFailures = own.flatMap((r) => r.failures.map((f) => [r.name, f.line ? `${f.file}:${f.line}` : f.file, f.message]));
  if (ownFailures.length) console.log('\n' + table(['check', 'where', 'problem'], ownFailures));

  const failed = failing.length + parseErrors.length + ownFailures.length;
  console.log(
    `\ncheck:security ${failed ? 'FAILED' : 'passed'}: ` +
      `${failing.length} Electronegativity finding(s), ${parseErrors.length} parse error(s), ${ownFailures.length} own-check failure(s); ` +
      `${allowed.length} allowlisted, ${info.length} informational.`,
  );
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
