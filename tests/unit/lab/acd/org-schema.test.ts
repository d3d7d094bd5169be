import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoOrg } from '../../../../lab/acd/demo-org';
import { checkDialPlan } from '../../../../lab/acd/dial-plan';
import { DEMO_ORG_PATH, loadOrgFile } from '../../../../lab/acd/org-load';
import { parseOrg } from '../../../../lab/acd/org-schema';
import { testOrgJson } from './harness';

/** Test configs are edited freely, as an admin would edit the JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function errorsFor(patch: (json: Json) => void): string[] {
  const json = testOrgJson() as Json;
  patch(json);
  const result = parseOrg(json);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.errors;
}

describe('organisation schema', () => {
  it('accepts the shipped demo organisation, with several queues, teams and multilingual agents', () => {
    const loaded = loadOrgFile(DEMO_ORG_PATH);
    expect(loaded.ok).toBe(true);
    const org = demoOrg();
    expect(org.queues.map((q) => q.name)).toEqual(expect.arrayContaining(['Sales', 'Support', 'Billing']));
    expect(org.teams.length).toBeGreaterThanOrEqual(2);
    expect(org.agents.length).toBeGreaterThanOrEqual(6);
    expect(org.agents.some((a) => /[가-힣]/.test(a.displayName))).toBe(true);
    expect(org.agents.some((a) => /^[A-Za-z ]+$/.test(a.displayName))).toBe(true);
    // Every agent can log in with a phone of their own.
    expect(org.phones.length).toBeGreaterThanOrEqual(org.agents.length);
    expect(org.timers.ronaSeconds).toBeGreaterThan(0);
  });

  it('fills defaults', () => {
    const result = parseOrg(testOrgJson());
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.org.agents[0]?.locked).toBe(false);
    expect(result.org.queues[0]?.description).toBe('');
    expect(result.org.lastAgentRoutingDefault).toBe(true);
  });

  it.each([
    ['an agent team that does not exist', (j: Json) => (j.agents[1].teams = ['nope']), 'agents[1].teams[0]: unknown team "nope"'],
    ['a queue team that does not exist', (j: Json) => (j.queues[0].teams = ['x']), 'queues[0].teams[0]: unknown team "x"'],
    ['a duplicate DN', (j: Json) => j.phones.push({ dn: '1001', sipPassword: 'abcd' }), 'phones[6]: duplicate DN "1001"'],
    ['a duplicate username', (j: Json) => j.agents.push({ ...j.agents[0] }), 'agents[8]: duplicate username "a1"'],
    ['a queue number that is a DN', (j: Json) => (j.queues[0].number = '1001'), 'queues[0].number: queue number "1001" is also a phone DN'],
    ['a default wrap-up code not in the list', (j: Json) => (j.defaultWrapUpCode = 'gone'), 'defaultWrapUpCode: "gone" is not one of wrapUpCodes'],
    ['a default idle reason not in the list', (j: Json) => (j.defaultIdleReason = 'gone'), 'defaultIdleReason: "gone" is not one of idleReasons'],
    ['a broken dial-plan regex', (j: Json) => (j.outdial.dialPlan.pattern = '(['), 'outdial.dialPlan.pattern: must be a valid regular expression'],
    ['min length above max length', (j: Json) => (j.outdial.dialPlan.minLength = 13), 'outdial.dialPlan.minLength: must not exceed maxLength'],
    ['an agent without teams', (j: Json) => (j.agents[0].teams = []), 'agents[0].teams: an agent needs at least one team'],
    ['a bad queue number', (j: Json) => (j.queues[0].number = 'sales'), 'queues[0].number: must be 2–15 digits'],
  ])('rejects %s with a clear message', (_name, patch, message) => {
    expect(errorsFor(patch)).toContain(message);
  });

  it('rejects unknown keys and missing sections', () => {
    expect(errorsFor((j) => (j.agents[0].colour = 'red')).join('\n')).toMatch(/agents\[0\].*colour/);
    expect(errorsFor((j) => delete j.timers).join('\n')).toMatch(/^timers: /m);
    expect(parseOrg('not an object').ok).toBe(false);
  });

  it('reports unreadable files and bad JSON instead of throwing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acd-org-'));
    try {
      const bad = path.join(dir, 'bad.json');
      writeFileSync(bad, '{ nope');
      const notJson = loadOrgFile(bad);
      expect(notJson.ok).toBe(false);
      if (!notJson.ok) expect(notJson.errors[0]).toMatch(/not JSON/);
      const missing = loadOrgFile(path.join(dir, 'missing.json'));
      expect(missing.ok).toBe(false);
      if (!missing.ok) expect(missing.errors[0]).toMatch(/cannot read \(ENOENT\)/);
      const wrong = path.join(dir, 'wrong.json');
      writeFileSync(wrong, JSON.stringify({ ...testOrgJson(), domain: 'Not A Domain' }));
      const invalid = loadOrgFile(wrong);
      expect(invalid.ok).toBe(false);
      if (!invalid.ok) expect(invalid.errors[0]).toBe(`${wrong}: domain: must be a plain DNS name`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dial plan', () => {
  const plan = { allowedPrefixes: ['555', '+1555', '010'], minLength: 4, maxLength: 12, pattern: '^[^9]' };

  it('accepts allowed numbers after removing punctuation', () => {
    expect(checkDialPlan(plan, '555-0100')).toEqual({ ok: true, number: '5550100' });
    expect(checkDialPlan(plan, '+1 (555) 0142')).toEqual({ ok: true, number: '+15550142' });
    expect(checkDialPlan(plan, '010 5550 1234')).toEqual({ ok: true, number: '01055501234' });
  });

  it.each([
    ['1900555', 'prefix not allowed by the dial plan'],
    ['555', 'shorter than 4 digits'],
    ['5551234567890', 'longer than 12 digits'],
    ['555abc', 'not a phone number'],
    ['', 'not a phone number'],
  ])('refuses %s (%s)', (number, reason) => {
    expect(checkDialPlan(plan, number)).toEqual({ ok: false, reason });
  });

  it('applies the optional pattern', () => {
    expect(checkDialPlan({ ...plan, allowedPrefixes: [''], pattern: '^555' }, '01012345')).toEqual({
      ok: false,
      reason: 'refused by the dial-plan pattern',
    });
  });
});
