import type { Invitation, Inviter, Referral } from 'sip.js';
import type { Logger } from '../log';
import type { Clock } from './clock';
import { PartyCall } from './party-call';
import { parseReplaces, replacesDialog } from './replaces';
import { Deferred, withTimeout } from './wait';

export interface PartyCallsOptions {
  clock: Clock;
  logger: Logger;
  /** Follow incoming REFERs (transferee role). */
  followRefer: boolean;
  /** The current call changed: the party's ears follow it. */
  onCurrentChanged(call: PartyCall): void;
}

/**
 * The calls of one party: which one is current (the one the person is
 * listening to), incoming calls and who waits for them, and the transfer
 * roles — transferee (RFC 3515: accept REFER, call the Refer-To target with
 * its Replaces) and transfer target (RFC 3891: accept an INVITE that
 * replaces a live call, then hang that one up).
 */
export class PartyCalls {
  readonly all: PartyCall[] = [];
  private currentCall: PartyCall | null = null;
  private readonly incomingHandlers = new Set<(call: PartyCall) => void>();
  private incomingWaiters: Deferred<PartyCall>[] = [];
  private transferWaiters: Deferred<PartyCall>[] = [];
  private closed = false;

  constructor(private readonly options: PartyCallsOptions) {}

  get current(): PartyCall | null {
    return this.currentCall;
  }

  /** Wraps a new session; outgoing calls (and transfers) become current at once. */
  track(session: Inviter | Invitation, makeCurrent: boolean): PartyCall {
    const call = new PartyCall(session, {
      clock: this.options.clock,
      logger: this.options.logger,
      onRefer: (from, referral) => this.onRefer(from, referral),
    });
    this.all.push(call);
    if (makeCurrent || !this.currentCall || this.currentCall.state === 'ended') this.switchTo(call);
    return call;
  }

  switchTo(call: PartyCall): void {
    if (this.currentCall === call) return;
    this.currentCall = call;
    this.options.onCurrentChanged(call);
  }

  /** The current call if it is not over. */
  live(): PartyCall {
    const call = this.currentCall;
    if (!call || call.state === 'ended') throw new Error('no current call');
    return call;
  }

  /** The oldest incoming call still ringing. */
  ringing(): PartyCall | null {
    return this.all.find((c) => c.direction === 'incoming' && c.state === 'ringing') ?? null;
  }

  onIncoming(handler: (call: PartyCall) => void): () => void {
    this.incomingHandlers.add(handler);
    return () => this.incomingHandlers.delete(handler);
  }

  waitForIncoming(timeoutMs: number): Promise<PartyCall> {
    const ringing = this.ringing();
    if (ringing) return Promise.resolve(ringing);
    return this.waitIn('incomingWaiters', timeoutMs, 'an incoming call');
  }

  waitForTransfer(timeoutMs: number): Promise<PartyCall> {
    return this.waitIn('transferWaiters', timeoutMs, 'a transfer');
  }

  /** A new INVITE from the user agent. */
  onInvite(invitation: Invitation): void {
    if (this.closed) {
      void invitation.reject({ statusCode: 480 }).catch(() => undefined);
      return;
    }
    const replaces = invitation.request.getHeader('replaces');
    if (replaces !== undefined) {
      this.onReplacingInvite(invitation, replaces);
      return;
    }
    const call = this.track(invitation, false);
    this.settle('incomingWaiters', call);
    for (const handler of this.incomingHandlers) {
      try {
        handler(call);
      } catch (error) {
        this.options.logger.warn('incoming-call handler failed', { error: String(error) });
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const waiter of [...this.incomingWaiters, ...this.transferWaiters]) waiter.reject(new Error('party closed'));
    this.incomingWaiters = [];
    this.transferWaiters = [];
  }

  private onReplacingInvite(invitation: Invitation, header: string): void {
    const target = parseReplaces(header);
    const old = target && this.all.find((c) => c.state === 'connected' && c.session.dialog && replacesDialog(target, c.session.dialog));
    if (!old) {
      void invitation.reject({ statusCode: 481 }).catch(() => undefined);
      return;
    }
    const call = this.track(invitation, true);
    void call
      .answer()
      .then(() => call.waitConnected(10_000))
      .then(() => old.hangup())
      .catch((error: unknown) => this.options.logger.warn('replacing call failed', { error: String(error) }));
  }

  private onRefer(from: PartyCall, referral: Referral): void {
    if (!this.options.followRefer || this.closed) {
      void referral.reject().catch(() => undefined);
      return;
    }
    this.options.logger.debug('following REFER', { from: from.id });
    void referral
      .accept()
      .then(() => {
        const call = this.track(referral.makeInviter(), true);
        this.settle('transferWaiters', call);
        return call.start();
      })
      .catch((error: unknown) => this.options.logger.warn('transfer failed', { error: String(error) }));
  }

  private waitIn(list: 'incomingWaiters' | 'transferWaiters', timeoutMs: number, what: string): Promise<PartyCall> {
    if (this.closed) return Promise.reject(new Error('party closed'));
    const waiter = new Deferred<PartyCall>();
    this[list].push(waiter);
    return withTimeout(waiter.promise, timeoutMs, this.options.clock, what).finally(() => {
      this[list] = this[list].filter((w) => w !== waiter);
    });
  }

  private settle(list: 'incomingWaiters' | 'transferWaiters', call: PartyCall): void {
    for (const waiter of this[list]) waiter.resolve(call);
    this[list] = [];
  }
}
