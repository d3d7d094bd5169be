import { INITIAL_AGENT_SESSION, type AgentSessionView } from '../../../../common/contract/agent-session';
import { AgentSession } from '../../../../main/agent/agent-session';
import { createSessionOnlyVault } from '../../../../main/vault/credential-vault';
import { startHarness, type Harness } from '../../lab/api/support/harness';
import { memoryLogger } from '../../support/memory-logger';

/**
 * Main's agent-API session against the real lab agent-API server (with the
 * API tests' fake contact center behind it), over a real loopback socket.
 */
describe('AgentSession over the agent API', () => {
  let harness: Harness;
  let session: AgentSession;
  let view: AgentSessionView;
  let changes: ((v: AgentSessionView) => void)[];
  const phone = { used: [] as string[], released: 0 };

  const until = (predicate: (v: AgentSessionView) => boolean, what: string): Promise<void> =>
    predicate(view)
      ? Promise.resolve()
      : new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`session never became ${what}: ${JSON.stringify({ status: view.status, error: view.error })}`)), 5_000);
          changes.push((v) => {
            if (predicate(v)) {
              clearTimeout(timer);
              resolve();
            }
          });
        });

  beforeEach(async () => {
    harness = await startHarness();
    view = INITIAL_AGENT_SESSION;
    changes = [];
    phone.used = [];
    phone.released = 0;
    const vault = createSessionOnlyVault();
    session = new AgentSession({
      labUrl: () => harness.server.url,
      profile: () => ({ kind: 'builtin-lab' }),
      remembered: () => null,
      remember: (login) => (view = { ...view, remembered: login }),
      vault: Promise.resolve(vault),
      phone: {
        use: async (p) => void phone.used.push(p.aor),
        release: async () => void (phone.released += 1),
      },
      publish: (change) => {
        view = change(view);
        for (const listener of changes) listener(view);
      },
      log: memoryLogger().log,
      backoffMs: () => 5,
    });
  });

  afterEach(async () => {
    await session.stop();
    await harness.close();
  });

  const login = { username: 'alice', password: 'alice-pw', dn: '1001', teamId: 'sales', remember: true };

  it('logs in, follows events, changes state and logs out', async () => {
    expect(await session.login(login)).toEqual({ ok: true });
    expect(view).toMatchObject({ status: 'logged-in', agent: { agentId: 'alice', dn: '1001' }, view: { agentState: { state: 'idle' } } });
    expect(view.remembered).toEqual({ username: 'alice', dn: '1001', teamId: 'sales', passwordSaved: true });

    expect(await session.setState({ state: 'available' })).toEqual({ ok: true });
    expect(view.view?.agentState.state).toBe('available');

    harness.backend.offer('alice', 'c-1');
    await until((v) => v.view?.offers.some((o) => o.contactId === 'c-1') === true, 'offered');
    expect(view.view?.contacts.map((c) => [c.contactId, c.state])).toEqual([['c-1', 'offered']]);

    // Work ops go through as the protocol answers them.
    expect(await session.work({ op: 'accept-offer', body: { contactId: 'nope' } })).toEqual({ ok: false, code: 'not-found' });
    expect(await session.work({ op: 'cad.get', body: { contactId: 'c-1' } })).toMatchObject({ ok: true, body: { contactId: 'c-1' } });

    // S3: no logout while a contact is active.
    expect(await session.logout()).toEqual({ ok: false, code: 'invalid-state' });
    expect(view.status).toBe('logged-in');
    harness.backend.declineOffer('alice', { contactId: 'c-1' });

    expect(await session.logout()).toEqual({ ok: true });
    expect(view).toMatchObject({ status: 'logged-out', agent: null, view: null, endedBecause: null });
    expect(phone.released).toBeGreaterThan(0);
  });

  it('uses the saved password when none is given, and reports refusals with their code', async () => {
    await session.login(login);
    await session.logout();
    expect(await session.login({ ...login, password: undefined })).toEqual({ ok: true });
    await session.logout();
    expect(await session.login({ ...login, password: 'wrong' })).toEqual({ ok: false, code: 'bad-credentials' });
    expect(view).toMatchObject({ status: 'logged-out', error: { code: 'bad-credentials' } });
    expect(await session.login({ ...login, teamId: 'support' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await session.login({ ...login, username: 'carol', password: 'carol-pw' })).toMatchObject({ ok: false, code: 'account-locked' });
  });

  it('ends the session with the reason when the contact center forces the agent out', async () => {
    await session.login(login);
    harness.backend.forceLogout('alice', 'supervisor');
    await until((v) => v.status === 'logged-out', 'logged out');
    expect(view.endedBecause).toBe('supervisor');
    expect(phone.released).toBeGreaterThan(0);
  });

  it('resumes the session after the connection drops and catches up on missed events', async () => {
    await session.login(login);
    const releasedBefore = phone.released;
    // A network blip: the connection is cut without a close handshake.
    harness.server.dropConnections();
    await until((v) => v.status === 'reconnecting', 'reconnecting');
    // Missed while disconnected: kept by the server and replayed on resume.
    harness.backend.offer('alice', 'c-2');
    await until((v) => v.status === 'logged-in' && v.view?.contacts.some((c) => c.contactId === 'c-2') === true, 'resumed with the offer');
    expect(harness.server.stats()).toMatchObject({ sessions: 1, attachedSessions: 1 });
    expect(phone.released).toBe(releasedBefore); // the phone stays registered through a blip
  });
});
