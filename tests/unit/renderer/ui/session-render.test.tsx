// First (through it): the components' stylesheets become empty modules under jest.
import { attr, decode, render, storeFor, tag } from './static-render';
import { LOGOUT_REASONS } from '../../../../common/agent-api/agent';
import type { AgentSessionView } from '../../../../common/contract/agent-session';
import type { Language } from '../../../../common/contract/languages';
import { LoginScreen } from '../../../../renderer/ui/features/session/components/login-screen';
import { SessionNotice } from '../../../../renderer/ui/features/session/components/session-notice';
import { agentStateChosen, loginRequested, loginSettled, sessionNoticeRaised } from '../../../../renderer/ui/features/session/slice';
import type { SessionFailure } from '../../../../renderer/ui/features/session/failure';
import { AppShell } from '../../../../renderer/ui/features/shell/components/app-shell';
import { TitleBar } from '../../../../renderer/ui/features/shell/components/title-bar';
import { INITIAL_AGENT_SESSION } from '../../../../common/contract/agent-session';
import { loggedIn } from './session-fixtures';



const LOGGED_OUT: AgentSessionView = { ...INITIAL_AGENT_SESSION, labAvailable: false };
const FIELDS = ['login-profile', 'login-username', 'login-password', 'login-dn', 'login-team', 'login-remember', 'login-submit'];

describe('login screen', () => {
  it('renders every field, labelled, with the built-in lab marked not running (en)', () => {
    const html = render(<LoginScreen />, storeFor(LOGGED_OUT));
    expect(tag(html, 'login-screen')).not.toBeNull();
    for (const id of FIELDS) expect([id, tag(html, id) !== null]).toEqual([id, true]);
    // Each input's label points at it.
    for (const id of FIELDS.filter((f) => f !== 'login-submit')) {
      const inputId = attr(tag(html, id), 'id');
      expect(html).toContain(`for="${inputId}"`);
    }
    expect(attr(tag(html, 'login-password'), 'type')).toBe('password');
    expect(attr(tag(html, 'login-lab-status'), 'data-available')).toBe('false');
    expect(html).toContain('Not running');
    expect(html).toContain('Sign in to Switchboard');
    expect(attr(tag(html, 'login-submit'), 'disabled')).toBeNull();
    expect(tag(html, 'login-error')).toBeNull();
    expect(tag(html, 'login-ended-reason')).toBeNull();
    expect(tag(html, 'login-server-url')).toBeNull();
    expect(tag(html, 'login-password-saved-hint')).toBeNull();
  });

  it('renders in Korean, with no English and no raw keys left', () => {
    const html = decode(render(<LoginScreen />, storeFor(LOGGED_OUT), 'ko'));
    for (const text of ['Switchboard 로그인', '사용자 이름', '비밀번호', '다이얼 번호(DN)', '팀', '로그인 정보 저장', '실행되지 않음', '내장 실습 환경(교육용)']) {
      expect(html).toContain(text);
    }
    for (const english of ['Username', 'Password', 'Not running', 'Sign in']) expect(html).not.toContain(english);
    expect(html).not.toMatch(/>session\./);
  });

  it('prefills the remembered login and says a saved password may be used', () => {
    const session: AgentSessionView = { ...LOGGED_OUT, labAvailable: true, remembered: { username: 'mina', dn: '+8225551234', teamId: 'sales', passwordSaved: true } };
    const html = decode(render(<LoginScreen />, storeFor(session)));
    expect(attr(tag(html, 'login-username'), 'value')).toBe('mina');
    expect(attr(tag(html, 'login-dn'), 'value')).toBe('+8225551234');
    expect(attr(tag(html, 'login-team'), 'value')).toBe('sales');
    expect(attr(tag(html, 'login-password'), 'value')).toBe('');
    expect(attr(tag(html, 'login-remember'), 'checked')).toBe('');
    expect(html).toContain('A password is saved for mina. Leave this empty to use it.');
    expect(tag(html, 'login-password-saved-hint')).not.toBeNull();
    expect(attr(tag(html, 'login-lab-status'), 'data-available')).toBe('true');
  });

  it('shows the agent API address field for a server profile', () => {
    const session: AgentSessionView = { ...LOGGED_OUT, profile: { kind: 'server', agentApiUrl: 'wss://cc.example.com/agent' } };
    const html = render(<LoginScreen />, storeFor(session));
    expect(attr(tag(html, 'login-server-url'), 'value')).toBe('wss://cc.example.com/agent');
    expect(tag(html, 'login-lab-status')).toBeNull();
  });

  it('is busy while logging in: submit disabled, "Signing in…"', () => {
    const store = storeFor({ ...LOGGED_OUT, status: 'logging-in' });
    store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: { username: 'mina', dn: '1001', teamId: 'sales', remember: false } }));
    const html = render(<LoginScreen />, store);
    expect(attr(tag(html, 'login-submit'), 'disabled')).toBe('');
    expect(html).toContain('Signing in…');
    expect(html).toContain('aria-busy="true"');
  });

  const failing = (failure: SessionFailure, session: AgentSessionView = LOGGED_OUT, language: Language = 'en') => {
    const store = storeFor(session);
    store.dispatch(loginSettled({ failure }));
    return decode(render(<LoginScreen />, store, language));
  };

  it('explains a refused login in the agent\'s language', () => {
    let html = failing({ source: 'agent-api', code: 'bad-credentials' });
    expect(attr(tag(html, 'login-error'), 'data-code')).toBe('bad-credentials');
    expect(attr(tag(html, 'login-error'), 'role')).toBe('alert');
    expect(html).toContain('The username or password is incorrect.');
    html = failing({ source: 'agent-api', code: 'forbidden' }, LOGGED_OUT, 'ko');
    expect(html).toContain('이 팀으로 로그인할 수 없습니다.');
    html = failing({ source: 'agent-api', code: 'account-locked' });
    expect(html).toContain('Your account is locked');
    html = failing({ source: 'ipc', code: 'invalid-payload' });
    expect(html).toContain('The request or its answer was not in the expected form.');
  });

  it('says the built-in lab is not running, or the server unreachable, for `internal`', () => {
    expect(failing({ source: 'agent-api', code: 'internal' })).toContain('the built-in lab is not running');
    const server: AgentSessionView = { ...LOGGED_OUT, profile: { kind: 'server', agentApiUrl: 'wss://cc.example.com/agent' } };
    expect(failing({ source: 'agent-api', code: 'internal' }, server)).toContain("Couldn't reach the contact center, or it failed.");
  });

  it.each(LOGOUT_REASONS.filter((r) => r !== 'logout'))('explains a forced logout: %s (en and ko)', (reason) => {
    const store = storeFor({ ...LOGGED_OUT, endedBecause: reason });
    for (const language of ['en', 'ko'] as const) {
      const html = render(<LoginScreen />, store, language);
      expect(attr(tag(html, 'login-ended-reason'), 'data-reason')).toBe(reason);
      expect(html).not.toMatch(/session\.ended/);
    }
    expect(render(<LoginScreen />, store, 'ko')).toContain('로그아웃되었습니다');
  });

  it('shows no banner after a logout the agent asked for', () => {
    expect(tag(render(<LoginScreen />, storeFor({ ...LOGGED_OUT, endedBecause: 'logout' })), 'login-ended-reason')).toBeNull();
  });
});

describe('shell around the session', () => {
  it('logged out: the login screen replaces contacts and interaction; navigation and settings stay', () => {
    const html = render(<AppShell />, storeFor(LOGGED_OUT));
    expect(tag(html, 'login-screen')).not.toBeNull();
    expect(tag(html, 'contact-list')).toBeNull();
    expect(tag(html, 'interaction-panel')).toBeNull();
    for (const id of ['nav-settings', 'nav-help', 'aux-panel', 'title-bar']) expect([id, tag(html, id) !== null]).toEqual([id, true]);
    expect(tag(html, 'logout-button')).toBeNull();
    expect(attr(tag(html, 'agent-state'), 'disabled')).toBe('');
  });

  it('logged in: the desktop, a live state dropdown and Log out', () => {
    const html = decode(render(<AppShell />, storeFor(loggedIn())));
    expect(tag(html, 'login-screen')).toBeNull();
    expect(tag(html, 'contact-list')).not.toBeNull();
    expect(tag(html, 'logout-button')).not.toBeNull();
    const select = tag(html, 'agent-state');
    expect(attr(select, 'data-state')).toBe('idle');
    expect(attr(select, 'disabled')).toBeNull();
    expect(html).toMatch(/<option value="available">Available<\/option><option value="idle:lunch" selected="">Lunch<\/option><option value="idle:meeting">Meeting<\/option>/);
    expect(tag(html, 'session-reconnecting')).toBeNull();
  });
});

describe('title bar state and session controls', () => {
  it('RONA is shown, selected and not selectable', () => {
    const html = render(<TitleBar />, storeFor(loggedIn({}, { state: 'rona', reasonCode: null })));
    expect(attr(tag(html, 'agent-state'), 'data-state')).toBe('rona');
    expect(html).toContain('<option value="rona" disabled="" selected="">RONA (no answer)</option>');
  });

  it('a state chosen during a contact shows as "after this contact" (A3), in Korean too', () => {
    const store = storeFor(loggedIn({}, { state: 'available', reasonCode: null, pending: { state: 'idle', reasonCode: 'lunch' } }));
    expect(render(<TitleBar />, store)).toContain('Lunch after this contact');
    expect(render(<TitleBar />, store, 'ko')).toContain('이 컨택이 끝나면 Lunch');
  });

  it('shows the pick while main has not answered', () => {
    const store = storeFor(loggedIn());
    store.dispatch(agentStateChosen({ state: 'available' }));
    expect(render(<TitleBar />, store)).toContain('<option value="available" selected="">Available</option>');
  });

  it('reconnecting: an indicator, the dropdown disabled, Log out still there', () => {
    const html = render(<TitleBar />, storeFor(loggedIn({ status: 'reconnecting' })));
    expect(tag(html, 'session-reconnecting')).not.toBeNull();
    expect(html).toContain('Reconnecting…');
    expect(attr(tag(html, 'agent-state'), 'disabled')).toBe('');
    expect(tag(html, 'logout-button')).not.toBeNull();
  });

  it('a refused logout reads as the invalid-state message (S3)', () => {
    const store = storeFor(loggedIn());
    store.dispatch(sessionNoticeRaised({ action: 'logout', failure: { source: 'agent-api', code: 'invalid-state' } }));
    const html = decode(render(<SessionNotice />, store));
    expect(attr(tag(html, 'session-notice'), 'data-code')).toBe('invalid-state');
    expect(html).toContain("Couldn't log out.");
    expect(html).toContain('finish and wrap up your active contacts first');
    expect(decode(render(<SessionNotice />, store, 'ko'))).toContain('로그아웃하지 못했습니다.');
  });

  it('numbered contact-center errors carry their number', () => {
    const store = storeFor(loggedIn());
    store.dispatch(sessionNoticeRaised({ action: 'setState', failure: { source: 'agent-api', code: 'consult-failed', number: 14 } }));
    expect(render(<SessionNotice />, store)).toContain('Error 14:');
  });
});
