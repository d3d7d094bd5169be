import type { Contact, PhoneProvisioning } from '../../common/agent-api';
import { apiError } from '../../common/agent-api';
import type { Acd, AcdResult, AgentView, ConsultTarget, ContactView, TransferTarget } from '../acd';
import type { AgentApiBackend, AgentEventListener, BackendResult, LoginGrant, LoginRequest } from '../api';
import type { AcdEventBridge } from './api-events';
import type { ApiViewState } from './api-view-state';
import { contactOf, involvement, mapAcdError, profileOf, snapshotOf } from './api-views';

type Result<T> = BackendResult<T>;

const notLoggedIn = <T>(): Result<T> => ({ ok: false, error: apiError('not-logged-in', 'no ACD session for this agent') });
const notFound = <T>(): Result<T> => ({ ok: false, error: apiError('not-found', 'no such contact for this agent') });

/**
 * The agent API's backend over the lab ACD. `agentId` is the username; the
 * ACD session id is looked up per call. Ops on a contact the agent is not
 * involved in answer `not-found`. `transfer` and `contact.end` also succeed
 * when the softphone already did it over SIP (REFER, BYE): the desktop may
 * send either first.
 */
export class AcdAgentApiBackend implements AgentApiBackend {
  constructor(
    private readonly acd: Acd,
    private readonly bridge: AcdEventBridge,
    private readonly state: ApiViewState,
    private readonly phoneFor: (dn: string) => PhoneProvisioning | undefined,
  ) {}

  login(request: LoginRequest): Result<LoginGrant> {
    const result = this.acd.login(request);
    if (!result.ok) return { ok: false, error: mapAcdError(result.code, result.message) };
    const agent = result.agent;
    const phone = this.phoneFor(agent.dn);
    return { ok: true, value: { agent: profileOf(this.acd.org, agent), state: snapshotOf(this.acd, agent, this.state), ...(phone ? { phone } : {}) } };
  }

  logout(agentId: string): Result<Record<string, never>> {
    const agent = this.acd.agent(agentId);
    if (agent === null) return notLoggedIn();
    return this.map(this.acd.logout(agent.sessionId), () => ({}));
  }

  endSession(agentId: string, reason: Parameters<AgentApiBackend['endSession']>[1]): void {
    if (reason !== 'logout') this.acd.forceLogout(agentId, reason);
  }

  snapshot(agentId: string): ReturnType<AgentApiBackend['snapshot']> {
    const agent = this.acd.agent(agentId);
    return agent === null ? notLoggedIn() : { ok: true, value: snapshotOf(this.acd, agent, this.state) };
  }

  setState: AgentApiBackend['setState'] = (agentId, body) =>
    this.as(agentId, (agent) => {
      const input = body.state === 'idle' ? { availability: 'idle' as const, idleReason: body.reasonCode } : { availability: 'available' as const };
      return this.map(this.acd.setState(agent.sessionId, input), () => {
        const now = this.acd.agent(agentId);
        return { agentState: now === null ? snapshotOf(this.acd, agent, this.state).agentState : snapshotOf(this.acd, now, this.state).agentState };
      });
    });

  acceptOffer: AgentApiBackend['acceptOffer'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) => this.withContact(this.acd.acceptOffer(agent.sessionId, body.contactId), agentId, body.contactId));

  declineOffer: AgentApiBackend['declineOffer'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) => this.map(this.acd.declineOffer(agent.sessionId, body.contactId), () => ({ contactId: body.contactId })));

  submitWrapUp: AgentApiBackend['submitWrapUp'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) =>
      this.map(this.acd.submitWrapUp(agent.sessionId, { contactId: body.contactId, code: body.code, cad: body.cad, lastAgentRouting: body.lastAgentRouting }), () => ({ contactId: body.contactId })),
    );

  cancelAutoWrapUp: AgentApiBackend['cancelAutoWrapUp'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) =>
      this.map(this.acd.cancelAutoWrapUp(agent.sessionId, body.contactId), () => {
        this.state.cancelAutoWrapUp(agentId, body.contactId);
        const note = this.state.wrapUps.get(agentId);
        return {
          wrapUp: {
            contactId: body.contactId,
            codes: this.acd.org.wrapUpCodes.map((c) => ({ code: c.code, label: c.label })),
            defaultCode: this.acd.org.defaultWrapUpCode,
            autoSubmitAt: null,
            autoCancelled: note?.autoCancelled ?? true,
          },
        };
      }),
    );

  getCad: AgentApiBackend['getCad'] = (agentId, body) =>
    this.as(agentId, (agent) => this.map(this.acd.getCad(agent.sessionId, body.contactId), (r) => ({ contactId: body.contactId, cad: r.cad })));

  setCad: AgentApiBackend['setCad'] = (agentId, body) =>
    this.as(agentId, (agent) => this.map(this.acd.setCad(agent.sessionId, body.contactId, body.cad), (r) => ({ contactId: body.contactId, cad: r.cad })));

  getDirectory: AgentApiBackend['getDirectory'] = (agentId) =>
    this.as(agentId, () => ({
      ok: true,
      value: {
        agents: this.acd.directory().map((e) => ({ agentId: e.username, name: e.displayName, teamId: e.teamId, presence: e.presence })),
        queues: this.acd.org.queues.map((q) => ({ queueId: q.id, name: q.name, channel: 'voice' as const, waiting: this.acd.queueContents(q.id).length })),
        addressBook: this.acd.org.addressBook.map((entry, i) => ({ entryId: `ab-${i + 1}`, name: entry.name, number: entry.number })),
      },
    }));

  consult: AgentApiBackend['consult'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) => this.withContact(this.acd.requestConsult(agent.sessionId, body.contactId, toAcdTarget(body.target)), agentId, body.contactId));

  confirmConsult: AgentApiBackend['confirmConsult'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) => this.withContact(this.acd.confirmConsult(agent.sessionId, body.contactId), agentId, body.contactId));

  cancelConsult: AgentApiBackend['cancelConsult'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) => this.withContact(this.acd.endConsult(agent.sessionId, body.contactId), agentId, body.contactId));

  conference: AgentApiBackend['conference'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) => this.withContact(this.acd.conference(agent.sessionId, body.contactId), agentId, body.contactId));

  transfer: AgentApiBackend['transfer'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) => {
      const target: TransferTarget = body.mode === 'consult' ? { kind: 'consult' } : toAcdTarget(body.target);
      const result = this.acd.transfer(agent.sessionId, body.contactId, target);
      const done = this.doneAlready(result, agentId, body.contactId);
      const referTo = result.ok && body.mode === 'blind' ? result.referTo : null;
      return done.ok && referTo !== null ? { ok: true, value: { ...done.value, referTo } } : done;
    });

  outdial: AgentApiBackend['outdial'] = (agentId, body) =>
    this.as(agentId, (agent) => {
      const result = this.acd.outdial(agent.sessionId, { number: body.number, ...(body.ani !== undefined ? { ani: body.ani } : {}) });
      return result.ok ? this.withContact(result, agentId, result.contactId) : { ok: false, error: mapAcdError(result.code, result.message) };
    });

  pauseRecording: AgentApiBackend['pauseRecording'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) =>
      this.map(this.acd.pauseRecording(agent.sessionId, body.contactId), (r) => ({ contactId: body.contactId, recording: { state: 'paused' as const, autoResumeAt: r.autoResumeAt } })),
    );

  resumeRecording: AgentApiBackend['resumeRecording'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) =>
      this.map(this.acd.resumeRecording(agent.sessionId, body.contactId), () => ({ contactId: body.contactId, recording: { state: 'on' as const, autoResumeAt: null } })),
    );

  endContact: AgentApiBackend['endContact'] = (agentId, body) =>
    this.onContact(agentId, body.contactId, (agent) => this.doneAlready(this.acd.endCall(agent.sessionId, body.contactId), agentId, body.contactId));

  subscribe(listener: AgentEventListener): () => void {
    return this.bridge.subscribe(listener);
  }

  // ── helpers ──────────────────────────────────────────────────────────────
  private as<T>(agentId: string, fn: (agent: AgentView) => Result<T>): Result<T> {
    const agent = this.acd.agent(agentId);
    return agent === null ? notLoggedIn() : fn(agent);
  }

  /** Ops on a contact: only one the agent is (or just was, in wrap-up) involved in. */
  private onContact<T>(agentId: string, contactId: string, fn: (agent: AgentView, view: ContactView) => Result<T>): Result<T> {
    return this.as(agentId, (agent) => {
      const view = this.acd.contact(contactId);
      if (view === null) return notFound();
      const involved = involvement(this.acd, view, agentId, this.state).state !== 'ended' || agent.contactId === contactId;
      return involved ? fn(agent, view) : notFound();
    });
  }

  private map<R extends object, T>(result: AcdResult<R>, value: (r: { ok: true } & R) => T): Result<T> {
    return result.ok ? { ok: true, value: value(result) } : { ok: false, error: mapAcdError(result.code, result.message) };
  }

  private withContact(result: AcdResult, agentId: string, contactId: string): Result<{ contact: Contact }> {
    if (!result.ok) return { ok: false, error: mapAcdError(result.code, result.message) };
    return this.contactNow(agentId, contactId);
  }

  /** Refused because the softphone already did it over SIP? Then it is done: answer with the contact. */
  private doneAlready(result: AcdResult, agentId: string, contactId: string): Result<{ contact: Contact }> {
    if (result.ok) return this.contactNow(agentId, contactId);
    const agent = this.acd.agent(agentId);
    if (agent?.contactId === contactId && agent.state === 'wrap-up') return this.contactNow(agentId, contactId);
    return { ok: false, error: mapAcdError(result.code, result.message) };
  }

  private contactNow(agentId: string, contactId: string): Result<{ contact: Contact }> {
    const view = this.acd.contact(contactId);
    return view === null ? notFound() : { ok: true, value: { contact: contactOf(this.acd, view, agentId, this.state) } };
  }
}

function toAcdTarget(target: { kind: 'agent'; agentId: string } | { kind: 'queue'; queueId: string } | { kind: 'dn'; number: string }): ConsultTarget {
  if (target.kind === 'agent') return { kind: 'agent', username: target.agentId };
  return target;
}
