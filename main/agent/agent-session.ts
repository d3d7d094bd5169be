import type { AgentApiEvent, ApiError, ChosenState, LogoutReason, PhoneProvisioning } from '../../common/agent-api';
import type {
  AgentSessionView,
  AgentWorkRequest,
  AgentWorkResult,
  LoginCommand,
  RememberedLogin,
  ServerProfile,
  SessionResult,
} from '../../common/contract/agent-session';
import type { Logger } from '../../common/log/logger';
import type { CredentialVault } from '../vault/credential-vault';
import { AgentConnection } from './agent-connection';
import { applyEvent } from './session-view';

export interface AgentSessionDeps {
  /** Agent API URL of the built-in lab, or null when it is not running. */
  labUrl(): string | null;
  profile(): ServerProfile;
  remembered(): RememberedLogin | null;
  remember(login: RememberedLogin | null): void;
  vault: Promise<CredentialVault>;
  /** The session's softphone: register the provisioned DN, or leave it. */
  phone: { use(phone: PhoneProvisioning, displayName: string): Promise<void>; release(): Promise<void> };
  publish(change: (view: AgentSessionView) => AgentSessionView): void;
  log: Logger;
  /** Reconnect backoff (tests shorten it). */
  backoffMs?: (attempt: number) => number;
}

const vaultKey = (username: string): string => `agent:${username}`;
const refused = (error: ApiError): SessionResult => ({ ok: false, code: error.code, ...(error.number !== undefined ? { number: error.number } : {}) });

/**
 * The agent's contact-center session in main: logs in through the agent
 * API, keeps the agent's view up to date from its events, comes back after
 * a dropped connection by `resume` (within the server's resume window),
 * registers the softphone the contact center provisions, and ends cleanly
 * on logout or when the contact center ends the session (S4).
 */
export class AgentSession {
  private connection: AgentConnection | null = null;
  private token: string | null = null;
  private seq = 0;
  private resumeUntil = 0;
  private resumeWindowMs = 150_000;
  private url: string | null = null;
  private generation = 0;

  constructor(private readonly deps: AgentSessionDeps) {}

  async login(command: LoginCommand): Promise<SessionResult> {
    const url = this.endpoint();
    if (!url) return this.fail({ code: 'internal', message: 'no contact center to connect to' });
    const password = command.password ?? (await (await this.deps.vault).get(vaultKey(command.username)));
    if (!password) return this.fail({ code: 'bad-credentials', message: 'no password' });
    await this.drop();
    const generation = ++this.generation;
    this.deps.publish((v) => ({ ...v, status: 'logging-in', error: null, endedBecause: null }));
    const connection = await this.connect(url, generation).catch(() => null);
    if (!connection) return this.fail({ code: 'internal', message: 'contact center unreachable' });
    const outcome = await connection.request('login', { username: command.username, password, dn: command.dn, teamId: command.teamId });
    if (!outcome.ok) {
      connection.close();
      return this.fail(outcome.error);
    }
    const grant = outcome.body;
    this.connection = connection;
    this.url = url;
    this.token = grant.resumeToken;
    this.seq = grant.seq;
    this.resumeUntil = 0;
    this.resumeWindowMs = grant.resumeWindowMs;
    await this.rememberLogin(command, password);
    this.deps.publish((v) => ({ ...v, status: 'logged-in', agent: grant.agent, view: grant.state, error: null, endedBecause: null }));
    this.deps.log.info('agent logged in', { agent: grant.agent.agentId, team: grant.agent.team.teamId });
    if (grant.phone) await this.deps.phone.use(grant.phone, grant.agent.name).catch((error: unknown) => this.deps.log.warn('provisioned phone failed', { error }));
    return { ok: true };
  }

  async logout(): Promise<SessionResult> {
    if (!this.connection) return { ok: false, code: 'not-logged-in' };
    const outcome = await this.connection.request('logout', {});
    if (!outcome.ok) return refused(outcome.error);
    await this.end(null);
    return { ok: true };
  }

  async setState(state: ChosenState): Promise<SessionResult> {
    if (!this.connection) return { ok: false, code: 'not-logged-in' };
    const outcome = await this.connection.request('set-state', state);
    if (!outcome.ok) return refused(outcome.error);
    const agentState = outcome.body.agentState;
    this.deps.publish((v) => (v.view ? { ...v, view: { ...v.view, agentState } } : v));
    return { ok: true };
  }

  /** One of the agent's work ops, as the agent API answers it. */
  async work(request: AgentWorkRequest): Promise<AgentWorkResult> {
    if (!this.connection) return { ok: false, code: 'not-logged-in' };
    const outcome = await this.connection.request(request.op, request.body as never);
    if (outcome.ok) return { ok: true, body: outcome.body };
    const { code, number } = outcome.error;
    return { ok: false, code, ...(number !== undefined ? { number } : {}) };
  }

  /** Quit: close the connection; the server keeps the session for its resume window. */
  async stop(): Promise<void> {
    this.generation++;
    this.connection?.close();
    this.connection = null;
    await this.deps.phone.release();
  }

  private endpoint(): string | null {
    const profile = this.deps.profile();
    return profile.kind === 'builtin-lab' ? this.deps.labUrl() : profile.agentApiUrl;
  }

  private connect(url: string, generation: number): Promise<AgentConnection> {
    return AgentConnection.open(
      url,
      {
        event: (seq, event) => {
          if (generation === this.generation) this.onEvent(seq, event);
        },
        closed: (code) => {
          if (generation === this.generation) this.onClosed(code);
        },
      },
      this.deps.log.child('connection'),
    );
  }

  private onEvent(seq: number, event: AgentApiEvent): void {
    if (seq > 0) this.seq = Math.max(this.seq, seq);
    if (event.event === 'session' && event.body.status === 'logged-out') {
      void this.end(event.body.reason);
      return;
    }
    if (event.event === 'error') {
      const { code, number } = event.body;
      this.deps.publish((v) => ({ ...v, error: { code, ...(number !== undefined ? { number } : {}) } }));
      return;
    }
    this.deps.publish((v) => (v.view ? { ...v, view: applyEvent(v.view, event) } : v));
  }

  /** The socket dropped while logged in: resume within the window, else the session is over. */
  private onClosed(code: number): void {
    if (!this.connection || !this.token) return;
    this.connection = null;
    this.resumeUntil = Date.now() + this.resumeWindowMs;
    this.deps.log.warn('agent API connection lost; resuming', { code });
    this.deps.publish((v) => ({ ...v, status: 'reconnecting' }));
    void this.resume(this.generation, 0);
  }

  private async resume(generation: number, attempt: number): Promise<void> {
    const delay = this.deps.backoffMs?.(attempt) ?? Math.min(250 * 2 ** attempt, 10_000);
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (generation !== this.generation || !this.token || !this.url) return;
    const connection = await this.connect(this.url, generation).catch(() => null);
    if (generation !== this.generation) return connection?.close();
    if (!connection) {
      if (Date.now() < this.resumeUntil) return this.resume(generation, attempt + 1);
      return this.end('lost-connection');
    }
    const outcome = await connection.request('resume', { resumeToken: this.token, lastSeq: this.seq });
    if (!outcome.ok) {
      connection.close();
      if (outcome.error.code === 'resume-failed' || Date.now() >= this.resumeUntil) return this.end('lost-connection');
      return this.resume(generation, attempt + 1);
    }
    this.connection = connection;
    const body = outcome.body;
    this.seq = Math.max(this.seq, body.seq);
    this.deps.log.info('agent API session resumed', { replay: body.replay });
    this.deps.publish((v) => ({ ...v, status: 'logged-in', agent: body.agent, view: body.replay === 'snapshot' ? body.state : v.view }));
  }

  /** The session is over: asked for (`reason` null) or ended by the contact center. */
  private async end(reason: LogoutReason | null): Promise<void> {
    await this.drop();
    this.deps.publish((v) => ({ ...v, status: 'logged-out', agent: null, view: null, endedBecause: reason, error: null }));
    if (reason) this.deps.log.warn('agent session ended', { reason });
    else this.deps.log.info('agent logged out');
  }

  private async drop(): Promise<void> {
    this.generation++;
    this.token = null;
    this.seq = 0;
    const connection = this.connection;
    this.connection = null;
    connection?.close();
    await this.deps.phone.release();
  }

  private fail(error: ApiError): SessionResult {
    this.deps.publish((v) => ({ ...v, status: 'logged-out', error: { code: error.code, ...(error.number !== undefined ? { number: error.number } : {}) } }));
    return refused(error);
  }

  private async rememberLogin(command: LoginCommand, password: string): Promise<void> {
    const vault = await this.deps.vault;
    if (command.remember) await vault.set(vaultKey(command.username), password);
    else await vault.remove(vaultKey(command.username));
    this.deps.remember({ username: command.username, dn: command.dn, teamId: command.teamId, passwordSaved: command.remember });
  }
}
