import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppProtocolHandler, resolveAppFile } from '../../../main/security/app-protocol';
import { isAppUrlFor, pageUrl } from '../../../main/security/app-scheme';
import { contentSecurityPolicy } from '../../../main/security/content-security-policy';
import { memoryLogger } from '../support/memory-logger';

const root = mkdtempSync(join(tmpdir(), 'sb-renderer-'));
mkdirSync(join(root, 'ui'));
mkdirSync(join(root, 'engine'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'ui', 'index.html'), '<html>ui</html>');
writeFileSync(join(root, 'engine', 'index.html'), '<html>engine</html>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(root, 'secret.txt'), 'do not serve');

describe('app scheme', () => {
  it('maps pages and shared assets into the built renderer', () => {
    expect(resolveAppFile(root, 'switchboard://ui/index.html')).toEqual({ role: 'ui', path: join(root, 'ui', 'index.html') });
    expect(resolveAppFile(root, 'switchboard://ui/')).toEqual({ role: 'ui', path: join(root, 'ui', 'index.html') });
    expect(resolveAppFile(root, 'switchboard://engine/assets/app.js')).toEqual({ role: 'engine', path: join(root, 'assets', 'app.js') });
  });

  it.each([
    'switchboard://ui/../secret.txt',
    'switchboard://ui/%2e%2e/secret.txt',
    'switchboard://ui/..%2fsecret.txt',
    'switchboard://ui/assets/..%2F..%2Fsecret.txt',
    'switchboard://ui/%2e%2e%5csecret.txt',
    'switchboard://ui/index.html%00.png',
    'switchboard://ui/%E0%A4%A',
    'switchboard://evil/index.html',
    'https://ui/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    const file = resolveAppFile(root, url);
    if (file) expect(file.path.startsWith(join(root, 'ui')) || file.path.startsWith(join(root, 'assets'))).toBe(true);
    else expect(file).toBeNull();
  });

  it('never resolves outside the renderer folders, whatever the dots', () => {
    for (const url of ['switchboard://ui/../../../../etc/passwd', 'switchboard://ui/assets/../../secret.txt']) {
      const file = resolveAppFile(root, url);
      // URL parsing folds the dots first; whatever remains stays in the page folder.
      expect(file === null || file.path.startsWith(join(root, 'ui') + '/')).toBe(true);
      expect(file === null || file.path !== join(root, 'secret.txt')).toBe(true);
    }
  });

  it('serves files with the CSP of their page, and 404 for everything else', async () => {
    const { log, records } = memoryLogger();
    const handler = createAppProtocolHandler(root, log);
    const page = await handler(new Request('switchboard://ui/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<html>ui</html>');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy('ui'));
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await handler(new Request('switchboard://ui/missing.js'))).status).toBe(404);
    expect((await handler(new Request('switchboard://evil/index.html'))).status).toBe(404);
    expect((await handler(new Request('switchboard://ui/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
    expect(records.some((r) => r.message.includes('refused'))).toBe(true);
  });

  it('recognises its own page URLs per role', () => {
    expect(isAppUrlFor('ui', pageUrl('ui'))).toBe(true);
    expect(isAppUrlFor('engine', pageUrl('ui'))).toBe(false);
    expect(isAppUrlFor('ui', 'http://ui/index.html')).toBe(false);
    expect(isAppUrlFor('ui', '::')).toBe(false);
  });

  it('has a CSP without inline or eval script, and nothing remote', () => {
    for (const role of ['ui', 'engine'] as const) {
      const csp = contentSecurityPolicy(role);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
    }
  });
});
