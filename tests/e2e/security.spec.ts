import { expect, isStandin, launchSwitchboard, test, type RunningSwitchboard } from './support/app';

let sb: RunningSwitchboard;
test.afterEach(async () => sb?.close());

const windowCount = (sb: RunningSwitchboard) => sb.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);

test('window.open is denied; http(s) links go to the OS browser, others nowhere', async () => {
  sb = await launchSwitchboard();
  const before = await windowCount(sb);
  const opened = await sb.ui.evaluate(() => [
    window.open('https://example.com/docs', '_blank'),
    window.open('file:///etc/passwd'),
    window.open('switchboard://ui/index.html'),
  ].map((w) => w === null));
  expect(opened).toEqual([true, true, true]);
  expect(await windowCount(sb)).toBe(before);
  if (isStandin) {
    await expect
      .poll(() =>
        sb.app.evaluate((electron) =>
          (electron as unknown as { __standin: { openedExternal: { url: string }[] } }).__standin.openedExternal.map((o) => o.url),
        ),
      )
      .toEqual(['https://example.com/docs']);
  }
});

test('navigation away from the app is refused', async () => {
  sb = await launchSwitchboard();
  const { ui } = sb;
  await ui.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  // The refusal is logged by main; the app page keeps running and answering.
  await expect.poll(() => ui.evaluate(() => window.switchboard.app.ping({ nonce: 'after-nav' }).then((r) => r.ok))).toBe(true);
  expect(new URL(await sb.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()).find((u) => u.includes('//ui/')) ?? '')).host).toBe('ui');
});

// eval is not asserted here: code evaluated through DevTools is exempt from
// CSP in Chromium; the header's content is unit-tested instead.
test('the CSP blocks inline script, inline handlers and remote loads', async () => {
  sb = await launchSwitchboard();
  const result = await sb.ui.evaluate(async () => {
    const marker = window as unknown as { __inline?: boolean; __handler?: boolean; __violations: string[] };
    marker.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => marker.__violations.push(e.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.body.appendChild(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__handler = true');
    document.body.appendChild(button);
    button.click();
    button.remove();
    const remote = await fetch('https://example.com/').then(() => 'loaded', () => 'blocked');
    return { inline: marker.__inline === true, handler: marker.__handler === true, remote };
  });
  expect(result).toEqual({ inline: false, handler: false, remote: 'blocked' });
  // Violation reports are queued as tasks; wait for them to be delivered.
  await expect
    .poll(() => sb.ui.evaluate(() => [...new Set((window as unknown as { __violations: string[] }).__violations)].sort()))
    .toEqual(['connect-src', 'script-src-attr', 'script-src-elem']);
});

test('the UI may not capture the microphone; the engine may', async () => {
  sb = await launchSwitchboard();
  const capture = () =>
    navigator.mediaDevices.getUserMedia({ audio: true }).then(
      (s) => (s.getTracks().forEach((t) => t.stop()), 'granted'),
      (e: Error) => e.name,
    );
  expect(await sb.ui.evaluate(capture)).toBe('NotAllowedError');
  const engine = await sb.engine();
  expect(await engine.evaluate(capture)).toBe('granted');
});
