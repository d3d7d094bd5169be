import type { ApiErrorCode } from '../../common/agent-api';
import { apiError } from '../../common/agent-api';
import { normalizeNumber, type Acd, type AcdFailure, type AgentView, type ContactView } from '../acd';
import type { Logger } from '../log';
import type { CallRouter, HeldInvite, InitialInvite, RouteDecision } from '../sip';
import { mapAcdError } from './api-views';
import type { CallRegistry } from './call-registry';
import { agentByDn, agentByUser, isOrgDn, liveContactOf, queueByNumber } from './lookups';
import type { SipCallPort } from './sip-call-port';

/** Pushes an agent-API `error` event to an agent (numbered errors found while routing). */
export type ErrorNotifier = (username: string, error: { code: ApiErrorCode; message: string; contactId?: string }) => void;

/** How long an outdial or consult call may ring before the lab gives up on it. */
const OUTDIAL_RING_MS = 60_000;

/**
 * The SIP routing hook of the lab: what each new call means to the ACD.
 *
 * Caller is an outside party (customer, external number):
 * - a queue number → the ACD (`incomingCall`), the INVITE is held and rung to agents;
 * - an agent's DN with a blind transfer pending to it → the same contact, held;
 * - another agent DN → 403 (outside parties reach agents through queues);
 * - anything else → plain proxying (parties may call each other).
 *
 * Caller is a logged-in agent's phone:
 * - with a live contact: the number the ACD expects (outdial), or a consult
 *   (to another agent's DN or username, or to an outside number): the ACD's
 *   consult bookkeeping, started here when the desktop did not ask first;
 *   refused with error 14 (486 to the phone, an `error` event to the desktop);
 * - without one: a queue number is a test call into the queue, another
 *   agent's DN an internal call, any other number an outdial (dial plan, 21).
 *
 * An INVITE with Replaces (attended transfer) is proxied; the new dialog
 * becomes the contact's customer leg once it is up (see dialog-watch.ts).
 */
export class AcdCallRouter implements CallRouter {
  /** Replaces INVITEs on their way: new Call-ID → contact whose consult they replace. */
  readonly pendingReplaces = new Map<string, { contactId: string; agent: string | null }>();

  constructor(
    private readonly acd: Acd,
    private readonly registry: CallRegistry,
    private readonly port: SipCallPort,
    private readonly notify: ErrorNotifier,
    private readonly log: Logger,
  ) {}

  route(invite: InitialInvite): RouteDecision {
    const dialled = invite.requestUser || invite.toUser;
    const caller = invite.authenticatedUser ?? invite.fromUser;
    if (invite.replaces !== undefined) return this.replacing(invite);
    const agent = agentByDn(this.acd, caller);
    if (agent !== null) return this.fromAgent(agent, dialled, invite);
    if (queueByNumber(this.acd, dialled) !== undefined) return this.customerCall(invite.fromUser, dialled, invite);
    if (isOrgDn(this.acd, dialled)) {
      const transfer = this.transferTo(invite.fromUser, dialled, invite);
      return transfer ?? reject(403, 'Call A Queue');
    }
    return { kind: 'forward' };
  }

  private replacing(invite: InitialInvite): RouteDecision {
    const replaced = invite.replaces === undefined ? undefined : this.registry.call(invite.replaces.callId);
    if (replaced?.kind === 'consult') {
      const agent = this.acd.contact(replaced.contactId)?.consult?.consultedAgent ?? null;
      this.pendingReplaces.set(invite.callId, { contactId: replaced.contactId, agent });
    }
    return { kind: 'forward' };
  }

  /** A customer calling a queue (or arriving after a blind transfer). */
  private customerCall(from: string, to: string, invite: InitialInvite): RouteDecision {
    const result = this.acd.incomingCall({ from, to });
    if (!result.ok) {
      this.log.info('incoming call refused', { code: result.code });
      return result.code === 'unknown-number' ? reject(404, 'No Such Number') : reject(403, 'Refused');
    }
    const contactId = result.contactId;
    return this.hold((held) => {
      this.registry.bind(invite.callId, contactId, 'customer');
      held.onCallerCancel(() => this.acd.customerHungUp(contactId));
      if (this.acd.contact(contactId)?.state === 'queued') held.provisional(182, 'Queued');
      this.port.held(contactId, held);
    });
  }

  /** A blind transfer's REFERred call to an agent's DN: it continues its contact. */
  private transferTo(from: string, dn: string, invite: InitialInvite): RouteDecision | null {
    const pending = this.acd.activeContacts().find((c) => c.state === 'transferring' && c.customerNumber === from);
    if (pending === undefined) return null;
    const decision = this.customerCall(from, dn, invite);
    return decision.kind === 'hold' ? decision : null;
  }

  private fromAgent(agent: AgentView, dialled: string, invite: InitialInvite): RouteDecision {
    const contact = liveContactOf(this.acd, agent);
    if (contact !== null && contact.owner === agent.username) return this.duringContact(agent, contact, dialled, invite);
    if (contact !== null) return reject(403, 'Busy');
    if (queueByNumber(this.acd, dialled) !== undefined) return this.customerCall(invite.fromUser, dialled, invite);
    const other = agentByUser(this.acd, dialled);
    if (other !== null) return other.dn === dialled ? { kind: 'forward' } : { kind: 'forward-to', user: other.dn };
    if (isOrgDn(this.acd, dialled)) return { kind: 'forward' };
    return this.outdial(agent, dialled, invite);
  }

  /** The agent's softphone dials an outside number with no contact: an outdial (V7). */
  private outdial(agent: AgentView, dialled: string, invite: InitialInvite): RouteDecision {
    const result = this.acd.outdial(agent.sessionId, { number: dialled });
    if (!result.ok) return this.refuse(agent, result, undefined);
    return this.outdialCall(agent, result.contactId, result.number, invite);
  }

  private duringContact(agent: AgentView, contact: ContactView, dialled: string, invite: InitialInvite): RouteDecision {
    if (contact.state === 'outdial-reserved') {
      if (normalizeNumber(dialled) !== contact.customerNumber) return reject(403, 'Not The Outdial Number');
      return this.outdialCall(agent, contact.contactId, contact.customerNumber, invite);
    }
    const consult = contact.consult;
    if (consult !== null) {
      if (consult.state !== 'requested' || consult.dial === null) return reject(403, 'Consult Not Ready');
      const target = consult.consultedAgent === null ? null : this.acd.agent(consult.consultedAgent);
      const matches = dialled === consult.dial || (target !== null && dialled === target.username) || normalizeNumber(dialled) === consult.dial;
      if (!matches) return reject(403, 'Consult Elsewhere');
      return this.consultCall(agent, contact.contactId, consult.consultId, consult.dial, invite);
    }
    if (contact.state !== 'connected') return reject(403, 'Not Now');
    return this.startConsult(agent, contact, dialled, invite);
  }

  /** The softphone placed a consult the desktop did not ask for: ask the ACD now. */
  private startConsult(agent: AgentView, contact: ContactView, dialled: string, invite: InitialInvite): RouteDecision {
    if (queueByNumber(this.acd, dialled) !== undefined) return reject(403, 'Consult A Queue From The Desktop');
    const other = agentByUser(this.acd, dialled);
    if (other === null && isOrgDn(this.acd, dialled)) {
      this.notify(agent.username, { ...apiError('consult-failed', 'nobody is logged in on that DN'), contactId: contact.contactId });
      return reject(480, 'Consult Failed (14)');
    }
    const target = other !== null ? { kind: 'agent' as const, username: other.username } : { kind: 'dn' as const, number: dialled };
    const result = this.acd.requestConsult(agent.sessionId, contact.contactId, target);
    if (!result.ok) return this.refuse(agent, result, contact.contactId);
    if (result.dial === null) return reject(500, 'Consult Has No Number');
    return this.consultCall(agent, contact.contactId, result.consultId, result.dial, invite);
  }

  private consultCall(agent: AgentView, contactId: string, consultId: string, dial: string, invite: InitialInvite): RouteDecision {
    const timeoutMs = this.acd.org.timers.ronaSeconds * 1000;
    return this.hold((held) => {
      this.registry.bind(invite.callId, contactId, 'consult', agent.username);
      this.registry.of(contactId).consultHeld = held;
      const done = (): void => {
        const record = this.registry.peek(contactId);
        if (record?.consultHeld === held) record.consultHeld = null;
      };
      void held.forward(dial, { timeoutMs, headers: [`X-Contact-Id: ${contactId}`] }).then(
        (outcome) => {
          done();
          if (outcome.kind === 'answered') this.acd.consultAnswered(consultId);
          else if (outcome.kind === 'caller-cancelled') this.acd.endConsult(agent.sessionId, consultId);
          else {
            const status = outcome.kind === 'failed' ? outcome.status : 408;
            held.reject(status === 487 ? 487 : status, 'Consult Failed (14)');
            this.acd.consultFailed(consultId, status);
          }
        },
        (error: unknown) => {
          done();
          this.log.error('consult forward failed', { error: String(error) });
          held.reject(500, 'Consult Failed');
          this.acd.consultFailed(consultId, 500);
        },
      );
    });
  }

  private outdialCall(agent: AgentView, contactId: string, number: string, invite: InitialInvite): RouteDecision {
    return this.hold((held) => {
      this.registry.bind(invite.callId, contactId, 'customer', agent.username);
      void held.forward(number, { timeoutMs: OUTDIAL_RING_MS, headers: [`X-Contact-Id: ${contactId}`] }).then(
        (outcome) => {
          if (outcome.kind === 'answered') this.acd.outdialAnswered(contactId);
          else if (outcome.kind === 'caller-cancelled') this.acd.endCall(agent.sessionId, contactId);
          else {
            const status = outcome.kind === 'failed' ? outcome.status : 408;
            held.reject(status, 'Outdial Failed (20)');
            this.acd.outdialFailed(contactId, status);
          }
        },
        (error: unknown) => {
          this.log.error('outdial forward failed', { error: String(error) });
          held.reject(500, 'Outdial Failed');
          this.acd.outdialFailed(contactId, 500);
        },
      );
    });
  }

  /** An ACD refusal: a clear SIP status to the phone, the API error to the desktop. */
  private refuse(agent: AgentView, failure: AcdFailure, contactId: string | undefined): RouteDecision {
    const error = mapAcdError(failure.code, failure.message);
    this.notify(agent.username, { code: error.code, message: error.message, ...(contactId !== undefined ? { contactId } : {}) });
    if (failure.code === 'consult-failed') return reject(486, 'Busy Here (14)');
    if (failure.code === 'outdial-rejected') return reject(403, 'Outdial Rejected (21)');
    if (failure.code === 'outdial-failed') return reject(480, 'Outdial Failed (20)');
    return reject(403, `Refused (${failure.code})`);
  }

  private hold(onHeld: (held: HeldInvite) => void): RouteDecision {
    return {
      kind: 'hold',
      onHeld: (held) => {
        try {
          onHeld(held);
        } catch (error) {
          this.log.error('held call setup failed', { error: String(error) });
          held.reject(500, 'Routing Failed');
        }
      },
    };
  }
}

function reject(status: number, reason: string): RouteDecision {
  return { kind: 'reject', status, reason };
}

