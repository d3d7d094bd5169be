import { CLOSE_SESSION_TAKEN_OVER, createAgentApiServer } from '../../../../lab/api';
import { silentLogger } from '../../../../lab/log';
import { FakeBackend } from './support/fake-backend';
import { startHarness, until, type Harness } from './support/harness';
import { LOGIN_ALICE, LOGIN_BOB, type Frame } from './support/test-client';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ resumeWindowMs: 60_000, replayLimit: 4 });
});
afterEach(async () => {
  await h.close();
});

const body = <T>(frame: Frame): T => frame.body as T;

describe('login and the session gate', () => {
  it('allows only login, resume and ping before login', async () => {
    const c = await h.connect();
    expect((await c.request('set-state', { state: 'available' })).error).toEqual({ code: 'not-logged-in', message: 'log in first' });
    expect((await c.request('logout')).error?.code).toBe('not-logged-in');
    const ping = await c.request('ping', { nonce: 'n-1' });
    expect(ping.body).toEqual({ nonce: 'n-1', serverTime: h.clock.now() });
    expect(h.backend.calls).toEqual([]);
  });

  it('logs in, hands out a resume token and starts the event stream at seq 1', async () => {
    const c = await h.connect();
    const res = await c.request('login', LOGIN_ALICE);
    expect(res.ok).toBe(true);
    const grant = body<{ agent: { agentId: string }; resumeToken: string; seq: number; state: { agentState: { state: string } } }>(res);
    expect(grant.agent.agentId).toBe('alice');
    expect(grant.resumeToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(grant.seq).toBe(0);
    expect(grant.state.agentState.state).toBe('idle');
    const event = await c.waitFor((f) => f.event === 'session');
    expect(event).toMatchObject({ v: 1, seq: 1, body: { status: 'logged-in' } });
    expect((await c.request('login', LOGIN_ALICE)).error?.code).toBe('already-logged-in');
  });

  it.each([
    ['a wrong password', { ...LOGIN_ALICE, password: 'wrong' }, 'bad-credentials'],
    ['an unknown user', { ...LOGIN_ALICE, username: 'nobody' }, 'bad-credentials'],
    ['a locked account', { username: 'carol', password: 'carol-pw', dn: '+15550103', teamId: 'sales' }, 'account-locked'],
    ['a team not mapped to the agent', { ...LOGIN_ALICE, teamId: 'support' }, 'forbidden'],
  ])('refuses a login with %s and stays logged out', async (_label, login, code) => {
    const c = await h.connect();
    expect((await c.request('login', login)).error?.code).toBe(code);
    expect((await c.request('directory.get')).error?.code).toBe('not-logged-in');
    expect(h.server.stats().sessions).toBe(0);
  });

  it('ends the older session when the agent signs in elsewhere (S4)', async () => {
    const first = await h.connect();
    await first.request('login', LOGIN_ALICE);
    const second = await h.connect();
    expect((await second.request('login', LOGIN_ALICE)).ok).toBe(true);
    const gone = await first.waitFor((f) => f.event === 'session' && (f.body as { status: string }).status === 'logged-out');
    expect(gone.body).toEqual({ status: 'logged-out', reason: 'signed-in-elsewhere' });
    expect((await first.request('directory.get')).error?.code).toBe('not-logged-in');
    expect((await second.request('directory.get')).ok).toBe(true);
    expect(h.server.stats().sessions).toBe(1);
  });

  it('refuses logout during a contact (S3), then logs out with a last session event', async () => {
    const c = await h.connect();
    await c.request('login', LOGIN_ALICE);
    h.backend.offer('alice', 'c-1');
    await c.request('accept-offer', { contactId: 'c-1' });
    expect((await c.request('logout')).error?.code).toBe('invalid-state');
    await c.request('contact.end', { contactId: 'c-1' });
    await c.request('wrap-up.submit', { contactId: 'c-1', code: 'resolved' });
    const res = await c.request('logout');
    expect(res).toMatchObject({ ok: true, body: {} });
    const last = await c.waitFor((f) => f.event === 'session' && (f.body as { status: string }).status === 'logged-out');
    expect(last.body).toEqual({ status: 'logged-out', reason: 'logout' });
    expect((await c.request('directory.get')).error?.code).toBe('not-logged-in');
    expect(h.server.stats().sessions).toBe(0);
  });

  it('passes a forced logout (supervisor) on and drops the session', async () => {
    const c = await h.connect();
    await c.request('login', LOGIN_ALICE);
    h.backend.forceLogout('alice', 'supervisor');
    expect((await c.waitFor((f) => f.event === 'session' && f.seq === 2)).body).toEqual({ status: 'logged-out', reason: 'supervisor' });
    expect((await c.request('set-state', { state: 'available' })).error?.code).toBe('not-logged-in');
  });

  it('refuses browser pages (an Origin header) unless allowed, and any host but loopback', async () => {
    await expect(h.connect({ Origin: 'https://evil.example' })).rejects.toThrow(/401/);
    await expect(
      createAgentApiServer({ host: '0.0.0.0' as '127.0.0.1', port: 0, path: '/agent', backend: new FakeBackend(), logger: silentLogger() }),
    ).rejects.toThrow(/127\.0\.0\.1/);
  });
});

describe('resume', () => {
  async function loggedIn(): Promise<{ token: string; client: Awaited<ReturnType<Harness['connect']>> }> {
    const client = await h.connect();
    const res = await client.request('login', LOGIN_ALICE);
    await client.waitFor((f) => f.event === 'session');
    return { token: body<{ resumeToken: string }>(res).resumeToken, client };
  }

  it('replays the events missed while disconnected, in order', async () => {
    const { token, client } = await loggedIn();
    await client.close();
    await until(() => h.server.stats().attachedSessions === 0);
    h.backend.offer('alice', 'c-1');
    h.backend.emit('alice', { event: 'error', body: { code: 'outdial-failed', number: 20, message: 'no answer', contactId: 'c-9' } });
    const again = await h.connect();
    const res = await again.request('resume', { resumeToken: token, lastSeq: 1 });
    expect(res.body).toMatchObject({ replay: 'events', seq: 3, resumeToken: token });
    const replayed = await again.take(3);
    expect(replayed.slice(1).map((f) => [f.event, f.seq])).toEqual([
      ['offer', 2],
      ['error', 3],
    ]);
    expect((await again.request('accept-offer', { contactId: 'c-1' })).ok).toBe(true);
  });

  it('sends a snapshot when the missed events are no longer kept', async () => {
    const { token, client } = await loggedIn();
    await client.close();
    await until(() => h.server.stats().attachedSessions === 0);
    for (let i = 1; i <= 6; i += 1) h.backend.offer('alice', `c-${i}`);
    const again = await h.connect();
    const res = await again.request('resume', { resumeToken: token, lastSeq: 0 });
    const result = body<{ replay: string; seq: number; state: { contacts: unknown[]; offers: unknown[] } }>(res);
    expect(result.replay).toBe('snapshot');
    expect(result.seq).toBe(7);
    expect(result.state.contacts).toHaveLength(6);
    expect(result.state.offers).toHaveLength(6);
  });

  it('takes the session over from a connection that is still open', async () => {
    const { token, client } = await loggedIn();
    const again = await h.connect();
    expect((await again.request('resume', { resumeToken: token, lastSeq: 1 })).ok).toBe(true);
    expect((await client.closed).code).toBe(CLOSE_SESSION_TAKEN_OVER);
    h.backend.offer('alice', 'c-1');
    expect((await again.waitFor((f) => f.event === 'offer')).seq).toBe(2);
  });

  it('logs the agent out when no resume comes within the window', async () => {
    const { token, client } = await loggedIn();
    await client.close();
    await until(() => h.server.stats().attachedSessions === 0);
    h.clock.advance(59_999);
    expect(h.backend.ended).toEqual([]);
    h.clock.advance(1);
    await until(() => h.backend.ended.length === 1);
    expect(h.backend.ended).toEqual([{ agentId: 'alice', reason: 'lost-connection' }]);
    const again = await h.connect();
    expect((await again.request('resume', { resumeToken: token, lastSeq: 1 })).error?.code).toBe('resume-failed');
  });

  it('reclaims the live session on login with its resume token (no signed-in-elsewhere)', async () => {
    const { token, client } = await loggedIn();
    const again = await h.connect();
    const res = await again.request('login', { ...LOGIN_ALICE, resumeToken: token });
    expect(body<{ resumeToken: string; seq: number }>(res)).toMatchObject({ resumeToken: token, seq: 1 });
    expect((await client.closed).code).toBe(CLOSE_SESSION_TAKEN_OVER);
    expect(client.events('session')).toHaveLength(1);
  });

  it('refuses an unknown token and resume on a logged-in connection', async () => {
    const { token, client } = await loggedIn();
    expect((await client.request('resume', { resumeToken: token, lastSeq: 0 })).error?.code).toBe('already-logged-in');
    const other = await h.connect();
    expect((await other.request('resume', { resumeToken: 'x'.repeat(32), lastSeq: 0 })).error?.code).toBe('resume-failed');
  });

  it('keeps a second agent apart', async () => {
    await loggedIn();
    const bob = await h.connect();
    await bob.request('login', LOGIN_BOB);
    h.backend.offer('bob', 'c-b');
    await bob.waitFor((f) => f.event === 'offer');
    expect(h.server.stats()).toMatchObject({ sessions: 2, attachedSessions: 2 });
  });
});
