import type { EventFrame } from '../../../common/agent-api';
import { createParty, type Party } from '../../../lab/parties/party';
import type { Invitation } from 'sip.js';
import type { PartyCall } from '../../../lab/parties/party-call';
import { ApiClient } from './api-client';
import { inviteSentAt, type InviteTimes } from './invite-clock';

/** One INVITE that reached the agent's phone. */
export interface Ring {
  /** Customer user (From) of the call. */
  from: string;
  callId: string;
  /** performance.now() when SIP.js handed the INVITE to the phone (it rings). */
  at: number;
  /** performance.now() when the customer's INVITE left its socket (first and authenticated), if seen. */
  sentAt: InviteTimes | undefined;
  call: PartyCall;
  /** performance.now() when the phone's answer (200 OK) was sent. */
  answeredAt?: number;
}

export interface SimAgentLogin {
  apiUrl: string;
  username: string;
  password: string;
  dn: string;
  teamId: string;
  domain: string;
  toneHz: number;
}

/**
 * A simulated agent desktop: agent-API session (login, Available, events)
 * plus a werift party registered with the provisioned phone account, which
 * answers every call at once while `autoAnswer` is on. Tracks the agent's
 * state and open contacts from the events.
 */
export class SimAgent {
  autoAnswer = true;
  readonly rings: Ring[] = [];
  /** Errors seen (answer failures, session lost); the level reports them. */
  readonly problems: string[] = [];
  private state = 'idle';
  private readonly contacts = new Set<string>();
  private readonly waiters = new Set<() => void>();
  private readonly ringListeners = new Set<(ring: Ring) => void>();
  private loggedIn = false;

  private constructor(
    readonly login: SimAgentLogin,
    readonly api: ApiClient,
    readonly phone: Party,
  ) {
    api.onEvent((event) => this.onEvent(event));
    phone.onIncoming((call) => this.onIncoming(call));
  }

  static async start(login: SimAgentLogin): Promise<SimAgent> {
    const api = await ApiClient.connect(login.apiUrl);
    let phone: Party | undefined;
    try {
      const reply = await api.request('login', { username: login.username, password: login.password, dn: login.dn, teamId: login.teamId });
      if (reply.type !== 'response' || !reply.ok) throw new Error(`login ${login.username}: ${reply.type === 'response' && !reply.ok ? reply.error.code : 'no response'}`);
      const body = reply.body as { phone?: { sipServer: string; authUser: string; password: string }; state: { agentState: { state: string } } };
      if (body.phone === undefined) throw new Error(`login ${login.username}: no phone provisioned`);
      phone = createParty({ serverUrl: body.phone.sipServer, user: body.phone.authUser, domain: login.domain, password: body.phone.password, toneHz: login.toneHz });
      const agent = new SimAgent(login, api, phone);
      agent.loggedIn = true;
      agent.state = body.state.agentState.state;
      await phone.register();
      const set = await api.request('set-state', { state: 'available' });
      if (set.type !== 'response' || !set.ok) throw new Error(`set-state ${login.username} refused`);
      agent.state = 'available';
      return agent;
    } catch (error) {
      await phone?.close().catch(() => undefined);
      await api.close();
      throw error;
    }
  }

  /** Logged in, Available, no contact (offered, connected or in wrap-up). */
  get free(): boolean {
    return this.loggedIn && this.state === 'available' && this.contacts.size === 0;
  }

  /** The latest ring from this customer, if any. */
  ringFrom(customer: string): Ring | undefined {
    return this.rings.findLast((ring) => ring.from === customer);
  }

  /** Called for each INVITE reaching the phone, before any answer. */
  onRing(listener: (ring: Ring) => void): () => void {
    this.ringListeners.add(listener);
    return () => this.ringListeners.delete(listener);
  }

  /** Resolves once the agent is free again; rejects after `timeoutMs`. */
  waitFree(timeoutMs: number): Promise<void> {
    return this.waitUntil(() => this.free, timeoutMs, `${this.login.username} to be Available with no contact`);
  }

  async close(): Promise<void> {
    this.autoAnswer = false;
    await this.phone.close().catch(() => undefined);
    if (this.loggedIn) await this.api.request('logout', {}, 3_000).catch(() => undefined);
    await this.api.close();
  }

  private waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = (): void => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private onEvent(event: EventFrame): void {
    switch (event.event) {
      case 'agent-state':
        this.state = (event.body as { state: string }).state;
        break;
      case 'offer':
        this.contacts.add((event.body as { contact: { contactId: string } }).contact.contactId);
        break;
      case 'offer-withdrawn':
        this.contacts.delete((event.body as { contactId: string }).contactId);
        break;
      case 'contact': {
        const body = event.body as { change: string; contact: { contactId: string } };
        if (body.change === 'ended') this.contacts.delete(body.contact.contactId);
        else this.contacts.add(body.contact.contactId);
        break;
      }
      case 'session':
        if ((event.body as { status: string }).status === 'logged-out') {
          this.loggedIn = false;
          this.problems.push(`${this.login.username}: logged out by the lab`);
        }
        break;
      default:
        break;
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  private onIncoming(call: PartyCall): void {
    const at = performance.now();
    const callId = (call.session as Invitation).request.callId;
    const from = call.info().remoteUser ?? '';
    const ring: Ring = { from, callId, at, sentAt: inviteSentAt(callId), call };
    this.rings.push(ring);
    if (this.rings.length > 200) this.rings.splice(0, 100);
    for (const listener of [...this.ringListeners]) listener(ring);
    if (!this.autoAnswer) return;
    this.phone.answer().then(() => void (ring.answeredAt = performance.now())).catch((error: unknown) => {
      if (call.state !== 'ended') this.problems.push(`${this.login.username}: answer failed: ${String(error)}`);
    });
  }
}
