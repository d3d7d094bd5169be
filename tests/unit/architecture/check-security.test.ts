/**
 * scripts/check-security.mjs must catch what it claims to catch: each of its
 * check functions (scripts/security/checks.cjs) runs here on fixture
 * sources — secure ones pass, each kind of violation fails — and the CLI
 * runs once on a fixture tree in a temp dir, Electronegativity included.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface Source {
  path: string;
  text: string;
}
interface CheckResult {
  name: string;
  failures: { file: string; line: number; message: string }[];
  notes: string[];
}
interface Checks {
  loadSources(root: string, dir: string, pattern?: RegExp): Source[];
  checkWebPreferences(main: Source[]): CheckResult;
  checkHandlers(main: Source[]): CheckResult;
  checkCsp(main: Source[], html?: Source[]): CheckResult;
  checkPreloadExposure(preload: Source[]): CheckResult;
  checkOpenExternal(main: Source[], others?: Source[]): CheckResult;
  checkHtml(html: Source[]): CheckResult;
  checkBuilderConfig(production: Record<string, unknown>, testBuild?: Record<string, unknown>): CheckResult;
  REQUIRED_FUSES: Record<string, boolean>;
  TEST_BUILD_FUSES: Record<string, boolean>;
}
interface Triage {
  triage(
    issues: { id: string; severity: string; file: string }[],
    allowlist: { id: string; file: RegExp; reason: string; requires?: string }[],
    passed: Record<string, boolean>,
  ): { failing: unknown[]; allowed: unknown[]; info: unknown[] };
}

// CommonJS modules shared with the ESM CLI; typed by the interfaces above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const checks = require(path.join(ROOT, 'scripts/security/checks.cjs')) as Checks;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { triage } = require(path.join(ROOT, 'scripts/security/electronegativity.cjs')) as Triage;

const src = (p: string, text: string): Source => ({ path: p, text });
const messages = (r: CheckResult): string => r.failures.map((f) => f.message).join('\n');

// ── Fixtures: a secure main/ in the shape main/ really has ───────────────
const SECURE_PREFS = src(
  'main/windows/secure-web-preferences.ts',
  `import type { WebPreferences } from 'electron';
export function secureWebPreferences(preload: string, extra: Partial<WebPreferences> = {}): WebPreferences {
  return { ...extra, preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true };
}`,
);
const UI_WINDOW = src(
  'main/windows/ui-window.ts',
  `import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './secure-web-preferences';
export const create = (p: string) => new BrowserWindow({ show: false, webPreferences: secureWebPreferences(p) });`,
);
const GUARD = src(
  'main/security/navigation-guard.ts',
  `import { isSafeExternalUrl } from './external-links';
export function guard(contents: any, shell: any) {
  contents.on('will-navigate', (event: any) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }: { url: string }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}`,
);
const LINKS = src(
  'main/security/external-links.ts',
  `export function isSafeExternalUrl(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'https:' || u.protocol === 'http:';
}`,
);
const PERMISSIONS = src(
  'main/security/permissions.ts',
  `export function install(session: any) {
  session.setPermissionRequestHandler((_c: unknown, _p: string, cb: (ok: boolean) => void) => cb(false));
  session.setPermissionCheckHandler(() => false);
}`,
);
const CSP = src('main/security/csp.ts', `export const CSP = ["default-src 'none'", "script-src 'self'", "style-src 'self'"].join('; ');`);
const SECURE_MAIN = [SECURE_PREFS, UI_WINDOW, GUARD, LINKS, PERMISSIONS, CSP];

const replace = (sources: Source[], changed: Source): Source[] => [...sources.filter((s) => s.path !== changed.path), changed];

describe('checkWebPreferences', () => {
  it('passes flags set through a shared function', () => {
    expect(checks.checkWebPreferences(SECURE_MAIN).failures).toEqual([]);
  });

  it('passes flags set inline', () => {
    const inline = src(
      'main/w.ts',
      `new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false } });`,
    );
    expect(checks.checkWebPreferences([inline]).failures).toEqual([]);
  });

  it.each([
    ['sandbox: false', 'sandbox: false', /sandbox/],
    ['contextIsolation: false', 'contextIsolation: false', /contextIsolation/],
    ['nodeIntegration: true', 'nodeIntegration: true', /nodeIntegration/],
    ['webviewTag: true', 'webviewTag: true', /webviewTag/],
  ])('fails on %s in the shared function', (_name, from, pattern) => {
    const key = from.split(':')[0]!;
    const good = `${key}: ${key === 'contextIsolation' || key === 'sandbox' ? 'true' : 'false'}`;
    const bad = src(SECURE_PREFS.path, SECURE_PREFS.text.replace(good, from));
    expect(messages(checks.checkWebPreferences(replace(SECURE_MAIN, bad)))).toMatch(pattern);
  });

  it('fails when a flag is absent', () => {
    const bad = src(SECURE_PREFS.path, SECURE_PREFS.text.replace('webviewTag: false, ', ''));
    expect(messages(checks.checkWebPreferences(replace(SECURE_MAIN, bad)))).toMatch(/webviewTag is absent/);
  });

  it('fails when a spread after the flags may override them', () => {
    const bad = src(SECURE_PREFS.path, SECURE_PREFS.text.replace('webSecurity: true }', 'webSecurity: true, ...extra }'));
    expect(messages(checks.checkWebPreferences(replace(SECURE_MAIN, bad)))).toMatch(/not a literal \(or may be overridden/);
  });

  it('fails on a window without webPreferences or with unresolvable ones', () => {
    expect(messages(checks.checkWebPreferences([src('main/w.ts', 'new BrowserWindow({ show: false });')]))).toMatch(/no webPreferences/);
    expect(messages(checks.checkWebPreferences([src('main/w.ts', 'export const f = (p: any) => new BrowserWindow({ webPreferences: p });')]))).toMatch(
      /cannot be resolved/,
    );
  });

  it.each([
    ["webSecurity: false", 'x = { webPreferences: { ...secure, webSecurity: false } }'],
    ["allowRunningInsecureContent: true", 'x = { allowRunningInsecureContent: true }'],
    ["experimentalFeatures: true", 'x = { experimentalFeatures: true }'],
    ["enableBlinkFeatures", "x = { enableBlinkFeatures: 'CSSVariables' }"],
    ["a security-disabling switch", "app.commandLine.appendSwitch('disable-web-security')"],
    ["app.disableSandbox()", 'app.disableSandbox()'],
    ["sandbox: false passed as an extra", "secureWebPreferences(p, { sandbox: false })"],
  ])('fails on %s anywhere in main/', (_name, code) => {
    const extra = src('main/other.ts', `declare const x: any, secure: any, app: any, p: string, secureWebPreferences: any;\n${code};`);
    expect(checks.checkWebPreferences([...SECURE_MAIN, extra]).failures.length).toBeGreaterThan(0);
  });

  it('fails when main/ has no window at all', () => {
    expect(messages(checks.checkWebPreferences([CSP]))).toMatch(/no new BrowserWindow/);
  });
});

describe('checkHandlers', () => {
  it('passes the secure fixture', () => {
    expect(checks.checkHandlers(SECURE_MAIN).failures).toEqual([]);
  });

  it.each([
    ['setPermissionRequestHandler', PERMISSIONS, 'setPermissionRequestHandler', 'setSomethingElse'],
    ['setPermissionCheckHandler', PERMISSIONS, 'setPermissionCheckHandler', 'setSomethingElse'],
    ['will-navigate', GUARD, "'will-navigate'", "'did-navigate'"],
    ['setWindowOpenHandler', GUARD, 'setWindowOpenHandler', 'setSomethingElse'],
  ])('fails without %s', (what, file, from, to) => {
    const bad = src(file.path, file.text.replace(from, to));
    expect(messages(checks.checkHandlers(replace(SECURE_MAIN, bad)))).toContain(`no ${what} found`);
  });

  it('fails when will-navigate does not preventDefault', () => {
    const bad = src(GUARD.path, GUARD.text.replace('event.preventDefault()', 'undefined'));
    expect(messages(checks.checkHandlers(replace(SECURE_MAIN, bad)))).toMatch(/never calls preventDefault/);
  });

  it("fails on { action: 'allow' }", () => {
    const bad = src(GUARD.path, GUARD.text.replace("action: 'deny'", "action: 'allow'"));
    expect(messages(checks.checkHandlers(replace(SECURE_MAIN, bad)))).toMatch(/allow/);
  });
});

describe('checkCsp', () => {
  it('passes a strict CSP and fails without any', () => {
    expect(checks.checkCsp(SECURE_MAIN).failures).toEqual([]);
    expect(messages(checks.checkCsp([UI_WINDOW]))).toMatch(/no Content-Security-Policy/);
  });

  it.each(["script-src 'self' 'unsafe-eval'", "script-src 'self' 'unsafe-inline'", "default-src 'self' 'unsafe-inline'", 'script-src *'])(
    'fails on %s',
    (policy) => {
      const bad = src('main/security/csp.ts', `export const CSP = \`${policy}; style-src 'self'\`;`);
      expect(checks.checkCsp(replace(SECURE_MAIN, bad)).failures.length).toBeGreaterThan(0);
    },
  );

  it("allows 'unsafe-inline' outside script directives", () => {
    const ok = src('main/security/csp.ts', `export const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'";`);
    expect(checks.checkCsp(replace(SECURE_MAIN, ok)).failures).toEqual([]);
  });

  it('checks meta CSPs in HTML', () => {
    const html = src('dist/renderer/ui/index.html', `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-eval'">`);
    expect(messages(checks.checkCsp(SECURE_MAIN, [html]))).toMatch(/meta CSP script-src allows 'unsafe-eval'/);
  });
});

describe('checkPreloadExposure', () => {
  const good = src(
    'preload/ui/index.ts',
    `import { contextBridge, ipcRenderer } from 'electron';
const invoke = (channel: string) => (request: unknown) => ipcRenderer.invoke(channel, request);
const bridge = { app: { ping: invoke('sb:app:ping') }, on: (l: () => void) => { ipcRenderer.on('x', l); return () => ipcRenderer.removeListener('x', l); } };
contextBridge.exposeInMainWorld('switchboard', bridge);`,
  );

  it('passes verbs over ipcRenderer', () => {
    expect(checks.checkPreloadExposure([good]).failures).toEqual([]);
  });

  it.each([
    ['ipcRenderer itself', "contextBridge.exposeInMainWorld('ipc', ipcRenderer);"],
    ['ipcRenderer in an object', "contextBridge.exposeInMainWorld('api', { ipcRenderer });"],
    ['ipcRenderer under another name', "contextBridge.exposeInMainWorld('api', { ipc: ipcRenderer });"],
    ['an unbound ipcRenderer method', "contextBridge.exposeInMainWorld('api', { send: ipcRenderer.send });"],
    ['ipcRenderer through a const', "const api = { raw: ipcRenderer };\ncontextBridge.exposeInMainWorld('api', api);"],
    ['ipcRenderer returned by a verb', "contextBridge.exposeInMainWorld('api', { get: () => ipcRenderer });"],
    ['process', "contextBridge.exposeInMainWorld('api', { process });"],
    ['process.env', "contextBridge.exposeInMainWorld('api', { env: process.env });"],
    ['require', "contextBridge.exposeInMainWorld('api', { load: require });"],
    ['exposeInIsolatedWorld', "contextBridge.exposeInIsolatedWorld(1, 'api', ipcRenderer);"],
  ])('fails on %s', (_name, code) => {
    const bad = src('preload/ui/index.ts', `import { contextBridge, ipcRenderer } from 'electron';\n${code}`);
    expect(checks.checkPreloadExposure([bad]).failures.length).toBeGreaterThan(0);
  });
});

describe('checkOpenExternal', () => {
  it('passes when the module imports and calls an http(s) validator', () => {
    expect(checks.checkOpenExternal(SECURE_MAIN).failures).toEqual([]);
  });

  it('passes when the module validates itself', () => {
    const self = src('main/x.ts', `export const open = (shell: any, url: string) => /^https?:/.test(url) && shell.openExternal(url);`);
    expect(checks.checkOpenExternal([self]).failures).toEqual([]);
  });

  it('fails when nothing validates', () => {
    const bad = src('main/x.ts', `export const open = (shell: any, url: string) => shell.openExternal(url);`);
    expect(messages(checks.checkOpenExternal([bad]))).toMatch(/does not validate/);
  });

  it('fails when the validator is imported but never called', () => {
    const bad = src(GUARD.path, GUARD.text.replace('if (isSafeExternalUrl(url)) ', ''));
    expect(messages(checks.checkOpenExternal(replace(SECURE_MAIN, bad)))).toMatch(/does not validate/);
  });

  it('fails on shell.openExternal outside main/', () => {
    const bad = src('renderer/ui/x.ts', `declare const shell: any; shell.openExternal('https://example.com');`);
    expect(messages(checks.checkOpenExternal(SECURE_MAIN, [bad]))).toMatch(/outside main/);
  });
});

describe('checkHtml (on files in a temp dir, as the built dist/renderer)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sb-html-'));
    mkdirSync(path.join(dir, 'dist/renderer/ui'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const load = (html: string): CheckResult => {
    writeFileSync(path.join(dir, 'dist/renderer/ui/index.html'), html);
    return checks.checkHtml(checks.loadSources(dir, 'dist/renderer', /\.html$/));
  };

  it('passes a page whose scripts all have src', () => {
    expect(load('<!doctype html><script type="module" crossorigin src="../assets/ui.js"></script><!-- <script>x</script> -->').failures).toEqual([]);
  });

  it.each([
    ['an inline script', '<script>alert(1)</script>'],
    ['an inline module script', '<script type="module">import "./x.js"</script>'],
    ['an onclick handler', '<button onclick="go()">Go</button>'],
    ['an onload handler', '<img src="a.png" onload="x()">'],
    ['a javascript: URL', '<a href="javascript:void(0)">x</a>'],
  ])('fails on %s', (_name, html) => {
    expect(load(html).failures.length).toBeGreaterThan(0);
  });
});

describe('checkBuilderConfig', () => {
  const production = { asar: true, electronFuses: { ...checks.REQUIRED_FUSES }, protocols: [{ name: 'Tel', schemes: ['tel'] }] };
  const testBuild = { ...production, electronFuses: { ...checks.TEST_BUILD_FUSES } };

  it('passes the required fuses', () => {
    expect(checks.checkBuilderConfig(production, testBuild).failures).toEqual([]);
  });

  it.each(Object.keys(checks.REQUIRED_FUSES))('fails when %s is missing or flipped', (fuse) => {
    const missing = { ...production, electronFuses: { ...production.electronFuses } as Record<string, boolean> };
    delete missing.electronFuses[fuse];
    expect(messages(checks.checkBuilderConfig(missing, testBuild))).toContain(`electronFuses.${fuse} is not set explicitly`);
    const flipped = { ...production, electronFuses: { ...production.electronFuses, [fuse]: !checks.REQUIRED_FUSES[fuse] } };
    expect(messages(checks.checkBuilderConfig(flipped, testBuild))).toContain(`electronFuses.${fuse} is`);
  });

  it('requires the inspect fuse on in the test build only', () => {
    expect(messages(checks.checkBuilderConfig(production, production))).toMatch(/electron-builder|enableNodeCliInspectArguments/);
    const bothOn = { ...production, electronFuses: { ...checks.TEST_BUILD_FUSES } };
    expect(messages(checks.checkBuilderConfig(bothOn, testBuild))).toContain('enableNodeCliInspectArguments is true (want false)');
  });

  it('fails on a registered switchboard scheme, asar off or a committed secret', () => {
    expect(messages(checks.checkBuilderConfig({ ...production, protocols: [{ name: 'x', schemes: ['switchboard'] }] }, testBuild))).toMatch(/internal 'switchboard' scheme/);
    expect(messages(checks.checkBuilderConfig({ ...production, asar: false }, testBuild))).toMatch(/asar is off/);
    expect(messages(checks.checkBuilderConfig({ ...production, win: { cscKeyPassword: 'hunter2' } }, testBuild))).toMatch(/win\.cscKeyPassword is committed/);
  });
});

describe('Electronegativity triage', () => {
  const allowlist = [{ id: 'SANDBOX_JS_CHECK', file: /^main\/windows\//, reason: 'test', requires: 'webPreferences' }];

  it('fails HIGH/MEDIUM, keeps LOW as information', () => {
    const r = triage(
      [
        { id: 'X', severity: 'HIGH', file: 'main/a.ts' },
        { id: 'Y', severity: 'MEDIUM', file: 'main/a.ts' },
        { id: 'Z', severity: 'LOW', file: 'main/a.ts' },
      ],
      [],
      {},
    );
    expect([r.failing.length, r.info.length]).toEqual([2, 1]);
  });

  it('allows a listed finding only while the check it relies on passes', () => {
    const issue = { id: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', file: 'main/windows/ui-window.ts' };
    expect(triage([issue], allowlist, { webPreferences: true }).allowed).toHaveLength(1);
    expect(triage([issue], allowlist, { webPreferences: false }).failing).toHaveLength(1);
    expect(triage([{ ...issue, file: 'main/other.ts' }], allowlist, { webPreferences: true }).failing).toHaveLength(1);
  });
});

describe('the CLI on a fixture tree', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sb-security-'));
    for (const s of SECURE_MAIN) {
      mkdirSync(path.join(dir, path.dirname(s.path)), { recursive: true });
      writeFileSync(path.join(dir, s.path), s.text);
    }
    cpSync(path.join(ROOT, 'electron-builder.yml'), path.join(dir, 'electron-builder.yml'));
    cpSync(path.join(ROOT, 'electron-builder.test.yml'), path.join(dir, 'electron-builder.test.yml'));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', version: '0.0.0' }));
    // The page's meta CSP (Electronegativity's global CSP check looks for one).
    mkdirSync(path.join(dir, 'renderer/ui'), { recursive: true });
    writeFileSync(
      path.join(dir, 'renderer/ui/index.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"><script type="module" src="./main.js"></script></head><body></body></html>`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (): { status: number | null; out: string } => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-security.mjs'), '--root', dir], { encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  };

  it('passes the secure fixture (allowlisting only what our checks cover)', () => {
    const { status, out } = run();
    expect(out).toContain('check:security passed');
    expect(status).toBe(0);
  }, 60_000);

  it('fails, through Electronegativity and our checks, on an insecure window', () => {
    writeFileSync(
      path.join(dir, 'main/windows/insecure.ts'),
      `import { BrowserWindow } from 'electron';
export const w = () => new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true, webviewTag: false } });`,
    );
    const { status, out } = run();
    expect(status).toBe(1);
    expect(out).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(out).toMatch(/SANDBOX_JS_CHECK +│ main\/windows\/insecure\.ts/);
    expect(out).toMatch(/webPreferences\.contextIsolation is false/);
    expect(out).toContain('check:security FAILED');
  }, 60_000);
});
