import { Inviter, Invitation, SessionState, type Info, type Referral, type Session } from 'sip.js';
import type { Logger } from '../log';
import type { MediaCounters } from './call-media';
import type { Clock } from './clock';
import { parseDtmfInfo } from './dtmf-info';
import { Deferred, withTimeout } from './wait';
import { WeriftSessionDescriptionHandler } from './werift-sdh';

/** A call as the simulated person sees it. */
export type PartyCallState = 'calling' | 'ringing' | 'connected' | 'ended';
/** How it ended: answered and hung up, refused, abandoned by us, missed (caller gave up), failed. */
export type PartyCallOutcome = 'answered' | 'rejected' | 'cancelled' | 'missed' | 'failed';

export interface PartyCallInfo {
  id: string;
  direction: 'outgoing' | 'incoming';
  state: PartyCallState;
  outcome: PartyCallOutcome | null;
  /** Final SIP status of a refused outgoing call. */
  status: number | null;
  endedBy: 'local' | 'remote' | null;
  onHold: boolean;
  /** User part of the far end (From for incoming, the target for outgoing). */
  remoteUser: string | null;
  dtmfReceived: string;
  packetsSent: number;
  packetsReceived: number;
  codec: MediaCounters['codec'];
  /** Negotiated media direction from this side (`recvonly` while the far end holds). */
  mediaDirection: MediaCounters['direction'];
}

export interface PartyCallDeps {
  clock: Clock;
  logger: Logger;
  onRefer(call: PartyCall, referral: Referral): void;
}

/**
 * One SIP session of a party: its state in the person's words, outcome,
 * hold, DTMF by SIP INFO, media counters. Re-INVITEs are serialised: SIP.js
 * refuses a second one while the first is pending.
 */
export class PartyCall {
  private currentState: PartyCallState;
  private outcome: PartyCallOutcome | null = null;
  private status: number | null = null;
  private endedBy: 'local' | 'remote' | null = null;
  private held = false;
  private dtmf = '';
  private readonly established = new Deferred<void>();
  private readonly finished = new Deferred<PartyCallInfo>();
  private reinvites: Promise<void> = Promise.resolve();
  private localEnd = false;

  constructor(
    readonly session: Session,
    private readonly deps: PartyCallDeps,
  ) {
    this.currentState = session instanceof Invitation ? 'ringing' : 'calling';
    session.delegate = {
      onInfo: (info) => this.onInfo(info),
      onRefer: (referral) => deps.onRefer(this, referral),
    };
    session.stateChange.addListener((state) => this.onSessionState(state));
  }

  get id(): string {
    return this.session.id;
  }

  get direction(): 'outgoing' | 'incoming' {
    return this.session instanceof Invitation ? 'incoming' : 'outgoing';
  }

  get state(): PartyCallState {
    return this.currentState;
  }

  /** Header of the incoming INVITE (e.g. `X-Queue`), or null. */
  header(name: string): string | null {
    return this.session instanceof Invitation ? (this.session.request.getHeader(name) ?? null) : null;
  }

  /** Sends the INVITE of an outgoing call. */
  async start(): Promise<void> {
    if (!(this.session instanceof Inviter)) throw new Error('not an outgoing call');
    await this.session.invite({
      requestDelegate: {
        onReject: (response) => {
          this.status = response.message.statusCode ?? null;
        },
      },
    });
  }

  async answer(): Promise<void> {
    if (!(this.session instanceof Invitation) || this.currentState !== 'ringing') throw new Error('no ringing call to answer');
    await this.session.accept();
  }

  async decline(statusCode = 486): Promise<void> {
    if (!(this.session instanceof Invitation) || this.currentState !== 'ringing') throw new Error('no ringing call to decline');
    this.localEnd = true;
    await this.session.reject({ statusCode });
  }

  /** Ends the call whatever its stage: CANCEL, reject or BYE. */
  async hangup(): Promise<void> {
    this.localEnd = true;
    const session = this.session;
    if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Inviter && session.state !== SessionState.Terminated) await session.cancel();
    else if (session instanceof Invitation && this.currentState === 'ringing') await session.reject({ statusCode: 486 });
  }

  hold(): Promise<void> {
    return this.reinvite(true);
  }

  resume(): Promise<void> {
    return this.reinvite(false);
  }

  /** DTMF as SIP INFO (application/dtmf-relay), one request per digit. */
  async sendDtmf(digits: string): Promise<void> {
    if (!/^[0-9A-D*#]{1,32}$/.test(digits)) throw new Error('invalid DTMF digits');
    for (const digit of digits) {
      await this.session.info({
        requestOptions: {
          body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=160\r\n` },
        },
      });
    }
  }

  waitConnected(timeoutMs: number): Promise<void> {
    return withTimeout(this.established.promise, timeoutMs, this.deps.clock, 'the call to connect');
  }

  waitEnded(timeoutMs: number): Promise<PartyCallInfo> {
    return withTimeout(this.finished.promise, timeoutMs, this.deps.clock, 'the call to end');
  }

  /** Resolves with the final info once the call is over (never rejects). */
  get ended(): Promise<PartyCallInfo> {
    return this.finished.promise;
  }

  get handler(): WeriftSessionDescriptionHandler | null {
    const sdh = this.session.sessionDescriptionHandler;
    return sdh instanceof WeriftSessionDescriptionHandler ? sdh : null;
  }

  info(): PartyCallInfo {
    const counters = this.handler?.counters ?? { packetsSent: 0, packetsReceived: 0, codec: null, direction: null };
    return {
      id: this.id,
      direction: this.direction,
      state: this.currentState,
      outcome: this.outcome,
      status: this.status,
      endedBy: this.endedBy,
      onHold: this.held,
      remoteUser: this.remoteUser(),
      dtmfReceived: this.dtmf,
      packetsSent: counters.packetsSent,
      packetsReceived: counters.packetsReceived,
      codec: counters.codec,
      mediaDirection: counters.direction,
    };
  }

  private remoteUser(): string | null {
    if (this.session instanceof Invitation) return this.session.remoteIdentity.uri.user ?? null;
    if (this.session instanceof Inviter) return this.session.request.ruri.user ?? null;
    return null;
  }

  private reinvite(hold: boolean): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.session.state !== SessionState.Established) throw new Error('call is not connected');
      await new Promise<void>((resolve, reject) => {
        this.session
          .invite({
            sessionDescriptionHandlerOptions: { hold } as object,
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (response) => reject(new Error(`re-INVITE refused: ${response.message.statusCode}`)),
            },
          })
          .catch(reject);
      });
      this.held = hold;
    };
    const next = this.reinvites.then(run, run);
    this.reinvites = next.catch(() => undefined);
    return next;
  }

  private onInfo(info: Info): void {
    const digit = parseDtmfInfo(info.request.getHeader('content-type'), info.request.body);
    if (digit === null) {
      void info.reject({ statusCode: 415 }).catch(() => undefined);
      return;
    }
    this.dtmf += digit;
    void info.accept().catch(() => undefined);
  }

  private onSessionState(state: SessionState): void {
    if (state === SessionState.Established) {
      this.currentState = 'connected';
      this.established.resolve();
      return;
    }
    if (state !== SessionState.Terminated) return;
    // SIP.js terminates before it hands us the rejecting response: settle
    // once its synchronous delivery of that response is over.
    const wasConnected = this.currentState === 'connected';
    queueMicrotask(() => this.finish(wasConnected));
  }

  private finish(wasConnected: boolean): void {
    this.currentState = 'ended';
    this.endedBy = this.localEnd ? 'local' : 'remote';
    if (wasConnected) this.outcome = 'answered';
    else if (this.direction === 'outgoing') this.outcome = this.localEnd ? 'cancelled' : this.status !== null ? 'rejected' : 'failed';
    else this.outcome = this.localEnd ? 'rejected' : 'missed';
    this.established.reject(new Error(`call ended without connecting (${this.outcome})`));
    this.deps.logger.debug('call ended', { outcome: this.outcome, endedBy: this.endedBy, status: this.status });
    this.finished.resolve(this.info());
  }
}
