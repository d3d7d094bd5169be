// @ts-check
/**
 * ESLint flat config. Besides typescript-eslint's recommended rules it holds
 * the *layer rules* of ARCHITECTURE.md — which process may import what — and
 * the ban on `console` in product code (use the scoped, redacting logger in
 * common/log). tests/unit/architecture/layers.test.ts checks the same rules
 * without ESLint and proves these ones fire.
 *
 *   common/    no electron, no Node builtins, no DOM globals, no app layers
 *   renderer/  no electron, no Node builtins, no main/ preload/ lab/
 *   preload/   only `electron`, common/ and itself
 *   main/      never renderer/
 *   lab/       never main/ preload/ renderer/ (it is the app's peer)
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import switchboard from './scripts/eslint-rules/layer-imports.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

const TS = '**/*.{ts,tsx,mts,cts}';
const SOURCES = '**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}';
const in_ = (/** @type {string} */ dir) => [`${dir}/${SOURCES}`];

/** Public builtin names (`fs`, `fs/promises`, …); `node:*` is a pattern. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

/** `@typescript-eslint/no-restricted-imports` entries for static imports. */
const noElectron = { name: 'electron', message: 'Electron lives at the edges of main/ and preload/ only.' };
const noBuiltins = [
  ...NODE_BUILTINS.map((name) => ({ name, message: 'Node builtins are for main/, lab/, scripts/ and tests/.' })),
];
const noNodeProtocol = { group: ['node:*'], message: 'Node builtins are for main/, lab/, scripts/ and tests/.' };

/** Globals that tie code to a browser page; common/ runs in every process. */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'indexedDB'].map(
  (name) => ({ name, message: 'common/ runs in main (Node) too: no DOM globals; take what you need as a parameter.' }),
);
/** Node-only globals that would break common/ inside a sandboxed renderer. */
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'global'].map((name) => ({
  name,
  message: 'common/ runs in the renderer too: no Node globals.',
}));

/** The local layer rule, configured per layer. */
const layers = (/** @type {Record<string, unknown>} */ options) => ({
  'switchboard/layer-imports': ['error', { root, staticPackageImports: false, ...options }],
});

export default defineConfig(
  globalIgnores([
    'dist/',
    'out/',
    'node_modules/',
    'release/',
    'test-results/',
    'playwright-report/',
    'coverage/',
    '.tmp/',
    // A plain-JS test fixture that impersonates Electron; not product code.
    'tests/support/electron-standin/',
  ]),

  {
    files: [SOURCES],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { switchboard },
  },
  ...tseslint.configs.recommended,
  {
    files: [TS],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // Runtimes: globals per folder.
  { files: [...in_('main'), ...in_('lab'), ...in_('scripts'), ...in_('tests'), '*.{js,mjs,cjs}'], languageOptions: { globals: globals.node } },
  { files: in_('renderer'), languageOptions: { globals: globals.browser } },
  { files: in_('preload'), languageOptions: { globals: { ...globals.browser } } },
  { files: in_('tests/unit'), languageOptions: { globals: globals.jest } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },

  // React hooks: the UI and the engine pages.
  {
    files: in_('renderer'),
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.flat.recommended.rules,
  },

  // No console in product code: a scoped logger redacts secrets and PII.
  {
    files: [...in_('common'), ...in_('main'), ...in_('preload'), ...in_('renderer'), ...in_('lab')],
    rules: { 'no-console': 'error' },
  },

  // ── Layer rules ─────────────────────────────────────────────────────────
  {
    files: in_('common'),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noBuiltins], patterns: [noNodeProtocol] },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS, ...NODE_GLOBALS],
      ...layers({
        forbiddenLayers: ['main', 'preload', 'renderer', 'lab', 'tests', 'scripts'],
        forbidBuiltins: true,
        forbiddenPackages: ['electron'],
      }),
    },
  },
  {
    files: in_('renderer'),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noBuiltins], patterns: [noNodeProtocol] },
      ],
      ...layers({
        forbiddenLayers: ['main', 'preload', 'lab', 'tests', 'scripts'],
        forbidBuiltins: true,
        forbiddenPackages: ['electron'],
      }),
    },
  },
  {
    files: in_('preload'),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$)(?!\\.)(?!common/)',
              message: 'A sandboxed preload may import only `electron` and common/ (bundle the rest into common/).',
            },
          ],
        },
      ],
      ...layers({ allowedLayers: ['preload', 'common'], allowedPackages: ['electron'] }),
    },
  },
  {
    files: in_('main'),
    rules: layers({ forbiddenLayers: ['renderer', 'tests', 'scripts'] }),
  },
  {
    files: in_('lab'),
    rules: layers({ forbiddenLayers: ['main', 'preload', 'renderer', 'tests', 'scripts'] }),
  },
);
