import { sipAccountSchema, type SipAccount } from '../../../../common/contract/softphone';
import { createI18n } from '../../../../renderer/ui/app/i18n';
import {
  accountCandidate,
  fieldErrorsFromIssues,
  formFromAccount,
  iceLines,
  validateSipForm,
  type SipFormValues,
} from '../../../../renderer/ui/features/softphone/account-form';
import { registrationText } from '../../../../renderer/ui/features/softphone/registration-text';

const saved: SipAccount = {
  server: 'wss://pbx.example.com:8089/ws',
  aor: 'sip:1001@pbx.example.com',
  authUser: 'agent1001',
  displayName: 'Agent 1001',
  iceServers: [
    { urls: 'stun:stun.example.com:3478' },
    { urls: ['turn:turn.example.com:3478'], username: 'u', credential: 'c' },
  ],
  codecs: ['PCMA', 'opus'],
  dtmfMode: 'info',
  audioProcessing: true,
};

const valid = (): SipFormValues => ({
  ...formFromAccount(null),
  server: 'ws://127.0.0.1:5066',
  aor: 'sip:1001@lab.local',
});

describe('form ⇄ account', () => {
  it('starts empty with the schema default codecs and RFC 4733', () => {
    const form = formFromAccount(null);
    expect(form).toMatchObject({ server: '', aor: '', iceServers: '', dtmfMode: 'rfc4733' });
    expect(form.codecs).toEqual([
      { codec: 'opus', enabled: true },
      { codec: 'PCMU', enabled: true },
      { codec: 'PCMA', enabled: true },
      { codec: 'G722', enabled: false },
    ]);
  });

  it('pre-fills from a saved account: chosen codecs first, ICE URLs one per line', () => {
    const form = formFromAccount(saved);
    expect(form.codecs.map((c) => `${c.codec}:${c.enabled}`)).toEqual([
      'PCMA:true',
      'opus:true',
      'PCMU:false',
      'G722:false',
    ]);
    expect(form.iceServers).toBe('stun:stun.example.com:3478\nturn:turn.example.com:3478');
  });

  it('round-trips a saved account, keeping TURN credentials of URLs still listed', () => {
    const result = validateSipForm(formFromAccount(saved), '', saved);
    expect(result).toEqual({
      ok: true,
      account: {
        ...saved,
        iceServers: [
          { urls: 'stun:stun.example.com:3478' },
          { urls: 'turn:turn.example.com:3478', username: 'u', credential: 'c' },
        ],
      },
    });
    expect(sipAccountSchema.safeParse((result as { account: unknown }).account).success).toBe(true);
  });

  it('reads ICE lines skipping blanks but keeping their line numbers', () => {
    expect(iceLines(' stun:a:1 \n\n  \nturn:b:2\r\n')).toEqual([
      { url: 'stun:a:1', line: 1 },
      { url: 'turn:b:2', line: 4 },
    ]);
    expect(accountCandidate({ ...valid(), iceServers: '\nstun:a:1\n' })).toMatchObject({
      iceServers: [{ urls: 'stun:a:1' }],
    });
  });

  it('offers the enabled codecs in list order', () => {
    const form = valid();
    form.codecs = [
      { codec: 'G722', enabled: true },
      { codec: 'opus', enabled: false },
      { codec: 'PCMU', enabled: true },
      { codec: 'PCMA', enabled: false },
    ];
    expect(accountCandidate(form)).toMatchObject({ codecs: ['G722', 'PCMU'] });
  });
});

describe('validateSipForm', () => {
  it('accepts a minimal lab account and returns the password only when typed', () => {
    expect(validateSipForm(valid(), '')).toEqual({ ok: true, account: expect.objectContaining({ aor: 'sip:1001@lab.local' }) });
    expect(validateSipForm(valid(), '')).not.toHaveProperty('password');
    expect(validateSipForm(valid(), 'pw')).toMatchObject({ ok: true, password: 'pw' });
  });

  it('reports each bad field with a localizable key', () => {
    const form: SipFormValues = {
      ...valid(),
      server: 'https://pbx.example.com',
      aor: '1001@pbx',
      displayName: 'x'.repeat(129),
      iceServers: 'stun:ok:1\n\nhttp://nope',
      codecs: valid().codecs.map((c) => ({ ...c, enabled: false })),
    };
    const result = validateSipForm(form, 'p'.repeat(257));
    expect(result).toEqual({
      ok: false,
      errors: {
        server: { key: 'serverUrl' },
        aor: { key: 'aorUri' },
        displayName: { key: 'tooLong', max: 128 },
        iceServers: { key: 'iceUrl', line: 3 },
        codecs: { key: 'codecsRequired' },
        password: { key: 'tooLong', max: 256 },
      },
    });
  });

  it('says "required" for empty required fields', () => {
    const result = validateSipForm({ ...valid(), server: '  ', aor: '' }, '');
    expect(result).toEqual({ ok: false, errors: { server: { key: 'required' }, aor: { key: 'required' } } });
  });

  it('limits the number of ICE servers', () => {
    const many = Array.from({ length: 9 }, (_, i) => `stun:s${i}.example.com`).join('\n');
    expect(validateSipForm({ ...valid(), iceServers: many }, '')).toEqual({
      ok: false,
      errors: { iceServers: { key: 'tooManyIceServers', max: 8 } },
    });
  });
});

describe('fieldErrorsFromIssues', () => {
  it('maps issue paths to fields, first issue per field wins, unknown paths ignored', () => {
    const values = { ...valid(), iceServers: 'stun:a\nbad' };
    expect(
      fieldErrorsFromIssues(
        [
          { code: 'invalid_format', path: ['server'] },
          { code: 'too_big', path: ['server'], maximum: 512 },
          { code: 'invalid_union', path: ['iceServers', 1, 'urls'] },
          { code: 'invalid_value', path: ['dtmfMode'] },
          { code: 'too_small', path: ['codecs'] },
          { code: 'invalid_value', path: ['codecs', 0] },
          { code: 'too_big', path: ['authUser'], maximum: 128 },
          { code: 'unrecognized_keys', path: [] },
          { code: 'custom', path: ['somethingElse'] },
        ],
        values,
      ),
    ).toEqual({
      server: { key: 'serverUrl' },
      iceServers: { key: 'iceUrl', line: 2 },
      dtmfMode: { key: 'invalid' },
      codecs: { key: 'codecsRequired' },
      authUser: { key: 'tooLong', max: 128 },
    });
  });

  it('maps the real zod issues of the contract schema', () => {
    const values = { ...valid(), aor: 'sip:no-domain' };
    const parsed = sipAccountSchema.safeParse(accountCandidate(values));
    expect(parsed.success).toBe(false);
    expect(fieldErrorsFromIssues(parsed.error!.issues, values)).toEqual({ aor: { key: 'aorUri' } });
  });
});

describe('registrationText', () => {
  const en = createI18n('en').t;
  const ko = createI18n('ko').t;

  it('adds the SIP code and "retrying" where they apply', () => {
    expect(registrationText(en, { status: 'registered', code: 200, retryAt: null })).toBe('Phone ready');
    expect(registrationText(en, { status: 'auth-failed', code: 401, retryAt: null })).toBe(
      'Wrong SIP user name or password (401)',
    );
    expect(registrationText(en, { status: 'server-error', code: 503, retryAt: 5 })).toBe(
      'SIP server error (503) — retrying',
    );
    expect(registrationText(en, { status: 'unreachable', code: null, retryAt: 5 })).toBe(
      'SIP server unreachable — retrying',
    );
    expect(registrationText(en, { status: 'reconnecting', code: null, retryAt: 5 })).toBe('Reconnecting…');
    expect(registrationText(ko, { status: 'unconfigured', code: null, retryAt: null })).toBe('전화가 설정되지 않음');
  });
});
