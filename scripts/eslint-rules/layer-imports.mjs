// @ts-check
/**
 * ESLint rule `switchboard/layer-imports`: who may import whom, decided on
 * the *resolved* target, so `../../main/x` from `renderer/` is caught as
 * surely as a bare `electron`. `no-restricted-imports` only sees the
 * specifier text, so it cannot tell `renderer/ui/main/x` from `main/x`, and
 * it ignores `require()`, `import()` and `import('x').T`; this rule covers
 * all of them. (Bare module names in static imports are also reported by
 * `@typescript-eslint/no-restricted-imports` in eslint.config.mjs.)
 *
 * Options (one object):
 * - `root`: absolute project root; layers are its top-level folders.
 * - `forbiddenLayers`: folders this file may not reach (e.g. `["main"]`).
 * - `allowedLayers`: if set, the only folders this file may reach.
 * - `forbidBuiltins`: Node builtins (`fs`, `node:fs`, …) are refused.
 * - `forbiddenPackages`: bare package names refused (e.g. `["electron"]`).
 * - `allowedPackages`: if set, the only bare packages allowed.
 * - `staticPackageImports`: also judge bare packages in static
 *   `import`/`export … from` (default true). eslint.config.mjs sets it false
 *   where `no-restricted-imports` already reports those, to avoid two errors
 *   per line; `require()`, `import()` and import types are always judged.
 */
import { isBuiltin } from 'node:module';
import path from 'node:path';

/** `@scope/name/sub` → `@scope/name`; `fs/promises` → `fs`. */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Top-level project folder a file sits in, or null when outside the root. */
export function layerOf(root, absolutePath) {
  const rel = path.relative(root, absolutePath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0] ?? null;
}

const LAYER_NAMES = ['common', 'main', 'preload', 'renderer', 'lab', 'tests', 'scripts', 'assets'];

/**
 * What a specifier refers to: a project folder (relative, absolute, or a
 * `main/…` style path from a baseUrl) or a bare package.
 */
export function classify(root, fromFile, specifier) {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const target = path.resolve(path.dirname(fromFile), specifier);
    return { kind: 'layer', layer: layerOf(root, target) ?? '(outside the project)' };
  }
  const first = specifier.split('/')[0];
  if (specifier.includes('/') && first && LAYER_NAMES.includes(first)) {
    return { kind: 'layer', layer: first };
  }
  if (isBuiltin(specifier)) return { kind: 'builtin', name: specifier };
  return { kind: 'package', name: packageName(specifier) };
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the process layers (common/main/preload/renderer) on resolved import targets' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          forbiddenLayers: { type: 'array', items: { type: 'string' } },
          allowedLayers: { type: 'array', items: { type: 'string' } },
          forbidBuiltins: { type: 'boolean' },
          forbiddenPackages: { type: 'array', items: { type: 'string' } },
          allowedPackages: { type: 'array', items: { type: 'string' } },
          staticPackageImports: { type: 'boolean' },
        },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      layer: "'{{layer}}' code may not import from '{{target}}/' ('{{specifier}}').",
      builtin: "'{{layer}}' code may not import the Node builtin '{{specifier}}'.",
      package: "'{{layer}}' code may not import the package '{{specifier}}'.",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = options.root;
    const filename = context.filename;
    const here = layerOf(root, filename) ?? '(outside)';

    /**
     * @param {import('estree').Node} node
     * @param {string} specifier
     * @param {boolean} isStatic
     */
    function check(node, specifier, isStatic) {
      const target = classify(root, filename, specifier);
      if (isStatic && target.kind !== 'layer' && options.staticPackageImports === false) return;
      const data = { layer: here, specifier, target: '' };
      if (target.kind === 'layer') {
        const layer = target.layer;
        if (layer === here) return;
        const refused =
          (options.forbiddenLayers ?? []).includes(layer) ||
          (options.allowedLayers !== undefined && !options.allowedLayers.includes(layer));
        if (refused) context.report({ node, messageId: 'layer', data: { ...data, target: layer } });
        return;
      }
      if (target.kind === 'builtin') {
        const allowed = options.allowedPackages?.includes(target.name) ?? false;
        if ((options.forbidBuiltins || options.allowedPackages !== undefined) && !allowed) {
          context.report({ node, messageId: 'builtin', data });
        }
        return;
      }
      const refused =
        (options.forbiddenPackages ?? []).includes(target.name) ||
        (options.allowedPackages !== undefined && !options.allowedPackages.includes(target.name));
      if (refused) context.report({ node, messageId: 'package', data });
    }

    /** @param {any} node @param {any} source */
    function fromLiteral(node, source, isStatic = false) {
      if (source && source.type === 'Literal' && typeof source.value === 'string') check(node, source.value, isStatic);
      else if (source && source.type === 'TemplateLiteral' && source.expressions.length === 0) {
        check(node, source.quasis[0].value.cooked, isStatic);
      }
    }

    return {
      ImportDeclaration: (node) => fromLiteral(node, node.source, true),
      ExportNamedDeclaration: (node) => fromLiteral(node, node.source, true),
      ExportAllDeclaration: (node) => fromLiteral(node, node.source, true),
      ImportExpression: (node) => fromLiteral(node, node.source),
      /** `require('x')`, `require.resolve('x')` */
      CallExpression(node) {
        const callee = node.callee;
        const isRequire =
          (callee.type === 'Identifier' && callee.name === 'require') ||
          (callee.type === 'MemberExpression' &&
            callee.object.type === 'Identifier' &&
            callee.object.name === 'require');
        if (isRequire && node.arguments.length > 0) fromLiteral(node, node.arguments[0]);
      },
      /** `import x = require('x')` */
      TSExternalModuleReference: (node) => fromLiteral(node, node.expression, true),
      /** `type T = import('x').T` */
      TSImportType(node) {
        const arg = node.argument;
        if (arg?.type === 'TSLiteralType') fromLiteral(node, arg.literal);
        else if (node.source) fromLiteral(node, node.source);
      },
    };
  },
};

export default { rules: { 'layer-imports': layerImports } };
