import { silentLogger, type Logger } from '../log';
import { agentView, directory, flushAgentEvents } from './agents';
import { getCad, setCad } from './cad';
import { contactView, queuedIn } from './contact-model';
import { confirmConsult, conference, consultAnswered, consultFailed, endConsult, requestConsult } from './consult';
import { customerHungUp, endCall, incomingCall, type IncomingCallInput } from './contacts';
import type { AcdClock } from './clock';
import type { AcdListener, DirectoryEntry } from './events';
import type { OrgConfig } from './org-schema';
import { outdial, outdialAnswered, outdialFailed, type OutdialInput } from './outdial';
import { nullCallPort, type AcdCallPort } from './ports';
import { pauseRecording, resumeRecording } from './recording';
import { acceptOffer, declineOffer, offerAnswered, offerFailed, offerTimedOut, route } from './routing';
import {
  expirePassword,
  forceLogout,
  lockAccount,
  login,
  logout,
  setState,
  unlockAccount,
  type LoginInput,
} from './sessions';
import { AcdCore, type AgentRecord } from './state';
import type { AgentStatsView, QueueStatsView } from './stats';
import { transfer } from './transfer';
import {
  failure,
  type AcdResult,
  type AgentView,
  type ConsultTarget,
  type ContactView,
  type TransferTarget,
  type WrapUpRecord,
} from './types';
import { cancelAutoWrapUp, savedCad, submitWrapUp, type WrapUpInput } from './wrap-up';

export interface AcdOptions {
  org: OrgConfig;
  clock: AcdClock;
  calls?: AcdCallPort;
  log?: Logger;
  /**
   * Let the call layer's own ring timeout report RONA first (`offerTimedOut`)
   * and keep the ACD's timer as a backstop this much later. Default 0.
   */
  offerTimerGraceMs?: number;
}

/**
 * The lab's ACD: pure logic behind three doors.
 * - Agent commands take the `sessionId` from `login` (a forced-out session
 *   is refused with `not-logged-in`).
 * - Call-layer inputs (`incomingCall`, `offerAnswered`, …) report SIP facts.
 * - Events (`on`) carry everything the agent API pushes.
 * Every method returns a result and never throws; each runs to completion
 * before routing, events and port calls happen.
 */
export class Acd {
  private readonly core: AcdCore;
  private delivering = false;

  constructor(options: AcdOptions) {
    this.core = new AcdCore({
      org: options.org,
      clock: options.clock,
      calls: options.calls ?? nullCallPort(),
      log: options.log ?? silentLogger(),
      offerTimerGraceMs: options.offerTimerGraceMs,
    });
    this.core.step = (fn) => {
      this.run('timer', () => {
        fn();
        return { ok: true };
      });
    };
  }

  get org(): OrgConfig {
    return this.core.org;
  }

  /** Subscribe to events; returns the unsubscribe function. */
  on(listener: AcdListener): () => void {
    this.core.listeners.add(listener);
    return () => this.core.listeners.delete(listener);
  }

  // ── Sessions and agent state ───────────────────────────────────────────
  login(input: LoginInput) {
    return this.run('login', () => login(this.core, input));
  }
  logout(sessionId: string) {
    return this.asAgent('logout', sessionId, (agent) => logout(this.core, agent));
  }
  setState(sessionId: string, input: { availability: 'available' | 'idle'; idleReason?: string }) {
    return this.asAgent('setState', sessionId, (agent) => setState(this.core, agent, input));
  }
  forceLogout(username: string, reason: string) {
    return this.run('forceLogout', () => forceLogout(this.core, username, reason));
  }
  lockAccount(username: string) {
    return this.run('lockAccount', () => lockAccount(this.core, username));
  }
  unlockAccount(username: string) {
    return this.run('unlockAccount', () => unlockAccount(this.core, username));
  }
  expirePassword(username: string) {
    return this.run('expirePassword', () => expirePassword(this.core, username));
  }

  // ── Call-layer inputs ───────────────────────────────────────────────────
  incomingCall(input: IncomingCallInput) {
    return this.run('incomingCall', () => incomingCall(this.core, input));
  }
  offerAnswered(offerId: string) {
    return this.run('offerAnswered', () => offerAnswered(this.core, offerId));
  }
  offerFailed(offerId: string, status: number) {
    return this.run('offerFailed', () => offerFailed(this.core, offerId, status));
  }
  offerTimedOut(offerId: string) {
    return this.run('offerTimedOut', () => offerTimedOut(this.core, offerId));
  }
  customerHungUp(contactId: string) {
    return this.run('customerHungUp', () => customerHungUp(this.core, contactId));
  }
  consultAnswered(consultId: string) {
    return this.run('consultAnswered', () => consultAnswered(this.core, consultId));
  }
  consultFailed(consultId: string, status?: number) {
    return this.run('consultFailed', () => consultFailed(this.core, consultId, status));
  }
  outdialAnswered(contactId: string) {
    return this.run('outdialAnswered', () => outdialAnswered(this.core, contactId));
  }
  outdialFailed(contactId: string, status?: number) {
    return this.run('outdialFailed', () => outdialFailed(this.core, contactId, status));
  }

  // ── Agent commands on contacts ──────────────────────────────────────────
  /** Accept from the desktop (offer id or contact id). In the lab the softphone answering is `offerAnswered`. */
  acceptOffer(sessionId: string, offerId: string) {
    return this.asAgent('acceptOffer', sessionId, (a) => acceptOffer(this.core, a.config.username, offerId));
  }
  /** Decline (offer id or contact id): like RONA (A2). */
  declineOffer(sessionId: string, offerId: string) {
    return this.asAgent('declineOffer', sessionId, (a) => declineOffer(this.core, a.config.username, offerId));
  }
  endCall(sessionId: string, contactId: string) {
    return this.asAgent('endCall', sessionId, (a) => endCall(this.core, a, contactId));
  }
  requestConsult(sessionId: string, contactId: string, target: ConsultTarget) {
    return this.asAgent('requestConsult', sessionId, (a) => requestConsult(this.core, a, contactId, target));
  }
  confirmConsult(sessionId: string, consultId: string) {
    return this.asAgent('confirmConsult', sessionId, (a) => confirmConsult(this.core, a, consultId));
  }
  endConsult(sessionId: string, consultId: string) {
    return this.asAgent('endConsult', sessionId, (a) => endConsult(this.core, a, consultId));
  }
  conference(sessionId: string, contactId: string) {
    return this.asAgent('conference', sessionId, (a) => conference(this.core, a, contactId));
  }
  transfer(sessionId: string, contactId: string, target: TransferTarget) {
    return this.asAgent('transfer', sessionId, (a) => transfer(this.core, a, contactId, target));
  }
  outdial(sessionId: string, input: OutdialInput) {
    return this.asAgent('outdial', sessionId, (a) => outdial(this.core, a, input));
  }
  submitWrapUp(sessionId: string, input: WrapUpInput) {
    return this.asAgent('submitWrapUp', sessionId, (a) => submitWrapUp(this.core, a, input));
  }
  cancelAutoWrapUp(sessionId: string, contactId: string) {
    return this.asAgent('cancelAutoWrapUp', sessionId, (a) => cancelAutoWrapUp(this.core, a, contactId));
  }
  getCad(sessionId: string, contactId: string) {
    return this.asAgent('getCad', sessionId, (a) => getCad(this.core, a, contactId));
  }
  setCad(sessionId: string, contactId: string, values: Record<string, string>) {
    return this.asAgent('setCad', sessionId, (a) => setCad(this.core, a, contactId, values));
  }
  pauseRecording(sessionId: string, contactId: string) {
    return this.asAgent('pauseRecording', sessionId, (a) => pauseRecording(this.core, a, contactId));
  }
  resumeRecording(sessionId: string, contactId: string) {
    return this.asAgent('resumeRecording', sessionId, (a) => resumeRecording(this.core, a, contactId));
  }

  // ── Queries (copies; safe to keep) ──────────────────────────────────────
  agent(username: string): AgentView | null {
    const agent = this.core.agents.get(username);
    return agent?.session == null ? null : agentView(agent, agent.session);
  }
  agentBySession(sessionId: string): AgentView | null {
    const agent = this.core.agentBySession(sessionId);
    return agent?.session == null ? null : agentView(agent, agent.session);
  }
  directory(): DirectoryEntry[] {
    return directory(this.core);
  }
  contact(contactId: string): ContactView | null {
    const contact = this.core.contacts.get(contactId);
    return contact === undefined ? null : contactView(contact);
  }
  /** Contacts not yet ended, oldest first. */
  activeContacts(): ContactView[] {
    return [...this.core.contacts.values()].filter((c) => c.state !== 'ended').map(contactView);
  }
  /** Contact ids waiting in a queue, in the order they will be offered. */
  queueContents(queueId: string): string[] {
    return queuedIn(this.core, queueId).map((c) => c.id);
  }
  wrapUpRecords(filter: { contactId?: string; username?: string } = {}): WrapUpRecord[] {
    return this.core.wrapUps
      .filter((r) => (filter.contactId ?? r.contactId) === r.contactId && (filter.username ?? r.username) === r.username)
      .map((r) => ({ ...r, cad: { ...r.cad } }));
  }
  /** CAD as saved: the last wrap-up's values (V10), null before any wrap-up. */
  savedCad(contactId: string): Record<string, string> | null {
    return savedCad(this.core, contactId);
  }
  queueStats(queueId: string): QueueStatsView | null {
    if (this.core.queue(queueId) === undefined) return null;
    const waiting = queuedIn(this.core, queueId).map((c) => c.enqueuedAt);
    return this.core.stats.queueView(queueId, waiting, this.core.now());
  }
  agentStats(username: string): AgentStatsView | null {
    if (!this.core.agents.has(username)) return null;
    return this.core.stats.agentView(username, this.core.now());
  }

  // ── Plumbing ────────────────────────────────────────────────────────────
  private asAgent<T extends object>(name: string, sessionId: string, fn: (agent: AgentRecord) => AcdResult<T>): AcdResult<T> {
    return this.run(name, () => {
      const agent = this.core.agentBySession(sessionId);
      if (agent === null) return failure('not-logged-in', 'unknown or ended session');
      return fn(agent);
    });
  }

  private run<T extends object>(name: string, fn: () => AcdResult<T>): AcdResult<T> {
    const core = this.core;
    core.depth += 1;
    let result: AcdResult<T>;
    try {
      result = fn();
    } catch (error) {
      core.log.error('ACD command failed', { command: name, error: String(error) });
      result = failure('internal', `${name} failed`);
    } finally {
      core.depth -= 1;
    }
    if (core.depth === 0) this.settle();
    if (!result.ok) core.log.debug('ACD command refused', { command: name, code: result.code });
    return result;
  }

  /** Route, derive state events, then deliver events and port calls in order. */
  private settle(): void {
    const core = this.core;
    try {
      route(core);
      flushAgentEvents(core);
      for (const id of core.dirtyContacts) {
        const contact = core.contacts.get(id);
        if (contact !== undefined) core.emit({ type: 'contact-state', contact: contactView(contact) });
      }
      core.dirtyContacts.clear();
      for (const queueId of core.dirtyQueues) {
        const stats = this.queueStats(queueId);
        if (stats !== null) core.emit({ type: 'queue-stats', stats });
      }
      core.dirtyQueues.clear();
    } catch (error) {
      core.log.error('ACD settle failed', { error: String(error) });
    }
    // Deliver in order; a listener or port calling back in only appends to
    // the outbox this loop is draining, so events never arrive out of order.
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let batch = core.takeOutbox(); batch.length > 0; batch = core.takeOutbox()) {
        for (const deliver of batch) deliver();
      }
    } finally {
      this.delivering = false;
    }
  }
}
