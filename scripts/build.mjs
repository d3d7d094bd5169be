#!/usr/bin/env node
// Builds everything Electron loads into dist/: the main bundle (Node, CJS),
// the two preloads (sandboxed, CJS, only `electron` external) and the
// renderer pages (Vite). `--skip-renderer` rebuilds main and preloads only.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sipjsGrammarCache, verifyGrammarCache } from './build/sipjs-grammar-cache.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const skipRenderer = process.argv.includes('--skip-renderer');
const started = Date.now();

rmSync(join(root, 'dist/main'), { recursive: true, force: true });
rmSync(join(root, 'dist/preload'), { recursive: true, force: true });

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
