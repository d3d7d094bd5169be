import { MAX_DTMF_DIGITS, checkDtmfDigits, normalizeTarget } from '../../../../common/softphone';

describe('normalizeTarget', () => {
  it.each([
    ['+1 (555) 010-0199', '+15550100199'],
    ['555.0100', '5550100'],
    ['*72#', '*72#'],
    [' 1001 ', '1001'],
    ['sip:agent2@lab.switchboard.test', 'sip:agent2@lab.switchboard.test'],
    ['SIPS:Agent2@lab.example:5061;transport=ws', 'sips:Agent2@lab.example:5061;transport=ws'],
    ['sip:+15550100@[2001:db8::1]', 'sip:+15550100@[2001:db8::1]'],
    ['agent7@example.com', 'sip:agent7@example.com'],
  ])('accepts %j as %j', (raw, normalized) => {
    expect(normalizeTarget(raw)).toBe(normalized);
  });

  it.each([
    '',
    '   ',
    'sales',
    'sip:example.com',
    'sip:bad target@host',
    'sip:a@b>;evil',
    '<sip:a@b>',
    'sip:"a"@b',
    'tel:+15550100',
    '+1 555 abc',
    '++15550100',
    '1'.repeat(33),
    `sip:${'a'.repeat(300)}@b.example`,
    42,
    null,
  ])('refuses %j', (raw) => {
    expect(normalizeTarget(raw)).toBeNull();
  });
});

describe('checkDtmfDigits', () => {
  it('accepts RFC 4733 keys and upper-cases A–D', () => {
    expect(checkDtmfDigits('0123456789*#ABCDabcd')).toEqual({ ok: true, digits: '0123456789*#ABCDABCD' });
  });

  it.each(['', 'E', '1 2', '1-2', '١'])('refuses %j as invalid', (raw) => {
    expect(checkDtmfDigits(raw)).toEqual({ ok: false, reason: 'invalid-digits' });
  });

  it('caps the burst length', () => {
    expect(checkDtmfDigits('9'.repeat(MAX_DTMF_DIGITS)).ok).toBe(true);
    expect(checkDtmfDigits('9'.repeat(MAX_DTMF_DIGITS + 1))).toEqual({ ok: false, reason: 'too-many-digits' });
  });
});
