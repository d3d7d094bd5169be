import type { Core, NameAddrHeader } from 'sip.js';
import type { ForwardOutcome } from './call-router';
import type { ClientTransaction } from './client-transactions';
import { prepareForward } from './forwarding';
import { newTag } from './ids';
import { hangUpLateAnswer } from './late-answer';
import type { ProxyContext } from './proxy-context';
import { buildAckForFailure, buildCancel, buildResponse } from './responses';
import type { ServerTransaction } from './server-transactions';
import type { SipConnection } from './sip-connection';
import type { OutgoingRequest, OutgoingResponse, SipResponse } from './sip-message';

/**
 * One INVITE the proxy is handling (initial or re-INVITE): the caller's
 * server transaction and at most one downstream branch at a time.
 *
 * Branch modes:
 * - `relay` (ordinary proxying): every response goes back to the caller;
 *   Timer C (`inviteTimeoutMs`) CANCELs a branch that never answers and
 *   tells the caller 408.
 * - `held` (the application owns the call): provisionals and a 2xx are
 *   relayed, failures are reported to the application instead, which then
 *   tries someone else or rejects.
 *
 * A CANCELled branch keeps its client transaction until its 487 (which we
 * ACK). A branch that answers after its outcome was decided is hung up.
 */

interface Branch {
  id: string;
  mode: 'relay' | 'held';
  forwarded: OutgoingRequest;
  connection: SipConnection;
  targetUser: string | undefined;
  tx?: ClientTransaction;
  provisionalSeen: boolean;
  cancelPending: boolean;
  cancelSent: boolean;
  /** Outcome already decided: only a late 2xx still matters (to hang it up). */
  detached: boolean;
  settled: boolean;
  timers: unknown[];
  resolve: (outcome: ForwardOutcome) => void;
}

export interface BranchTarget {
  connection: SipConnection;
  uri: string;
  user?: string;
}

export class InviteCall {
  /** To tag of responses the proxy itself sends on this call. */
  private readonly proxyTag = newTag();
  private active: Branch | undefined;
  private cancelled = false;
  private held = false;
  private readonly cancelCallbacks: Array<() => void> = [];

  constructor(
    private readonly ctx: ProxyContext,
    readonly tx: ServerTransaction,
  ) {
    tx.onCancel = () => this.callerCancelled();
    tx.onCallerGone = () => this.callerGone();
  }

  get request() {
    return this.tx.request;
  }

  get initial(): boolean {
    return !this.request.toTag;
  }

  /** The caller got a final response or gave up: nothing more may be started. */
  get over(): boolean {
    return this.tx.isFinal || this.cancelled;
  }

  get callerCancelledIt(): boolean {
    return this.cancelled;
  }

  get hasActiveBranch(): boolean {
    return this.active !== undefined;
  }

  /** From now on failures are reported to the application, not relayed. */
  markHeld(): void {
    this.held = true;
  }

  /** A response of the proxy's own to the caller. */
  respond(status: number, reason?: string, extra: string[] = []): void {
    if (this.tx.isFinal) return;
    // SIP.js drops a tagged 1xx without Contact; the early dialog it creates is never used.
    const contact = status > 100 && status < 200 ? [`Contact: <sip:${this.ctx.self.host}:${this.ctx.self.port};transport=ws>`] : [];
    this.tx.respond(buildResponse(this.request, status, reason, { toTag: this.proxyTag, extra: [...contact, ...extra] }));
  }

  /** Final failure to the caller; an active branch is CANCELled first. */
  reject(status: number, reason: string, extra?: string[]): void {
    if (this.over) return;
    const branch = this.active;
    if (branch) this.abandon(branch, { kind: 'failed', status: 487 });
    this.respond(status >= 300 && status <= 699 ? status : 500, reason, extra);
  }

  onCallerCancel(callback: () => void): void {
    this.cancelCallbacks.push(callback);
  }

  /** Held calls: CANCELs the ringing branch (its `forward` resolves `failed` 487), the caller keeps waiting. */
  stopRinging(): boolean {
    const branch = this.active;
    if (branch === undefined || this.over) return false;
    this.abandon(branch, { kind: 'failed', status: 487 });
    return true;
  }

  /** Starts a branch; resolves with its outcome. Callers check `over`/`hasActiveBranch` first. */
  forward(target: BranchTarget, timeoutMs: number, extraHeaders?: string[]): Promise<ForwardOutcome> {
    const { request: forwarded, branch: id } = prepareForward(this.request, this.ctx.self, {
      uri: target.uri,
      recordRoute: this.initial,
      extraHeaders,
    });
    return new Promise<ForwardOutcome>((resolve) => {
      const branch: Branch = {
        id,
        mode: this.held ? 'held' : 'relay',
        forwarded,
        connection: target.connection,
        targetUser: target.user,
        provisionalSeen: false,
        cancelPending: false,
        cancelSent: false,
        detached: false,
        settled: false,
        timers: [],
        resolve,
      };
      this.active = branch;
      branch.timers.push(this.ctx.clock.setTimeout(() => this.onTimeout(branch), timeoutMs));
      branch.tx = this.ctx.clients.send(target.connection, forwarded, id, {
        onResponse: (response) => this.onResponse(branch, response),
        onLost: () => this.onLost(branch),
      });
    });
  }

  private onResponse(branch: Branch, response: SipResponse): void {
    if (response.status < 200) {
      branch.provisionalSeen = true;
      if (branch.cancelPending) this.sendCancel(branch);
      if (response.status > 100 && !branch.detached && !this.tx.isFinal) this.tx.respond(relayed(response));
      return;
    }
    if (response.status < 300) {
      if (branch.detached || this.tx.isFinal) {
        this.ctx.logger.info('late answer hung up', { callId: response.callId });
        const { clients, self, timings } = this.ctx;
        hangUpLateAnswer(response, branch.forwarded, branch.connection, clients, self, timings.nonInviteTimeoutMs);
        this.settle(branch, { kind: 'caller-cancelled' });
        return;
      }
      this.tx.respond(relayed(response));
      if (this.initial) {
        this.ctx.dialogs.established({
          callId: this.request.callId,
          fromUser: this.request.from.uri.user ?? '',
          toUser: this.request.to.uri.user ?? '',
          fromTag: this.request.fromTag ?? '',
          toTag: response.toTag ?? '',
          callerConnection: this.tx.connection.id,
          calleeConnection: branch.connection.id,
          fromHeader: this.request.headers.first('From') ?? '',
          toHeader: response.headers.first('To') ?? '',
          callerTarget: contactUri(this.request.parsed) ?? this.request.ruri.toString(),
          calleeTarget: contactUri(response.parsed) ?? branch.forwarded.uri,
          callerCSeq: this.request.cseq,
          ...(branch.targetUser !== undefined ? { targetUser: branch.targetUser } : {}),
        });
      }
      this.settle(branch, { kind: 'answered' });
      return;
    }
    branch.connection.send(buildAckForFailure(branch.forwarded, response));
    if (branch.detached) return;
    if (branch.mode === 'relay') this.tx.respond(relayed(response));
    this.settle(branch, { kind: 'failed', status: response.status });
  }

  private onLost(branch: Branch): void {
    if (branch.detached) return;
    if (branch.mode === 'relay') this.respond(480, 'Callee Connection Lost');
    this.settle(branch, { kind: 'failed', status: 480 });
  }

  private onTimeout(branch: Branch): void {
    if (branch.detached || branch.settled) return;
    this.abandon(branch, { kind: 'timeout' });
    if (branch.mode === 'relay') this.respond(408, 'No Answer');
  }

  /** The caller CANCELled (its CANCEL already got 200). */
  private callerCancelled(): void {
    if (this.over) return;
    this.cancelled = true;
    const branch = this.active;
    if (this.held || !branch) {
      if (branch) this.abandon(branch, { kind: 'caller-cancelled' });
      this.tx.respond(buildResponse(this.request, 487, undefined, { toTag: this.proxyTag }));
      this.fireCancelCallbacks();
      return;
    }
    // Ordinary proxying: the callee answers 487, which we relay; unless it never does.
    this.cancelBranch(branch);
    branch.timers.push(
      this.ctx.clock.setTimeout(() => {
        if (this.tx.isFinal) return;
        this.abandon(branch, { kind: 'caller-cancelled' });
        this.tx.respond(buildResponse(this.request, 487, undefined, { toTag: this.proxyTag }));
      }, this.ctx.timings.cancelGuardMs),
    );
  }

  /** The caller's connection closed before a final response. */
  private callerGone(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    if (this.active) this.abandon(this.active, { kind: 'caller-cancelled' });
    this.fireCancelCallbacks();
  }

  /** CANCELs a branch and reports `outcome` now; its 487 (or late 2xx) is handled when it comes. */
  private abandon(branch: Branch, outcome: ForwardOutcome): void {
    this.cancelBranch(branch);
    branch.detached = true;
    this.settle(branch, outcome);
  }

  private cancelBranch(branch: Branch): void {
    if (branch.cancelSent) return;
    if (branch.provisionalSeen) this.sendCancel(branch);
    else branch.cancelPending = true; // RFC 3261 9.1: not before a provisional response
  }

  private sendCancel(branch: Branch): void {
    if (branch.cancelSent) return;
    branch.cancelPending = false;
    branch.cancelSent = true;
    const cancel = buildCancel(branch.forwarded);
    this.ctx.clients.send(
      branch.connection,
      cancel,
      branch.id,
      { onResponse: () => undefined },
      this.ctx.timings.nonInviteTimeoutMs,
    );
  }

  private settle(branch: Branch, outcome: ForwardOutcome): void {
    if (this.active === branch) this.active = undefined;
    if (branch.settled) return;
    branch.settled = true;
    for (const timer of branch.timers) this.ctx.clock.clearTimeout(timer);
    branch.resolve(outcome);
  }

  private fireCancelCallbacks(): void {
    for (const callback of this.cancelCallbacks.splice(0)) {
      try {
        callback();
      } catch (error) {
        this.ctx.logger.error('caller-cancel callback threw', { error: String(error) });
      }
    }
  }
}

/** The URI of a message's first Contact, if it has one. */
function contactUri(message: Core.IncomingMessage): string | undefined {
  const contact = message.parseHeader('contact') as NameAddrHeader | undefined;
  return contact?.uri?.toString();
}

/** A downstream response as it goes upstream (our Via is already gone). */
function relayed(response: SipResponse): OutgoingResponse {
  return { status: response.status, reason: response.reason, headers: response.headers, body: response.body };
}
