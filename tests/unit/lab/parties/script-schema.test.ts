import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PartyScript, Scenario, needsRegistration, parseScenario } from '../../../../lab/parties/script-schema';

const SCRIPTS = path.join(__dirname, '../../../../lab/scenarios/scripts');

describe('party script schema', () => {
  it('accepts every step kind', () => {
    const script = PartyScript.parse({
      party: { user: 'customer-1', toneHz: [440, 880], codecs: ['PCMA'] },
      steps: [
        { action: 'call', target: 'sales', headers: ['X-Customer-Id: 1'] },
        { action: 'wait', ms: 100 },
        { action: 'abandon-after', ms: 20_000 },
        { action: 'wait-connected', timeoutMs: 1_000 },
        { action: 'answer' },
        { action: 'answer-after', ms: 3_000, timeoutMs: 60_000 },
        { action: 'decline', status: 603 },
        { action: 'hangup-after', ms: 30_000 },
        { action: 'hangup' },
        { action: 'wait-end', timeoutMs: 1_000 },
        { action: 'expect-tone', hz: 1_000, timeoutMs: 5_000 },
        { action: 'accept-refer' },
        { action: 'hold' },
        { action: 'resume' },
        { action: 'dtmf', digits: '12#' },
      ],
    });
    expect(script.steps).toHaveLength(15);
  });

  it.each([
    ['an unknown action', { action: 'teleport' }],
    ['a negative wait', { action: 'wait', ms: -1 }],
    ['a fractional wait', { action: 'wait', ms: 1.5 }],
    ['an unknown field (typo)', { action: 'wait', ms: 1, msec: 2 }],
    ['a tone above the 8 kHz band', { action: 'expect-tone', hz: 5_000 }],
    ['a target with a space', { action: 'call', target: 'sales queue' }],
    ['a header with a line break', { action: 'call', target: 'sales', headers: ['X-A: 1\r\nX-B: 2'] }],
    ['a success status for decline', { action: 'decline', status: 200 }],
    ['bad DTMF', { action: 'dtmf', digits: '12x' }],
  ])('rejects %s', (_name, step) => {
    expect(PartyScript.safeParse({ party: { user: 'u1' }, steps: [step] }).success).toBe(false);
  });

  it('rejects a bad user and an empty script', () => {
    expect(PartyScript.safeParse({ party: { user: 'a b' }, steps: [{ action: 'hangup' }] }).success).toBe(false);
    expect(PartyScript.safeParse({ party: { user: 'ok' }, steps: [] }).success).toBe(false);
  });

  it('registers parties that take calls, unless told', () => {
    const answers = PartyScript.parse({ party: { user: 'x' }, steps: [{ action: 'answer' }] });
    const calls = PartyScript.parse({ party: { user: 'y' }, steps: [{ action: 'call', target: 'sales' }] });
    const forced = PartyScript.parse({ party: { user: 'z', register: true }, steps: [{ action: 'call', target: 'sales' }] });
    expect([needsRegistration(answers), needsRegistration(calls), needsRegistration(forced)]).toEqual([true, false, true]);
  });
});

describe('scenario files', () => {
  const files = readdirSync(SCRIPTS).filter((f) => f.endsWith('.json'));

  it('are all valid', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(() => parseScenario(readFileSync(path.join(SCRIPTS, file), 'utf8'))).not.toThrow();
  });

  it('three-calls-to-sales: three customers, one abandoning after 20 s', () => {
    const scenario = parseScenario(readFileSync(path.join(SCRIPTS, 'three-calls-to-sales.json'), 'utf8'));
    expect(scenario.parties.map((p) => p.startAtMs)).toEqual([0, 2_000, 4_000]);
    const abandons = scenario.parties.flatMap((p) => p.steps).filter((s) => s.action === 'abandon-after');
    expect(abandons).toEqual([{ action: 'abandon-after', ms: 20_000 }]);
  });

  it('default start offsets to 0 and refuse duplicate users', () => {
    const one = { party: { user: 'a' }, steps: [{ action: 'hangup' }] };
    expect(Scenario.parse({ name: 'n', parties: [one] }).parties[0]?.startAtMs).toBe(0);
    expect(Scenario.safeParse({ name: 'n', parties: [one, one] }).success).toBe(false);
  });

  it('name the path of what is wrong, and refuse non-JSON', () => {
    expect(() => parseScenario('{"name":"n","parties":[{"party":{"user":"a"},"steps":[{"action":"wait","ms":"soon"}]}]}')).toThrow(
      /parties\[0\]\.steps\[0\]\.ms/,
    );
    expect(() => parseScenario('not json')).toThrow(/not JSON/);
  });
});
