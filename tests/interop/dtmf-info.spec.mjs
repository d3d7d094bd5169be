import { expect, test } from '@playwright/test';
import { startBaresip } from './support/baresip.mjs';
import { startInterop } from './support/sip-lab.mjs';
import { launchSwitchboard, registerAs } from './support/switchboard.mjs';

let lab;
let sb;
let callee;
test.beforeAll(async () => {
  lab = await startInterop();
});
test.afterAll(async () => lab?.stop());
test.afterEach(async () => {
  await callee?.stop();
  await sb?.close();
});

test('DTMF as SIP INFO when the account asks for it', async () => {
  sb = await launchSwitchboard();
  await registerAs(sb, lab, 'alice', { dtmfMode: 'info' });
  callee = await startBaresip(lab, { user: 'carol', autoAnswer: true });
  const mark = callee.mark();
  await sb.line({ kind: 'dial', target: lab.user('carol').aor });
  await callee.waitEvent('CALL_ESTABLISHED', { since: mark });
  await sb.line({ kind: 'dtmf', line: 'line1', digits: '5#' });
  await expect.poll(() => callee.dtmfReceived()).toBe('5#');
  // baresip reports the INFO's Duration (160 ms), which RFC 4733 events do not carry as such.
  expect(callee.proc.text).toMatch(/received DTMF: '5' \(duration=160\)/);
});
