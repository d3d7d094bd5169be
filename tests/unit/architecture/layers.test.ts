/**
 * The process layers of ARCHITECTURE.md, checked two ways:
 * 1. A scan of the real source trees with the TypeScript parser, independent
 *    of ESLint: every import/export/require/import() specifier is resolved
 *    relative to its file and judged by the table below; no `console.` in
 *    product code; no `window.`/`document.` (or other DOM objects) in common/.
 * 2. ESLint itself, with the project's eslint.config.mjs, on small in-memory
 *    snippets placed in each layer, proving the lint rules fire (and do not
 *    fire on what is allowed).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const PRODUCT_LAYERS = ['common', 'main', 'preload', 'renderer', 'lab'] as const;
type Layer = (typeof PRODUCT_LAYERS)[number];
const KNOWN_TOP = ['common', 'main', 'preload', 'renderer', 'lab', 'tests', 'scripts', 'assets'];

interface Policy {
  forbiddenLayers?: string[];
  allowedLayers?: string[];
  forbidElectron?: boolean;
  forbidBuiltins?: boolean;
  allowedPackages?: string[];
}

/** Who may import whom. Kept apart from eslint.config.mjs on purpose. */
const POLICY: Record<Layer, Policy> = {
  common: { forbiddenLayers: ['main', 'preload', 'renderer', 'lab', 'tests', 'scripts'], forbidElectron: true, forbidBuiltins: true },
  renderer: { forbiddenLayers: ['main', 'preload', 'lab', 'tests', 'scripts'], forbidElectron: true, forbidBuiltins: true },
  preload: { allowedLayers: ['preload', 'common'], allowedPackages: ['electron'] },
  main: { forbiddenLayers: ['renderer', 'tests', 'scripts'] },
  lab: { forbiddenLayers: ['main', 'preload', 'renderer', 'tests', 'scripts'] },
};

const DOM_OBJECTS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage'];
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function listSources(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return listSources(rel);
    return SOURCE.test(name) ? [rel] : [];
  });
}

interface Specifier {
  text: string;
  line: number;
}

/** Every module specifier a file refers to, however it does it. */
export function specifiersOf(file: string, text: string): Specifier[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /x$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Specifier[] = [];
  const add = (node: ts.Node | undefined): void => {
    if (node && ts.isStringLiteralLike(node)) {
      out.push({ text: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isExternalModuleReference(node)) add(node.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire =
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require');
      if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The layer a specifier lands in, or the package it names. */
function targetOf(file: string, specifier: string): { layer: string } | { builtin: string } | { pkg: string } {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const rel = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
    return { layer: rel.startsWith('..') ? '(outside)' : (rel.split(path.sep)[0] ?? '') };
  }
  const first = specifier.split('/')[0] ?? '';
  if (specifier.includes('/') && KNOWN_TOP.includes(first)) return { layer: first };
  if (isBuiltin(specifier)) return { builtin: specifier };
  const parts = specifier.split('/');
  return { pkg: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : first };
}

/** Layer violations of one file (path relative to the root, `/`-separated). */
export function layerViolations(file: string, text: string): string[] {
  const layer = file.split('/')[0] as Layer;
  const policy = POLICY[layer];
  if (!policy) return [];
  const out: string[] = [];
  for (const { text: spec, line } of specifiersOf(file, text)) {
    const target = targetOf(file, spec);
    const where = `${file}:${line} imports '${spec}'`;
    if ('layer' in target) {
      if (target.layer === layer) continue;
      if (policy.forbiddenLayers?.includes(target.layer)) out.push(`${where}: ${layer}/ may not reach ${target.layer}/`);
      if (policy.allowedLayers && !policy.allowedLayers.includes(target.layer)) out.push(`${where}: ${layer}/ may only reach ${policy.allowedLayers.join(', ')}`);
    } else if ('builtin' in target) {
      if (policy.forbidBuiltins || (policy.allowedPackages && !policy.allowedPackages.includes(target.builtin))) {
        out.push(`${where}: no Node builtins in ${layer}/`);
      }
    } else {
      if (policy.forbidElectron && target.pkg === 'electron') out.push(`${where}: no electron in ${layer}/`);
      if (policy.allowedPackages && !policy.allowedPackages.includes(target.pkg)) out.push(`${where}: ${layer}/ may only import ${policy.allowedPackages.join(', ')}`);
    }
  }
  return out;
}

/** `console.x` in code (not in comments or strings). */
export function consoleUses(file: string, text: string): string[] {
  return propertyAccessesOn(file, text, ['console']);
}

/** `window.x`, `document.x`, … in code. */
export function domUses(file: string, text: string): string[] {
  return propertyAccessesOn(file, text, DOM_OBJECTS);
}

function propertyAccessesOn(file: string, text: string, objects: string[]): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /x$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      objects.includes(node.expression.text)
    ) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${node.getText(sf).slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

describe('layer scan of the source tree (independent of ESLint)', () => {
  const files = PRODUCT_LAYERS.flatMap((layer) => listSources(layer));

  it('finds the source trees', () => {
    expect(files.some((f) => f.startsWith('common/'))).toBe(true);
  });

  it('keeps every import inside its layer rules', () => {
    expect(files.flatMap((f) => layerViolations(f, read(f)))).toEqual([]);
  });

  it('has no console.* in product code (use the scoped logger)', () => {
    expect(files.flatMap((f) => consoleUses(f, read(f)))).toEqual([]);
  });

  it('has no window./document./navigator./localStorage. in common/', () => {
    expect(files.filter((f) => f.startsWith('common/')).flatMap((f) => domUses(f, read(f)))).toEqual([]);
  });
});

describe('the scanner catches violations', () => {
  it.each([
    ['common/a.ts', "import { app } from 'electron';"],
    ['common/a.ts', "import fs from 'node:fs';"],
    ['common/a.ts', "import { join } from 'path';"],
    ['common/a/b.ts', "export * from '../../main/x';"],
    ['renderer/ui/a.ts', "import x from '../../main/foo';"],
    ['renderer/ui/a.ts', "import type { X } from '../../preload/ui';"],
    ['renderer/ui/a.ts', "const fs = require('fs');"],
    ['renderer/ui/a.ts', "const m = await import('electron');"],
    ['renderer/ui/a.ts', "type S = import('node:fs').Stats;"],
    ['preload/ui/a.ts', "import { z } from 'zod';"],
    ['preload/ui/a.ts', "import { readFile } from 'node:fs';"],
    ['preload/ui/a.ts', "import { x } from '../../main/x';"],
    ['main/a.ts', "import { App } from '../renderer/ui/app';"],
    ['lab/a.ts', "import { x } from '../main/x';"],
  ])('%s: %s', (file, code) => {
    expect(layerViolations(file, code)).not.toEqual([]);
  });

  it.each([
    ['common/a/b.ts', "import { z } from 'zod'; import { x } from '../c';"],
    ['renderer/ui/a.ts', "import { x } from './main/thing'; import { y } from '../../common/contract';"],
    ['preload/ui/a.ts', "import { contextBridge } from 'electron'; import { y } from '../../common/contract'; import { h } from '../shared/h';"],
    ['main/a.ts', "import { app } from 'electron'; import fs from 'node:fs'; import { y } from '../common/contract';"],
  ])('allows %s: %s', (file, code) => {
    expect(layerViolations(file, code)).toEqual([]);
  });

  it('sees console and DOM use in code but not in comments or strings', () => {
    expect(consoleUses('main/a.ts', "// console.log('x')\nconst s = 'console.log';")).toEqual([]);
    expect(consoleUses('main/a.ts', "console.warn('x');")).toHaveLength(1);
    expect(domUses('common/a.ts', '/** exposes `window.switchboard` */ export const k = 1;')).toEqual([]);
    expect(domUses('common/a.ts', 'export const w = window.innerWidth;')).toHaveLength(1);
    expect(domUses('common/a.ts', "export const t = document['title'];")).toHaveLength(1);
  });
});

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number }[];
}

describe('ESLint enforces the same rules (eslint.config.mjs)', () => {
  const cases: { name: string; filePath: string; code: string; expect: 'error' | 'clean'; rule?: string }[] = [
    { name: 'electron in common', filePath: 'common/x.ts', code: "import { app } from 'electron';\nexport { app };\n", expect: 'error', rule: '@typescript-eslint/no-restricted-imports' },
    { name: 'node:fs in common', filePath: 'common/x.ts', code: "import fs from 'node:fs';\nexport { fs };\n", expect: 'error', rule: '@typescript-eslint/no-restricted-imports' },
    { name: 'path in common', filePath: 'common/x.ts', code: "import path from 'path';\nexport { path };\n", expect: 'error', rule: '@typescript-eslint/no-restricted-imports' },
    { name: 'main/ from common', filePath: 'common/sub/x.ts', code: "import { x } from '../../main/x';\nexport { x };\n", expect: 'error', rule: 'switchboard/layer-imports' },
    { name: 'window in common', filePath: 'common/x.ts', code: 'export const w = window.innerWidth;\n', expect: 'error', rule: 'no-restricted-globals' },
    { name: 'document in common', filePath: 'common/x.ts', code: 'export const t = document.title;\n', expect: 'error', rule: 'no-restricted-globals' },
    { name: 'node:fs in renderer', filePath: 'renderer/ui/x.ts', code: "import fs from 'node:fs';\nexport { fs };\n", expect: 'error', rule: '@typescript-eslint/no-restricted-imports' },
    { name: 'electron in renderer', filePath: 'renderer/ui/x.ts', code: "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n", expect: 'error', rule: '@typescript-eslint/no-restricted-imports' },
    { name: 'relative main/ from renderer', filePath: 'renderer/ui/x.ts', code: "import x from '../../main/foo';\nexport { x };\n", expect: 'error', rule: 'switchboard/layer-imports' },
    { name: 'relative preload/ from renderer', filePath: 'renderer/ui/app/x.ts', code: "import type { X } from '../../../preload/ui/index';\nexport type { X };\n", expect: 'error', rule: 'switchboard/layer-imports' },
    { name: 'dynamic import of main/ from renderer', filePath: 'renderer/ui/x.ts', code: "export const m = import('../../main/foo');\n", expect: 'error', rule: 'switchboard/layer-imports' },
    { name: 'require of a builtin in renderer', filePath: 'renderer/engine/x.ts', code: "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const fs = require('fs');\n", expect: 'error', rule: 'switchboard/layer-imports' },
    { name: 'renderer folder named main is fine', filePath: 'renderer/ui/x.ts', code: "import { y } from './main/thing';\nimport type { Snapshot } from '../../common/contract';\nexport type { Snapshot };\nexport { y };\n", expect: 'clean' },
    { name: 'console in main', filePath: 'main/x.ts', code: "console.log('hello');\n", expect: 'error', rule: 'no-console' },
    { name: 'console in renderer', filePath: 'renderer/ui/x.ts', code: "console.error('x');\n", expect: 'error', rule: 'no-console' },
    { name: 'console in lab', filePath: 'lab/x.ts', code: "console.info('x');\n", expect: 'error', rule: 'no-console' },
    { name: 'electron and node:fs in main', filePath: 'main/x.ts', code: "import { app } from 'electron';\nimport fs from 'node:fs';\nexport { app, fs };\n", expect: 'clean' },
    { name: 'renderer/ from main', filePath: 'main/x.ts', code: "import { x } from '../renderer/ui/x';\nexport { x };\n", expect: 'error', rule: 'switchboard/layer-imports' },
    { name: 'electron + common in preload', filePath: 'preload/ui/x.ts', code: "import { contextBridge } from 'electron';\nimport type { Snapshot } from '../../common/contract';\nexport type { Snapshot };\nexport { contextBridge };\n", expect: 'clean' },
    { name: 'node:fs in preload', filePath: 'preload/ui/x.ts', code: "import fs from 'node:fs';\nexport { fs };\n", expect: 'error', rule: '@typescript-eslint/no-restricted-imports' },
    { name: 'a package in preload', filePath: 'preload/ui/x.ts', code: "import { z } from 'zod';\nexport { z };\n", expect: 'error', rule: '@typescript-eslint/no-restricted-imports' },
    { name: 'main/ from preload', filePath: 'preload/ui/x.ts', code: "import { x } from '../../main/x';\nexport { x };\n", expect: 'error', rule: 'switchboard/layer-imports' },
    { name: 'main/ from lab', filePath: 'lab/sip/x.ts', code: "import { x } from '../../main/x';\nexport { x };\n", expect: 'error', rule: 'switchboard/layer-imports' },
    { name: 'console in scripts', filePath: 'scripts/x.mjs', code: "console.log('build done');\n", expect: 'clean' },
    { name: 'console in tests', filePath: 'tests/unit/x.test.ts', code: "console.log('debug');\n", expect: 'clean' },
  ];

  let results: LintResult[] = [];
  beforeAll(() => {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'lint-snippets.mjs')], {
      cwd: ROOT,
      input: JSON.stringify(cases.map(({ filePath, code }) => ({ filePath, code }))),
      encoding: 'utf8',
      timeout: 60_000,
    });
    results = JSON.parse(out) as LintResult[];
  }, 90_000);

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const c = cases[i]!;
    const messages = results[i]?.messages ?? [];
    const errors = messages.filter((m) => m.severity === 2);
    if (c.expect === 'clean') {
      expect(messages).toEqual([]);
    } else {
      expect(errors.map((m) => m.ruleId)).toContain(c.rule);
    }
  });
});
