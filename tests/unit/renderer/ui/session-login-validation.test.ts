import { loginRequestSchema, type RememberedLogin } from '../../../../common/contract/agent-session';
import {
  canUseSavedPassword,
  formFromSession,
  isValidDn,
  normaliseDn,
  validateLoginForm,
  type LoginFormValues,
} from '../../../../renderer/ui/features/session/login-validation';

const remembered: RememberedLogin = { username: 'mina', dn: '+8225551234', teamId: 'sales', passwordSaved: true };

const values = (patch: Partial<LoginFormValues> = {}): LoginFormValues => ({
  profileKind: 'builtin-lab',
  agentApiUrl: '',
  username: 'mina',
  dn: '1-800-555-1212',
  teamId: 'sales',
  remember: false,
  ...patch,
});

describe('DN normalisation (PRODUCT S1: US or other formats)', () => {
  it.each([
    ['1-800-555-1212', '18005551212'],
    ['(02) 555.1234', '025551234'],
    ['+82 10 1234 5678', '+821012345678'],
    ['  1001 ', '1001'],
    ['+1 (800) 555-1212', '+18005551212'],
    ['\t555\u00a01212', '5551212'],
  ])('%j → %j, which is valid', (typed, normal) => {
    expect(normaliseDn(typed)).toBe(normal);
    expect(isValidDn(typed)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['5', 'one digit'],
    ['1-800-FLOWERS', 'letters'],
    ['12+34', 'a + inside'],
    ['++1234', 'two +'],
    ['123456789012345678901', '21 digits'],
    ['12/34', 'a slash'],
    ['12_34', 'an underscore'],
  ])('%j is refused (%s)', (typed) => {
    expect(isValidDn(typed)).toBe(false);
  });

  it('keeps 20 digits and a leading +', () => {
    expect(isValidDn('+12345678901234567890')).toBe(true);
  });
});

describe('validateLoginForm', () => {
  it('builds the login request with the normalised DN and the typed password', () => {
    const result = validateLoginForm(values({ remember: true }), 'pw secret', null);
    expect(result).toEqual({
      ok: true,
      profile: { kind: 'builtin-lab' },
      login: { username: 'mina', password: 'pw secret', dn: '18005551212', teamId: 'sales', remember: true },
    });
    if (result.ok) expect(loginRequestSchema.safeParse(result.login).success).toBe(true);
  });

  it('omits the password when it is empty and one is saved for this username', () => {
    const result = validateLoginForm(values(), '', remembered);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.login)).not.toContain('password');
  });

  it('asks for a password when the saved one belongs to another username, or none is saved', () => {
    expect(validateLoginForm(values({ username: 'jun' }), '', remembered)).toEqual({ ok: false, errors: { password: 'passwordRequired' } });
    expect(validateLoginForm(values(), '', { ...remembered, passwordSaved: false })).toEqual({ ok: false, errors: { password: 'passwordRequired' } });
    expect(validateLoginForm(values(), '', null)).toEqual({ ok: false, errors: { password: 'passwordRequired' } });
    expect(canUseSavedPassword(values({ username: ' mina ' }), remembered)).toBe(true);
  });

  it('reports every field at once', () => {
    const result = validateLoginForm(values({ username: '', dn: '12ab', teamId: '' }), 'x'.repeat(257), null);
    expect(result).toEqual({
      ok: false,
      errors: { username: 'usernameRequired', password: 'passwordTooLong', dn: 'dnInvalid', teamId: 'teamRequired' },
    });
    expect(validateLoginForm(values({ dn: ' - ' }), 'pw', null)).toEqual({ ok: false, errors: { dn: 'dnRequired' } });
  });

  it('refuses ids the agent API would refuse', () => {
    expect(validateLoginForm(values({ username: '__proto__' }), 'pw', null)).toEqual({ ok: false, errors: { username: 'usernameInvalid' } });
    expect(validateLoginForm(values({ teamId: 'sales team' }), 'pw', null)).toEqual({ ok: false, errors: { teamId: 'teamInvalid' } });
    expect(validateLoginForm(values({ username: 'a'.repeat(65) }), 'pw', null)).toEqual({ ok: false, errors: { username: 'usernameInvalid' } });
  });

  it('checks the agent API URL only for a server profile: ws:// or wss:// with a host', () => {
    expect(validateLoginForm(values({ agentApiUrl: 'nonsense' }), 'pw', null).ok).toBe(true);
    const server = (agentApiUrl: string) => validateLoginForm(values({ profileKind: 'server', agentApiUrl }), 'pw', null);
    expect(server('')).toEqual({ ok: false, errors: { agentApiUrl: 'urlRequired' } });
    for (const bad of ['https://cc.example.com/agent', 'cc.example.com', 'wss://', 'wss://exa mple.com', 'ws:///agent']) {
      expect([bad, server(bad)]).toEqual([bad, { ok: false, errors: { agentApiUrl: 'urlInvalid' } }]);
    }
    expect(server(' wss://cc.example.com/agent ')).toMatchObject({ ok: true, profile: { kind: 'server', agentApiUrl: 'wss://cc.example.com/agent' } });
    expect(server('ws://127.0.0.1:7070/agent')).toMatchObject({ ok: true });
  });
});

describe('formFromSession', () => {
  it('prefills the remembered login, "remember me" on when a password is saved', () => {
    expect(formFromSession({ kind: 'server', agentApiUrl: 'wss://cc.example.com/agent' }, remembered)).toEqual({
      profileKind: 'server',
      agentApiUrl: 'wss://cc.example.com/agent',
      username: 'mina',
      dn: '+8225551234',
      teamId: 'sales',
      remember: true,
    });
  });

  it('starts empty on the built-in lab', () => {
    expect(formFromSession({ kind: 'builtin-lab' }, null)).toEqual({
      profileKind: 'builtin-lab',
      agentApiUrl: '',
      username: '',
      dn: '',
      teamId: '',
      remember: false,
    });
  });
});
