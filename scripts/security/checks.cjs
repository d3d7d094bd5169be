// @ts-check
/**
 * Switchboard's own static security checks (scripts/check-security.mjs runs
 * them; tests/unit/architecture/check-security.test.ts proves they catch
 * violations). Each check takes sources as `{ path, text }` (path relative to
 * the project, `/`-separated) and returns `{ name, failures, notes }`.
 *
 * They parse with the TypeScript compiler API — not regexes — so comments
 * and strings cannot fool them, and they follow what Electronegativity
 * cannot: `webPreferences: secureWebPreferences(preload)` is resolved to the
 * object the function returns, through spreads, consts and imports by name.
 * Where a value cannot be resolved the check fails: unknown is not secure.
 *
 * CommonJS on purpose: Jest (CommonJS here) and the ESM CLI can both load it.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

/** @typedef {{ path: string, text: string }} Source */
/** @typedef {{ file: string, line: number, message: string }} Failure */
/** @typedef {{ name: string, failures: Failure[], notes: string[] }} CheckResult */

// ── Loading ─────────────────────────────────────────────────────────────

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Every file under `dir` (relative to root) whose name matches `pattern`. */
function listFiles(root, dir, pattern) {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (pattern.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

/** @returns {Source[]} TypeScript/JavaScript sources under `dir`. */
function loadSources(root, dir, pattern = SOURCE_EXT) {
  return listFiles(root, dir, pattern).map((p) => ({ path: p, text: fs.readFileSync(path.join(root, p), 'utf8') }));
}

// ── AST helpers ─────────────────────────────────────────────────────────

const parsed = new Map();
/** @param {Source} source @returns {import('typescript').SourceFile} */
function parse(source) {
  const key = `${source.path}\0${source.text}`;
  let sf = parsed.get(key);
  if (!sf) {
    const kind = /\.(tsx|jsx)$/.test(source.path) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    sf = ts.createSourceFile(source.path, source.text, ts.ScriptTarget.Latest, true, kind);
    parsed.set(key, sf);
  }
  return sf;
}

/** Depth-first walk over every node. */
function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

function lineOf(sf, node) {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

/** Property name as text (`a`, `'a'`, `["a"]`), or null when computed. */
function propName(name) {
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return null;
}

/** Strips `( )`, `as`, `satisfies`, `!`, `<T>x` and `Object.freeze(x)`. */
function unwrap(expr) {
  for (;;) {
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) expr = expr.expression;
    else if (ts.isSatisfiesExpression?.(expr) || ts.isTypeAssertionExpression(expr)) expr = expr.expression;
    else if (
      ts.isCallExpression(expr) &&
      ts.isPropertyAccessExpression(expr.expression) &&
      expr.expression.name.text === 'freeze' &&
      expr.arguments.length === 1
    ) {
      expr = expr.arguments[0];
    } else return expr;
  }
}

/** Name of a called thing: `f(…)` → f, `a.b.f(…)` → f. */
function calleeName(call) {
  const c = call.expression;
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return null;
}

/**
 * Resolves names to declarations across a set of sources: a const's
 * initializer or a function's returned expressions. Same file first, then
 * any file of the set (names are unique enough inside one layer; an
 * ambiguous name resolves to nothing, which the checks treat as unknown).
 */
function makeResolver(sources) {
  const byName = new Map();
  for (const source of sources) {
    const sf = parse(source);
    walk(sf, (node) => {
      let name = null;
      let value = null;
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        name = node.name.text;
        const init = unwrap(node.initializer);
        value = ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? { fn: init } : { expr: node.initializer };
      } else if (ts.isFunctionDeclaration(node) && node.name && node.body) {
        name = node.name.text;
        value = { fn: node };
      }
      if (name && value) {
        const list = byName.get(name) ?? [];
        list.push({ ...value, sf, file: source.path });
        byName.set(name, list);
      }
    });
  }
  function lookup(name, fromFile) {
    const all = byName.get(name) ?? [];
    const local = all.filter((d) => d.file === fromFile);
    if (local.length === 1) return local[0];
    return all.length === 1 ? all[0] : null;
  }
  /** Expressions a function may return. */
  function returns(fn) {
    if (!fn.body) return [];
    if (!ts.isBlock(fn.body)) return [fn.body];
    const out = [];
    const visit = (node) => {
      if (node !== fn.body && (ts.isFunctionLike(node) || ts.isClassLike(node))) return;
      if (ts.isReturnStatement(node) && node.expression) out.push(node.expression);
      ts.forEachChild(node, visit);
    };
    visit(fn.body);
    return out;
  }
  return { lookup, returns };
}

/**
 * Resolves an expression to object literals (one per possible value), each
 * with the file it lives in. Returns null when any branch is unknown.
 */
function resolveObjects(expr, file, resolver, depth = 0) {
  if (depth > 8) return null;
  expr = unwrap(expr);
  if (ts.isObjectLiteralExpression(expr)) return [{ obj: expr, file }];
  if (ts.isIdentifier(expr)) {
    const decl = resolver.lookup(expr.text, file);
    if (!decl || !decl.expr) return null;
    return resolveObjects(decl.expr, decl.file, resolver, depth + 1);
  }
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression)) {
    const decl = resolver.lookup(expr.expression.text, file);
    if (!decl || !decl.fn) return null;
    const results = resolver.returns(decl.fn);
    if (results.length === 0) return null;
    const out = [];
    for (const r of results) {
      const objs = resolveObjects(r, decl.file, resolver, depth + 1);
      if (!objs) return null;
      out.push(...objs);
    }
    return out;
  }
  if (ts.isConditionalExpression(expr)) {
    const a = resolveObjects(expr.whenTrue, file, resolver, depth + 1);
    const b = resolveObjects(expr.whenFalse, file, resolver, depth + 1);
    return a && b ? [...a, ...b] : null;
  }
  return null;
}

/**
 * Final values of an object literal's keys, in source order, following
 * spreads. A spread that cannot be resolved makes every key set before it
 * `unknown` (it may override them); keys written after it stay known.
 * @returns {Map<string, import('typescript').Expression | 'unknown'>}
 */
function finalProps(obj, file, resolver, depth = 0) {
  const props = new Map();
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p)) {
      const name = propName(p.name);
      if (name !== null) props.set(name, p.initializer);
    } else if (ts.isShorthandPropertyAssignment(p)) {
      props.set(p.name.text, p.name);
    } else if (ts.isSpreadAssignment(p)) {
      const objs = depth < 8 ? resolveObjects(p.expression, file, resolver, depth + 1) : null;
      if (objs && objs.length === 1) {
        for (const [k, v] of finalProps(objs[0].obj, objs[0].file, resolver, depth + 1)) props.set(k, v);
      } else {
        for (const k of props.keys()) props.set(k, 'unknown');
        props.set('*', 'unknown');
      }
    }
  }
  return props;
}

// ── (b1) webPreferences ────────────────────────────────────────────────

/** The flags every window must set, with the only acceptable value. */
const REQUIRED_PREFS = { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false };
/** Flags that, wherever they appear, must have this value if present. */
const PINNED_PREFS = {
  ...REQUIRED_PREFS,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
};
/** Keys that may not appear at all (any value enables something). */
const FORBIDDEN_PREF_KEYS = ['enableBlinkFeatures', 'enableRemoteModule'];
/** Chromium switches that undo the web's security model. */
const FORBIDDEN_SWITCHES = [
  'disable-web-security',
  'ignore-certificate-errors',
  'allow-running-insecure-content',
  'no-sandbox',
  'disable-site-isolation-trials',
  'enable-blink-features',
  'remote-debugging-port',
];
const WINDOW_CLASSES = ['BrowserWindow', 'BrowserView', 'WebContentsView'];

function literalBool(expr) {
  if (expr === 'unknown') return 'unknown';
  const e = unwrap(expr);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  return 'unknown';
}

/**
 * Every `new BrowserWindow/BrowserView/WebContentsView(…)` and every
 * `webPreferences` object in main/ must set contextIsolation: true,
 * sandbox: true, nodeIntegration: false, webviewTag: false — as literals,
 * directly or through a const/function (e.g. secureWebPreferences()). No
 * insecure value of those or related flags anywhere in main/, no
 * enableBlinkFeatures, no security-disabling command-line switch.
 * @param {Source[]} mainSources
 * @returns {CheckResult}
 */
function checkWebPreferences(mainSources) {
  const result = { name: 'webPreferences', failures: [], notes: [] };
  const resolver = makeResolver(mainSources);
  const seen = new Set();
  const fail = (file, line, message) => {
    const key = `${file}:${line}:${message}`;
    if (!seen.has(key)) result.failures.push({ file, line, message });
    seen.add(key);
  };
  let windows = 0;

  /** Judges a webPreferences value expression. */
  const judgePrefs = (valueExpr, file, sf, at) => {
    const objs = resolveObjects(valueExpr, file, resolver);
    if (!objs) {
      fail(file, lineOf(sf, at), 'webPreferences cannot be resolved to an object literal; unknown is not secure');
      return;
    }
    for (const { obj, file: objFile } of objs) {
      const props = finalProps(obj, objFile, resolver);
      for (const [flag, wanted] of Object.entries(REQUIRED_PREFS)) {
        const value = props.has(flag) ? literalBool(props.get(flag)) : 'absent';
        if (value !== wanted) {
          const how = value === 'absent' ? 'is absent' : value === 'unknown' ? 'is not a literal (or may be overridden by a later spread)' : `is ${value}`;
          fail(file, lineOf(sf, at), `webPreferences.${flag} ${how}; it must be ${wanted}`);
        }
      }
    }
  };

  for (const source of mainSources) {
    const sf = parse(source);
    walk(sf, (node) => {
      // new BrowserWindow({...})
      if (ts.isNewExpression(node)) {
        const c = node.expression;
        const cls = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : null;
        if (cls && WINDOW_CLASSES.includes(cls)) {
          windows++;
          const arg = node.arguments?.[0];
          const opts = arg ? resolveObjects(arg, source.path, resolver) : null;
          if (!opts) {
            fail(source.path, lineOf(sf, node), `new ${cls}() options cannot be resolved; pass an object literal with webPreferences`);
            return;
          }
          for (const { obj, file } of opts) {
            const props = finalProps(obj, file, resolver);
            const prefs = props.get('webPreferences');
            if (prefs === undefined) fail(source.path, lineOf(sf, node), `new ${cls}() has no webPreferences`);
            else if (prefs === 'unknown') fail(source.path, lineOf(sf, node), `new ${cls}() webPreferences may be overridden by a spread`);
            else judgePrefs(prefs, file, parse(mainSources.find((s) => s.path === file) ?? source), prefs);
          }
        }
      }
      // any webPreferences: … (window.open overrides, option builders)
      if (ts.isPropertyAssignment(node) && propName(node.name) === 'webPreferences') {
        judgePrefs(node.initializer, source.path, sf, node);
      }
      // flags with an insecure value anywhere in main/
      if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
        const name = propName(node.name);
        if (name && Object.hasOwn(PINNED_PREFS, name)) {
          const value = ts.isPropertyAssignment(node) ? literalBool(node.initializer) : 'unknown';
          if (value !== PINNED_PREFS[name]) {
            fail(source.path, lineOf(sf, node), `${name} is set to ${value === 'unknown' ? 'a non-literal' : value}; only ${PINNED_PREFS[name]} is allowed`);
          }
        }
        if (name && FORBIDDEN_PREF_KEYS.includes(name)) fail(source.path, lineOf(sf, node), `${name} must not be used`);
      }
      // app.commandLine.appendSwitch('disable-web-security'), app.disableSandbox()
      if (ts.isCallExpression(node)) {
        const callee = calleeName(node);
        if (callee === 'appendSwitch' || callee === 'appendArgument') {
          const first = node.arguments[0];
          const text = first && ts.isStringLiteralLike(first) ? first.text.replace(/^--/, '') : '';
          if (FORBIDDEN_SWITCHES.includes(text)) fail(source.path, lineOf(sf, node), `command-line switch '${text}' is forbidden`);
        }
        if (callee === 'disableSandbox') fail(source.path, lineOf(sf, node), 'app.disableSandbox() is forbidden');
      }
    });
    // ELECTRON_DISABLE_SECURITY_WARNINGS hides exactly what we want to see.
    if (/ELECTRON_DISABLE_SECURITY_WARNINGS/.test(source.text)) {
      fail(source.path, 1, 'ELECTRON_DISABLE_SECURITY_WARNINGS must not be set');
    }
  }
  if (windows === 0) result.failures.push({ file: 'main/', line: 0, message: 'no new BrowserWindow() found in main/: nothing to verify' });
  else result.notes.push(`${windows} window construction(s) verified`);
  return result;
}

// ── (b2) handlers ───────────────────────────────────────────────────────

/**
 * main/ installs setPermissionRequestHandler and setPermissionCheckHandler,
 * a `will-navigate` listener in a file that calls preventDefault(), and a
 * setWindowOpenHandler in a file that returns `{ action: 'deny' }`; no
 * `action: 'allow'` anywhere.
 * @param {Source[]} mainSources
 * @returns {CheckResult}
 */
function checkHandlers(mainSources) {
  const result = { name: 'handlers', failures: [], notes: [] };
  const found = { setPermissionRequestHandler: [], setPermissionCheckHandler: [], 'will-navigate': [], setWindowOpenHandler: [] };
  for (const source of mainSources) {
    const sf = parse(source);
    let preventsDefault = false;
    let denies = false;
    const here = { navigate: [], open: [] };
    walk(sf, (node) => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        if (name === 'setPermissionRequestHandler' || name === 'setPermissionCheckHandler') found[name].push(source.path);
        if (name === 'setWindowOpenHandler') here.open.push(node);
        if ((name === 'on' || name === 'once' || name === 'addListener') && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]) && node.arguments[0].text === 'will-navigate') {
          here.navigate.push(node);
        }
        if (name === 'preventDefault') preventsDefault = true;
      }
      if (ts.isPropertyAssignment(node) && propName(node.name) === 'action' && ts.isStringLiteralLike(node.initializer)) {
        if (node.initializer.text === 'deny') denies = true;
        if (node.initializer.text === 'allow') {
          result.failures.push({ file: source.path, line: lineOf(sf, node), message: "setWindowOpenHandler must never return { action: 'allow' }" });
        }
      }
    });
    for (const n of here.navigate) {
      if (preventsDefault) found['will-navigate'].push(source.path);
      else result.failures.push({ file: source.path, line: lineOf(sf, n), message: "a 'will-navigate' listener here never calls preventDefault()" });
    }
    for (const n of here.open) {
      if (denies) found.setWindowOpenHandler.push(source.path);
      else result.failures.push({ file: source.path, line: lineOf(sf, n), message: "setWindowOpenHandler here never returns { action: 'deny' }" });
    }
  }
  for (const [what, files] of Object.entries(found)) {
    if (files.length === 0) result.failures.push({ file: 'main/', line: 0, message: `no ${what} found in main/` });
    else result.notes.push(`${what}: ${[...new Set(files)].join(', ')}`);
  }
  return result;
}

// ── (b3) CSP ────────────────────────────────────────────────────────────

const SCRIPT_DIRECTIVES = ['script-src', 'script-src-elem', 'script-src-attr', 'default-src'];
const UNSAFE_SCRIPT_SOURCES = ["'unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:'];

/** Problems of one CSP text (a whole policy or a fragment of one). */
function cspProblems(text) {
  const problems = [];
  for (const directive of text.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (!name || !SCRIPT_DIRECTIVES.includes(name.toLowerCase())) continue;
    for (const bad of values.filter((v) => UNSAFE_SCRIPT_SOURCES.includes(v.toLowerCase()))) {
      problems.push(`${name} allows ${bad}`);
    }
  }
  return problems;
}

const CSP_TEXT = /(^|[;\s"'`])(default-src|script-src)(\s|$)/;

/**
 * main/ holds a CSP (a string with default-src or script-src); no CSP
 * string or fragment in main/ or in an HTML meta tag lets scripts run from
 * 'unsafe-eval', 'unsafe-inline', *, data: or any http(s) origin.
 * @param {Source[]} mainSources
 * @param {Source[]} htmlSources
 * @returns {CheckResult}
 */
function checkCsp(mainSources, htmlSources = []) {
  const result = { name: 'content-security-policy', failures: [], notes: [] };
  let policies = 0;
  for (const source of mainSources) {
    const sf = parse(source);
    walk(sf, (node) => {
      let text = null;
      if (ts.isStringLiteralLike(node)) text = node.text;
      else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) text = node.text;
      if (text === null || !CSP_TEXT.test(text)) return;
      policies++;
      for (const problem of cspProblems(text)) {
        result.failures.push({ file: source.path, line: lineOf(sf, node), message: `CSP ${problem}` });
      }
    });
  }
  if (policies === 0) result.failures.push({ file: 'main/', line: 0, message: 'no Content-Security-Policy (default-src/script-src) found in main/' });
  else result.notes.push(`${policies} CSP string(s) in main/`);
  for (const html of htmlSources) {
    for (const meta of html.text.matchAll(/<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi)) {
      const content = /\bcontent\s*=\s*("([^"]*)"|'([^']*)')/i.exec(meta[0]);
      const policy = content ? (content[2] ?? content[3] ?? '') : '';
      for (const problem of cspProblems(policy)) {
        result.failures.push({ file: html.path, line: lineAt(html.text, meta.index), message: `meta CSP ${problem}` });
      }
    }
  }
  return result;
}

function lineAt(text, index) {
  return text.slice(0, index).split('\n').length;
}

// ── (b4) preload exposure ───────────────────────────────────────────────

const NEVER_EXPOSED = ['ipcRenderer', 'process', 'require', 'module', 'Buffer', 'global', 'globalThis', 'webFrame', 'contextBridge'];

/**
 * Preloads expose verbs, never Electron/Node objects: the values given to
 * contextBridge.exposeInMainWorld / exposeInIsolatedWorld (resolved through
 * consts and functions) may not contain `ipcRenderer`, `process`,
 * `require`, … as values or as what a function returns, nor an unbound
 * `ipcRenderer.<method>`; and `ipcRenderer` may only ever be used as
 * `ipcRenderer.<method>(…)` anywhere in preload/, so it cannot escape
 * through a helper either.
 * @param {Source[]} preloadSources
 * @returns {CheckResult}
 */
function checkPreloadExposure(preloadSources) {
  const result = { name: 'preload exposure', failures: [], notes: [] };
  const resolver = makeResolver(preloadSources);
  let exposures = 0;
  for (const source of preloadSources) {
    const sf = parse(source);
    const sourceOf = (file) => preloadSources.find((s) => s.path === file) ?? source;
    const fail = (node, message, file = source.path) =>
      result.failures.push({ file, line: lineOf(parse(sourceOf(file)), node), message });

    /** Walks an exposed value for forbidden objects. */
    const inspect = (expr, file, depth = 0) => {
      if (depth > 6) return;
      walk(expr, (node) => {
        if (ts.isIdentifier(node) && NEVER_EXPOSED.includes(node.text)) {
          const parent = node.parent;
          // `ipcRenderer.invoke(...)` inside a verb is the normal case.
          const isCalledMember =
            ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
          const isPropertyKey = (ts.isPropertyAssignment(parent) && parent.name === node) || (ts.isPropertyAccessExpression(parent) && parent.name === node);
          if (!isCalledMember && !isPropertyKey) {
            const shown = ts.isPropertyAccessExpression(parent) ? parent.getText(parse(sourceOf(file))) : node.text;
            fail(node, `exposes '${shown}' to the page`, file);
          }
        }
        if (ts.isShorthandPropertyAssignment(node) && NEVER_EXPOSED.includes(node.name.text)) {
          fail(node, `exposes '${node.name.text}' to the page`, file);
        }
      });
      // Follow identifiers that name consts/functions of the preload.
      walk(expr, (node) => {
        if (ts.isIdentifier(node) && !NEVER_EXPOSED.includes(node.text)) {
          const decl = resolver.lookup(node.text, file);
          if (decl?.expr && decl.expr !== expr) inspect(decl.expr, decl.file, depth + 1);
          if (decl?.fn) for (const r of resolver.returns(decl.fn)) inspect(r, decl.file, depth + 1);
        }
      });
    };

    walk(sf, (node) => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        if (name === 'exposeInMainWorld' || name === 'exposeInIsolatedWorld') {
          exposures++;
          const value = node.arguments[name === 'exposeInMainWorld' ? 1 : 2];
          if (value) inspect(value, source.path);
        }
      }
      // ipcRenderer may only be the object of a called member: ipcRenderer.x(…)
      if (ts.isIdentifier(node) && node.text === 'ipcRenderer') {
        const parent = node.parent;
        const inImport = ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent);
        const isKey = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
        const isCalledMember =
          ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
        const isTypeQuery = ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent);
        if (!inImport && !isKey && !isCalledMember && !isTypeQuery) {
          fail(node, "'ipcRenderer' used as a value (it must only be called: ipcRenderer.invoke(…))");
        }
      }
    });
  }
  result.notes.push(`${exposures} contextBridge exposure(s) inspected`);
  // Deduplicate (the two walks may report the same node).
  const unique = new Map(result.failures.map((f) => [`${f.file}:${f.line}:${f.message}`, f]));
  result.failures = [...unique.values()];
  return result;
}

// ── (b5) shell.openExternal ─────────────────────────────────────────────

/** The file itself checks for http(s): 'http:'/'https:' literals or /^https?:/. */
function validatesHttp(source) {
  const sf = parse(source);
  let http = false;
  let https = false;
  let regex = false;
  walk(sf, (node) => {
    if (ts.isStringLiteralLike(node)) {
      if (node.text === 'https:') https = true;
      if (node.text === 'http:') http = true;
    }
    if (ts.isRegularExpressionLiteral(node) && /https\?:?/.test(node.text)) regex = true;
  });
  return regex || (http && https);
}

/**
 * `openExternal` is only called in main/, in a module that validates
 * http(s) itself or imports and calls a validator from a module that does.
 * @param {Source[]} mainSources
 * @param {Source[]} otherSources preload/renderer: no openExternal at all
 * @returns {CheckResult}
 */
function checkOpenExternal(mainSources, otherSources = []) {
  const result = { name: 'shell.openExternal', failures: [], notes: [] };
  const byPath = new Map(mainSources.map((s) => [s.path.replace(/\.(ts|tsx|mts|cts|js|mjs|cjs)$/, ''), s]));
  for (const source of mainSources) {
    const sf = parse(source);
    const calls = [];
    const called = new Set();
    walk(sf, (node) => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        if (name === 'openExternal') calls.push(node);
        else if (name) called.add(name);
      }
    });
    if (calls.length === 0) continue;
    let ok = validatesHttp(source);
    if (!ok) {
      for (const stmt of sf.statements) {
        if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteralLike(stmt.moduleSpecifier)) continue;
        const spec = stmt.moduleSpecifier.text;
        if (!spec.startsWith('.')) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(source.path), spec)).replace(/\.(js|ts)$/, '');
        const module = byPath.get(target) ?? byPath.get(`${target}/index`);
        const names = stmt.importClause?.namedBindings && ts.isNamedImports(stmt.importClause.namedBindings) ? stmt.importClause.namedBindings.elements.map((e) => e.name.text) : [];
        if (module && validatesHttp(module) && names.some((n) => called.has(n))) ok = true;
      }
    }
    if (ok) result.notes.push(`${source.path}: ${calls.length} call(s), validated`);
    else for (const call of calls) result.failures.push({ file: source.path, line: lineOf(sf, call), message: 'openExternal in a module that does not validate http(s)' });
  }
  for (const source of otherSources) {
    const sf = parse(source);
    walk(sf, (node) => {
      if (ts.isCallExpression(node) && calleeName(node) === 'openExternal' && ts.isPropertyAccessExpression(node.expression) && /shell/i.test(node.expression.expression.getText(sf))) {
        result.failures.push({ file: source.path, line: lineOf(sf, node), message: 'shell.openExternal outside main/' });
      }
    });
  }
  return result;
}

// ── (b6) built HTML ─────────────────────────────────────────────────────

/**
 * HTML pages: no inline `<script>` (without src), no `on…=` handler
 * attributes, no `javascript:` URLs; meta CSPs are checked by checkCsp.
 * @param {Source[]} htmlSources
 * @returns {CheckResult}
 */
function checkHtml(htmlSources) {
  const result = { name: 'html', failures: [], notes: [] };
  for (const html of htmlSources) {
    const text = html.text.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
    for (const m of text.matchAll(/<script\b([^>]*)>/gi)) {
      if (!/\bsrc\s*=/i.test(m[1] ?? '')) result.failures.push({ file: html.path, line: lineAt(text, m.index), message: 'inline <script> without src' });
    }
    for (const m of text.matchAll(/<[a-z][^>]*?\son[a-z]+\s*=/gi)) {
      result.failures.push({ file: html.path, line: lineAt(text, m.index), message: 'inline on…= event handler attribute' });
    }
    for (const m of text.matchAll(/\bjavascript:/gi)) {
      result.failures.push({ file: html.path, line: lineAt(text, m.index), message: 'javascript: URL' });
    }
  }
  result.notes.push(`${htmlSources.length} HTML file(s)`);
  return result;
}

// ── (c) electron-builder fuses ──────────────────────────────────────────

/** Production fuse values; the test build differs only in the inspect fuse. */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};
const TEST_BUILD_FUSES = { ...REQUIRED_FUSES, enableNodeCliInspectArguments: true };
/** Signing secrets belong in the environment, never in the config. */
const SECRET_KEYS = ['cscLink', 'cscKeyPassword', 'certificatePassword', 'certificateFile', 'certificateSubjectName', 'appleIdPassword', 'password'];

/**
 * Both electron-builder configs (already merged through `extends`) set every
 * fuse explicitly to the required value, keep asar on, do not register the
 * internal `switchboard` scheme with the OS and commit no signing secrets.
 * @param {Record<string, any>} production
 * @param {Record<string, any>} [testBuild]
 * @returns {CheckResult}
 */
function checkBuilderConfig(production, testBuild) {
  const result = { name: 'electron-builder', failures: [], notes: [] };
  const judge = (config, label, wanted) => {
    const fuses = config?.electronFuses ?? {};
    for (const [fuse, value] of Object.entries(wanted)) {
      if (!Object.hasOwn(fuses, fuse)) result.failures.push({ file: label, line: 0, message: `electronFuses.${fuse} is not set explicitly (want ${value})` });
      else if (fuses[fuse] !== value) result.failures.push({ file: label, line: 0, message: `electronFuses.${fuse} is ${fuses[fuse]} (want ${value})` });
    }
    if (config?.asar === false) result.failures.push({ file: label, line: 0, message: 'asar is off' });
    for (const protocol of config?.protocols ?? []) {
      if ((protocol.schemes ?? []).map((s) => String(s).toLowerCase()).includes('switchboard')) {
        result.failures.push({ file: label, line: 0, message: "the internal 'switchboard' scheme must not be registered with the OS" });
      }
    }
    const walkSecrets = (value, at) => {
      if (!value || typeof value !== 'object') return;
      for (const [k, v] of Object.entries(value)) {
        if (SECRET_KEYS.includes(k) && v != null) result.failures.push({ file: label, line: 0, message: `${at}${k} is committed; read it from the environment` });
        walkSecrets(v, `${at}${k}.`);
      }
    };
    walkSecrets(config, '');
  };
  judge(production, 'electron-builder.yml', REQUIRED_FUSES);
  if (testBuild) judge(testBuild, 'electron-builder.test.yml', TEST_BUILD_FUSES);
  else result.notes.push('no test build config given');
  return result;
}

module.exports = {
  loadSources,
  listFiles,
  checkWebPreferences,
  checkHandlers,
  checkCsp,
  cspProblems,
  checkPreloadExposure,
  checkOpenExternal,
  checkHtml,
  checkBuilderConfig,
  REQUIRED_PREFS,
  REQUIRED_FUSES,
  TEST_BUILD_FUSES,
};
