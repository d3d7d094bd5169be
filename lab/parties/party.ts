import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  UserAgent,
  type LogLevel,
  type Referral,
  type SessionDescriptionHandlerFactory,
} from 'sip.js';
import { silentLogger, type Logger } from '../log';
import { CallMedia } from './call-media';
import { realClock, type Clock } from './clock';
import type { G711Codec } from './g711';
import { Hearing } from './hearing';
import { Pacer } from './pacer';
import { PartyCall } from './party-call';
import type { CallOptions, PartyOptions, PartyStats } from './party-options';
import { parseReplaces, replacesDialog } from './replaces';
import { Deferred, withTimeout } from './wait';
import { ensureWebSocketGlobal } from './websocket-global';
import { WeriftSessionDescriptionHandler } from './werift-sdh';

const STOP_TIMEOUT_MS = 2_000;
let processPacer: Pacer | null = null;

/** The 20 ms ticker every party of this process shares unless given one. */
export function sharedPacer(): Pacer {
  processPacer ??= new Pacer(realClock());
  return processPacer;
}

/**
 * A simulated person on the lab's phone network: a SIP.js user agent in
 * Node with real WebRTC audio (werift). It plays a known tone and listens,
 * so tests can prove who hears whom. Verbs act on the current call.
 */
export class Party {
  readonly user: string;
  private readonly ua: UserAgent;
  private readonly registerer: Registerer;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly hearing: Hearing;
  private readonly tone: readonly number[];
  private readonly all: PartyCall[] = [];
  private readonly handlers = new Set<WeriftSessionDescriptionHandler>();
  private readonly incomingHandlers = new Set<(call: PartyCall) => void>();
  private incomingWaiters: Deferred<PartyCall>[] = [];
  private currentCall: PartyCall | null = null;
  private closing: Promise<void> | null = null;

  constructor(private readonly options: PartyOptions) {
    ensureWebSocketGlobal();
    this.user = options.user;
    this.logger = options.logger ?? silentLogger();
    this.clock = options.clock ?? realClock();
    this.hearing = new Hearing({ clock: this.clock });
    const tone = options.toneHz === undefined ? [440] : options.toneHz;
    this.tone = tone === null ? [] : typeof tone === 'number' ? [tone] : [...tone];
    const domain = options.domain ?? new URL(options.serverUrl).hostname;
    const uri = UserAgent.makeURI(`sip:${options.user}@${domain}`);
    if (!uri) throw new Error('invalid party user or domain');
    this.ua = new UserAgent({
      uri,
      displayName: options.displayName,
      authorizationUsername: options.user,
      authorizationPassword: options.password,
      transportOptions: { server: options.serverUrl, connectionTimeout: 5 },
      userAgentString: 'Switchboard-Lab-Party',
      logBuiltinEnabled: false,
      logLevel: 'warn',
      logConnector: (level: LogLevel, category: string, _label: string | undefined, content: string) =>
        level === 'error' ? this.logger.error(`${category}: ${content}`) : this.logger.debug(`${category}: ${content}`),
      sessionDescriptionHandlerFactory: this.handlerFactory(options.codecs ?? ['PCMU', 'PCMA'], options.pacer ?? sharedPacer()),
      delegate: { onInvite: (invitation) => this.onInvite(invitation) },
    });
    this.registerer = new Registerer(this.ua, { expires: 300 });
  }

  /** The call the person is on (the latest one), or null. */
  get current(): PartyCall | null {
    return this.currentCall;
  }

  get calls(): readonly PartyCall[] {
    return this.all;
  }

  get registered(): boolean {
    return this.registerer.state === RegistererState.Registered;
  }

  /** Opens the WebSocket (done by `register` and `call` when needed). */
  async connect(): Promise<void> {
    if (this.closing) throw new Error('party closed');
    if (!this.ua.isConnected()) await this.ua.start();
  }

  async register(): Promise<void> {
    await this.connect();
    await new Promise<void>((resolve, reject) => {
      void this.registerer
        .register({
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new Error(`REGISTER refused: ${response.message.statusCode}`)),
          },
        })
        .catch(reject);
    });
  }

  async unregister(): Promise<void> {
    if (!this.registered) return;
    await new Promise<void>((resolve, reject) => {
      void this.registerer
        .unregister({
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new Error(`un-REGISTER refused: ${response.message.statusCode}`)),
          },
        })
        .catch(reject);
    });
  }

  /** Calls a user (`sales`), an AOR (`bob@host`) or a SIP URI; resolves once the INVITE is sent. */
  async call(target: string, options: CallOptions = {}): Promise<PartyCall> {
    await this.connect();
    const domain = this.ua.configuration.uri.host;
    const text = target.startsWith('sip:') ? target : target.includes('@') ? `sip:${target}` : `sip:${target}@${domain}`;
    const uri = UserAgent.makeURI(text);
    if (!uri) throw new Error('invalid call target');
    const call = this.track(new Inviter(this.ua, uri), true);
    await call.start(options.extraHeaders);
    return call;
  }

  /** Called for each new incoming call (not for Replaces, handled here). Returns an unsubscribe. */
  onIncoming(handler: (call: PartyCall) => void): () => void {
    this.incomingHandlers.add(handler);
    return () => this.incomingHandlers.delete(handler);
  }

  /** The next incoming call, or one already ringing. */
  waitForIncoming(timeoutMs: number): Promise<PartyCall> {
    const ringing = this.all.find((call) => call.direction === 'incoming' && call.state === 'ringing');
    if (ringing) return Promise.resolve(ringing);
    const waiter = new Deferred<PartyCall>();
    this.incomingWaiters.push(waiter);
    return withTimeout(waiter.promise, timeoutMs, this.clock, 'an incoming call').finally(() => {
      this.incomingWaiters = this.incomingWaiters.filter((w) => w !== waiter);
    });
  }

  /** Answers the oldest ringing call and makes it current. */
  async answer(): Promise<PartyCall> {
    const call = this.all.find((c) => c.direction === 'incoming' && c.state === 'ringing');
    if (!call) throw new Error('no ringing call');
    this.switchTo(call);
    await call.answer();
    return call;
  }

  async decline(statusCode = 486): Promise<void> {
    const call = this.all.find((c) => c.direction === 'incoming' && c.state === 'ringing');
    if (!call) throw new Error('no ringing call');
    await call.decline(statusCode);
  }

  hangup(): Promise<void> {
    return this.live().hangup();
  }

  hold(): Promise<void> {
    return this.live().hold();
  }

  resume(): Promise<void> {
    return this.live().resume();
  }

  sendDtmf(digits: string): Promise<void> {
    return this.live().sendDtmf(digits);
  }

  /** Whether the current call's audio holds `frequencyHz` right now. */
  hears(frequencyHz: number): boolean {
    return this.hearing.hears(frequencyHz);
  }

  waitForTone(frequencyHz: number, options: { timeoutMs?: number } = {}): Promise<void> {
    return this.hearing.waitForTone(frequencyHz, options.timeoutMs ?? 5_000);
  }

  /** Waits until `frequencyHz` (or, without one, any sound) is gone. */
  waitForSilence(options: { frequencyHz?: number; timeoutMs?: number } = {}): Promise<void> {
    return this.hearing.waitForSilence(options.frequencyHz, options.timeoutMs ?? 5_000);
  }

  /** Waits until the current call has received at least `count` RTP packets. */
  waitForReceived(count: number, options: { timeoutMs?: number } = {}): Promise<void> {
    const received = (): number => this.currentCall?.info().packetsReceived ?? 0;
    return this.hearing.waitFor(() => received() >= count, options.timeoutMs ?? 5_000, `${count} packets received`);
  }

  stats(): PartyStats {
    const calls = this.all.map((call) => call.info());
    return {
      user: this.user,
      registered: this.registered,
      packetsSent: calls.reduce((sum, c) => sum + c.packetsSent, 0),
      packetsReceived: calls.reduce((sum, c) => sum + c.packetsReceived, 0),
      calls,
    };
  }

  /** Hangs up, unregisters, disconnects and waits for werift to let go. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    for (const waiter of this.incomingWaiters) waiter.reject(new Error('party closed'));
    const live = this.all.filter((call) => call.state !== 'ended');
    await Promise.all(live.map((call) => bounded(call.hangup().then(() => call.ended), this.clock)));
    if (this.registered) await bounded(this.unregister(), this.clock);
    await bounded(this.ua.stop(), this.clock);
    for (const handler of this.handlers) handler.close();
    await Promise.all([...this.handlers].map((handler) => handler.closed));
    this.hearing.close();
  }

  private live(): PartyCall {
    const call = this.currentCall;
    if (!call || call.state === 'ended') throw new Error('no current call');
    return call;
  }

  private switchTo(call: PartyCall): void {
    if (this.currentCall === call) return;
    this.currentCall = call;
    this.hearing.reset();
  }

  private track(session: Inviter | Invitation, makeCurrent: boolean): PartyCall {
    const call = new PartyCall(session, { clock: this.clock, logger: this.logger, onRefer: (from, referral) => this.onRefer(from, referral) });
    this.all.push(call);
    if (makeCurrent || !this.currentCall || this.currentCall.state === 'ended') this.switchTo(call);
    return call;
  }

  private handlerFactory(codecs: readonly G711Codec[], pacer: Pacer): SessionDescriptionHandlerFactory {
    return (session) => {
      const media = new CallMedia({
        pacer,
        frequencies: () => this.tone,
        onAudio: (payload, codec) => {
          if (this.currentCall?.session === session) this.hearing.feed(payload, codec);
        },
      });
      const handler = new WeriftSessionDescriptionHandler({ codecs, media, logger: this.logger });
      this.handlers.add(handler);
      return handler;
    };
  }

  private onInvite(invitation: Invitation): void {
    if (this.closing) {
      void invitation.reject({ statusCode: 480 }).catch(() => undefined);
      return;
    }
    const replacesHeader = invitation.request.getHeader('replaces');
    if (replacesHeader !== undefined) {
      this.onReplacingInvite(invitation, replacesHeader);
      return;
    }
    const call = this.track(invitation, false);
    for (const waiter of this.incomingWaiters) waiter.resolve(call);
    this.incomingWaiters = [];
    for (const handler of this.incomingHandlers) {
      try {
        handler(call);
      } catch (error) {
        this.logger.warn('incoming-call handler failed', { error: String(error) });
      }
    }
  }

  /** RFC 3891: accept an INVITE that replaces a live call of ours, then end the old one. */
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
      .then(() => call.waitConnected(STOP_TIMEOUT_MS * 5))
      .then(() => old.hangup())
      .catch((error: unknown) => this.logger.warn('replacing call failed', { error: String(error) }));
  }

  /** RFC 3515 transferee: accept, call the Refer-To target (with its Replaces), make that call current. */
  private onRefer(from: PartyCall, referral: Referral): void {
    if (this.options.followRefer === false || this.closing) {
      void referral.reject().catch(() => undefined);
      return;
    }
    this.logger.debug('following REFER', { from: from.id });
    void referral
      .accept()
      .then(() => this.track(referral.makeInviter(), true).start())
      .catch((error: unknown) => this.logger.warn('transfer failed', { error: String(error) }));
  }
}

function bounded(work: Promise<unknown>, clock: Clock): Promise<unknown> {
  return withTimeout(work, STOP_TIMEOUT_MS, clock, 'party shutdown').catch(() => undefined);
}

/** A party, not yet connected: call `register()` or just `call()`. */
export function createParty(options: PartyOptions): Party {
  return new Party(options);
}
