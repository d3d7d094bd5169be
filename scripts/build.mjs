#!/usr/bin/env node
// Builds everything Electron loads into dist/: the main bundle (Node, CJS),
// the two preloads (sandboxed, CJS, only `electron` external) and the
// renderer pages (Vite); and the built-in lab (dist/lab/main.js, plain Node,
// npm packages external). `--skip-renderer` skips the renderer pages.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sipjsGrammarCache, verifyGrammarCache } from './build/sipjs-grammar-cache.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const skipRenderer = process.argv.includes('--skip-renderer');
const started = Date.now();

rmSync(join(root, 'dist/main'), { recursive: true, force: true });
rmSync(join(root, 'dist/preload'), { recursive: true, force: true });
rmSync(join(root, 'dist/lab'), { recursive: true, force: true });

const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const labExternals = Object.keys({ ...dependencies, ...devDependencies }).filter((name) => name !== 'sip.js');

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
};

await verifyGrammarCache(join(root, 'node_modules/sip.js/lib/grammar/pegjs/dist/grammar.js'));

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/index.ts'],
    outfile: 'dist/main/index.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Native and Electron-provided modules stay outside the bundle.
    external: ['electron', 'keytar'],
    plugins: [sipjsGrammarCache()],
  }),
  build({
    ...common,
    entryPoints: ['lab/main.ts'],
    outfile: 'dist/lab/main.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The lab runs from the checkout: its npm packages stay in node_modules,
    // except SIP.js, bundled so its parser gets the bytecode cache too.
    external: labExternals,
    plugins: [sipjsGrammarCache()],
  }),
  ...['ui', 'engine'].map((name) =>
    build({
      ...common,
      entryPoints: [`preload/${name}/index.ts`],
      outfile: `dist/preload/${name}.js`,
      // Sandboxed preloads get a browser-like environment with `require`
      // limited to a few Electron modules.
      platform: 'browser',
      target: 'chrome130',
      format: 'cjs',
      external: ['electron'],
    }),
  ),
]);

if (!skipRenderer) {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
process.stdout.write(`build: done in ${Date.now() - started} ms\n`);
