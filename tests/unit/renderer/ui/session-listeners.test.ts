import { fail, ok, type IpcResult } from '../../../../common/contract/result';
import type { SessionResult } from '../../../../common/contract/agent-session';
import { createLogger, type LogRecord } from '../../../../common/log/logger';
import { createAppStore } from '../../../../renderer/ui/app/store';
import { snapshotReceived } from '../../../../renderer/ui/features/mirror/slice';
import { chosenStateOf } from '../../../../renderer/ui/features/session/state-options';
import {
  agentStateChosen,
  loginRequested,
  logoutRequested,
  sessionNoticeDismissed,
} from '../../../../renderer/ui/features/session/slice';
import { createFakeBridge, deferred, flush, makeSnapshot } from './fake-bridge';
import { AGENT, loggedIn, withSession } from './session-fixtures';

const PASSWORD = 'c0rrect-h0rse-secret';
const LOGIN = { username: 'mina', dn: '+8225551234', teamId: 'sales', remember: true };

/** A store holding main's snapshot `rev 1`, with a logger that keeps every record. */
function storeWith(overrides: Parameters<typeof makeSnapshot>[1] = {}) {
  const snapshot = makeSnapshot(1, overrides);
  const fake = createFakeBridge(snapshot);
  const records: LogRecord[] = [];
  const store = createAppStore(fake.bridge, { logger: createLogger('ui', (r) => records.push(r), 'debug') });
  store.dispatch(snapshotReceived(snapshot));
  return { fake, store, records };
}

const refused = (code: string, number?: number): Promise<IpcResult<SessionResult>> =>
  Promise.resolve(ok({ ok: false, code, ...(number === undefined ? {} : { number }) } as SessionResult));

describe('login intent', () => {
  it('calls agent.login with the typed password, shows progress, and settles', async () => {
    const { fake, store, records } = storeWith();
    store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: { ...LOGIN, password: PASSWORD } }));
    expect(store.getState().session).toMatchObject({ loginPending: true, loginFailure: null });
    await flush();
    expect(fake.bridge.agent.login).toHaveBeenCalledWith({ ...LOGIN, password: PASSWORD });
    // Same profile as main's: nothing to save first.
    expect(fake.bridge.settings.setServerProfile).not.toHaveBeenCalled();
    expect(store.getState().session).toMatchObject({ loginPending: false, loginFailure: null, loginAttempts: 1 });
    // The password is in no reducer and no log line.
    expect(JSON.stringify(store.getState())).not.toContain(PASSWORD);
    expect(JSON.stringify(records)).not.toContain(PASSWORD);
  });

  it('sends no password when the form left it to the saved one', async () => {
    const { fake, store } = storeWith();
    store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: LOGIN }));
    await flush();
    const request = fake.bridge.agent.login.mock.calls[0]?.[0];
    expect(request).toEqual(LOGIN);
    expect(Object.keys(request ?? {})).not.toContain('password');
  });

  it('saves a changed server profile first, then logs in', async () => {
    const { fake, store } = storeWith();
    const profile = { kind: 'server', agentApiUrl: 'wss://cc.example.com/agent' } as const;
    store.dispatch(loginRequested({ profile, login: { ...LOGIN, password: PASSWORD } }));
    await flush();
    expect(fake.bridge.settings.setServerProfile).toHaveBeenCalledWith({ profile });
    expect(fake.bridge.settings.setServerProfile.mock.invocationCallOrder[0]).toBeLessThan(
      fake.bridge.agent.login.mock.invocationCallOrder[0]!,
    );
  });

  it('does not log in when the profile could not be saved', async () => {
    const { fake, store } = storeWith();
    fake.bridge.settings.setServerProfile.mockResolvedValueOnce(fail('invalid-payload', 'bad url'));
    store.dispatch(loginRequested({ profile: { kind: 'server', agentApiUrl: 'wss://x.example/agent' }, login: LOGIN }));
    await flush();
    expect(fake.bridge.agent.login).not.toHaveBeenCalled();
    expect(store.getState().session.loginFailure).toEqual({ source: 'ipc', code: 'invalid-payload' });
  });

  it.each(['bad-credentials', 'account-locked', 'password-expired', 'forbidden', 'internal'])(
    'keeps the contact center\'s refusal (%s) for the form',
    async (code) => {
      const { fake, store, records } = storeWith();
      fake.bridge.agent.login.mockImplementationOnce(() => refused(code));
      store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: { ...LOGIN, password: PASSWORD } }));
      await flush();
      expect(store.getState().session).toMatchObject({ loginPending: false, loginFailure: { source: 'agent-api', code }, loginAttempts: 1 });
      expect(records.some((r) => r.level === 'warn' && r.message.includes(code))).toBe(true);
      expect(JSON.stringify(records)).not.toContain(PASSWORD);
    },
  );

  it('turns an IPC failure, a broken bridge or a malformed reply into a failure, never a throw', async () => {
    const { fake, store } = storeWith();
    fake.bridge.agent.login.mockResolvedValueOnce(fail('invalid-payload', 'bad'));
    store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: LOGIN }));
    await flush();
    expect(store.getState().session.loginFailure).toEqual({ source: 'ipc', code: 'invalid-payload' });

    fake.bridge.agent.login.mockRejectedValueOnce(new Error('gone'));
    store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: LOGIN }));
    await flush();
    expect(store.getState().session.loginFailure).toEqual({ source: 'ipc', code: 'internal' });

    fake.bridge.agent.login.mockImplementationOnce(() => refused('no-such-code'));
    store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: LOGIN }));
    await flush();
    expect(store.getState().session.loginFailure).toEqual({ source: 'ipc', code: 'invalid-payload' });
    expect(store.getState().session.loginAttempts).toBe(3);
  });

  it('drops a second submit while the first is in flight, and clears the old error on a new attempt', async () => {
    const { fake, store } = storeWith();
    const held = deferred<IpcResult<SessionResult>>();
    fake.bridge.agent.login.mockImplementationOnce(() => held.promise);
    store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: LOGIN }));
    store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: LOGIN }));
    await flush();
    expect(fake.bridge.agent.login).toHaveBeenCalledTimes(1);
    held.resolve(ok({ ok: false, code: 'bad-credentials' }));
    await flush();
    expect(store.getState().session.loginFailure).toEqual({ source: 'agent-api', code: 'bad-credentials' });
    store.dispatch(loginRequested({ profile: { kind: 'builtin-lab' }, login: LOGIN }));
    expect(store.getState().session.loginFailure).toBeNull();
  });
});

describe('state intent', () => {
  it('sends the dropdown choice as set-state (idle with its reason, available)', async () => {
    const { fake, store } = storeWith(withSession(loggedIn()));
    store.dispatch(agentStateChosen(chosenStateOf('idle:meeting', AGENT.idleReasons)!));
    expect(store.getState().session.statePending).toEqual({ state: 'idle', reasonCode: 'meeting' });
    await flush();
    expect(fake.bridge.agent.setState).toHaveBeenLastCalledWith({ state: 'idle', reasonCode: 'meeting' });
    expect(store.getState().session.statePending).toBeNull();
    store.dispatch(agentStateChosen(chosenStateOf('available', AGENT.idleReasons)!));
    await flush();
    expect(fake.bridge.agent.setState).toHaveBeenLastCalledWith({ state: 'available' });
    expect(store.getState().session.notice).toBeNull();
  });

  it('drops a second choice while the first is unanswered', async () => {
    const { fake, store } = storeWith(withSession(loggedIn()));
    const held = deferred<IpcResult<SessionResult>>();
    fake.bridge.agent.setState.mockImplementationOnce(() => held.promise);
    store.dispatch(agentStateChosen({ state: 'available' }));
    store.dispatch(agentStateChosen({ state: 'idle', reasonCode: 'lunch' }));
    await flush();
    expect(fake.bridge.agent.setState).toHaveBeenCalledTimes(1);
    expect(store.getState().session.statePending).toEqual({ state: 'available' });
    held.resolve(ok({ ok: true }));
    await flush();
    expect(store.getState().session.statePending).toBeNull();
  });

  it('raises a notice when the contact center refuses', async () => {
    const { fake, store } = storeWith(withSession(loggedIn()));
    fake.bridge.agent.setState.mockImplementationOnce(() => refused('not-found'));
    store.dispatch(agentStateChosen({ state: 'idle', reasonCode: 'lunch' }));
    await flush();
    expect(store.getState().session.notice).toMatchObject({ action: 'setState', failure: { source: 'agent-api', code: 'not-found' } });
    store.dispatch(sessionNoticeDismissed());
    expect(store.getState().session.notice).toBeNull();
  });
});

describe('logout intent', () => {
  it('logs out; main\'s snapshot then shows the login screen', async () => {
    const { fake, store } = storeWith(withSession(loggedIn()));
    store.dispatch(logoutRequested());
    expect(store.getState().session.logoutPending).toBe(true);
    await flush();
    expect(fake.bridge.agent.logout).toHaveBeenCalledTimes(1);
    expect(store.getState().session).toMatchObject({ logoutPending: false, notice: null });
  });

  it('a refusal during a contact (S3) becomes the invalid-state notice; the next logged-out snapshot clears it', async () => {
    const { fake, store } = storeWith(withSession(loggedIn()));
    fake.bridge.agent.logout.mockImplementationOnce(() => refused('invalid-state'));
    store.dispatch(logoutRequested());
    store.dispatch(logoutRequested());
    await flush();
    expect(fake.bridge.agent.logout).toHaveBeenCalledTimes(1);
    expect(store.getState().session.notice).toMatchObject({ action: 'logout', failure: { source: 'agent-api', code: 'invalid-state' } });
    store.dispatch(snapshotReceived(makeSnapshot(2, withSession(loggedIn({ status: 'logged-out', agent: null, view: null, endedBecause: 'supervisor' })))));
    expect(store.getState().session.notice).toBeNull();
  });
});
