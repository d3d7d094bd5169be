import { Inviter, Registerer, RegistererState, UserAgent, type LogLevel, type SessionDescriptionHandlerFactory, type URI } from 'sip.js';
import { silentLogger, type Logger } from '../log';
import { CallMedia } from './call-media';
import { realClock, type Clock } from './clock';
import type { G711Codec } from './g711';
import { Hearing } from './hearing';
import { Pacer } from './pacer';
import type { PartyCall } from './party-call';
import { PartyCalls } from './party-calls';
import type { CallOptions, PartyOptions, PartyStats } from './party-options';
import { withTimeout } from './wait';
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
  private readonly book: PartyCalls;
  private readonly handlers = new Set<WeriftSessionDescriptionHandler>();
  private closing: Promise<void> | null = null;

  constructor(private readonly options: PartyOptions) {
    ensureWebSocketGlobal();
    this.user = options.user;
    this.logger = options.logger ?? silentLogger();
    this.clock = options.clock ?? realClock();
    this.hearing = new Hearing({ clock: this.clock });
    this.book = new PartyCalls({
      clock: this.clock,
      logger: this.logger,
      followRefer: options.followRefer !== false,
      onCurrentChanged: () => this.hearing.reset(),
    });
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
      delegate: { onInvite: (invitation) => this.book.onInvite(invitation) },
    });
    this.registerer = new Registerer(this.ua, { expires: 300 });
  }

  /** The call the person is on (the latest one), or null. */
  get current(): PartyCall | null {
    return this.book.current;
  }

  get calls(): readonly PartyCall[] {
    return this.book.all;
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
    const uri = this.targetUri(target);
    const call = this.book.track(new Inviter(this.ua, uri, { extraHeaders: options.extraHeaders ?? [] }), true);
    try {
      await call.start();
    } catch (error) {
      // Never sent: end the session so the call reads as failed, not calling forever.
      await call.session.dispose().catch(() => undefined);
      throw error;
    }
    return call;
  }

  /** Called for each new incoming call (not for Replaces, handled here). Returns an unsubscribe. */
  onIncoming(handler: (call: PartyCall) => void): () => void {
    return this.book.onIncoming(handler);
  }

  /** The next incoming call, or one already ringing. */
  waitForIncoming(timeoutMs: number): Promise<PartyCall> {
    return this.book.waitForIncoming(timeoutMs);
  }

  /** The next call this party places because it was transferred (REFER). */
  waitForTransfer(timeoutMs: number): Promise<PartyCall> {
    return this.book.waitForTransfer(timeoutMs);
  }

  /**
   * Transfers a call (this party as transferor; the current one by
   * default): blind to a target, or attended to another call of ours
   * (Refer-To with Replaces). Resolves when the far end accepts (202).
   */
  async transfer(target: string | PartyCall, from: PartyCall = this.book.live()): Promise<void> {
    const to = typeof target === 'string' ? this.targetUri(target) : target.session;
    await new Promise<void>((resolve, reject) => {
      void from.session
        .refer(to, {
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new Error(`REFER refused: ${response.message.statusCode}`)),
          },
        })
        .catch(reject);
    });
  }

  /** Answers the oldest ringing call and makes it current. */
  async answer(): Promise<PartyCall> {
    const call = this.book.ringing();
    if (!call) throw new Error('no ringing call');
    this.book.switchTo(call);
    await call.answer();
    return call;
  }

  async decline(statusCode = 486): Promise<void> {
    const call = this.book.ringing();
    if (!call) throw new Error('no ringing call');
    await call.decline(statusCode);
  }

  hangup(): Promise<void> {
    return this.book.live().hangup();
  }

  hold(): Promise<void> {
    return this.book.live().hold();
  }

  resume(): Promise<void> {
    return this.book.live().resume();
  }

  sendDtmf(digits: string): Promise<void> {
    return this.book.live().sendDtmf(digits);
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
    const received = (): number => this.book.current?.info().packetsReceived ?? 0;
    return this.hearing.waitFor(() => received() >= count, options.timeoutMs ?? 5_000, `${count} packets received`);
  }

  stats(): PartyStats {
    const calls = this.book.all.map((call) => call.info());
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
    this.book.close();
    const live = this.book.all.filter((call) => call.state !== 'ended');
    await Promise.all(live.map((call) => bounded(call.hangup().then(() => call.ended), this.clock)));
    if (this.registered) await bounded(this.unregister(), this.clock);
    await bounded(this.ua.stop(), this.clock);
    for (const handler of this.handlers) handler.close();
    await Promise.all([...this.handlers].map((handler) => handler.closed));
    this.hearing.close();
  }

  private targetUri(target: string): URI {
    const domain = this.ua.configuration.uri.host;
    const text = target.startsWith('sip:') ? target : target.includes('@') ? `sip:${target}` : `sip:${target}@${domain}`;
    const uri = UserAgent.makeURI(text);
    if (!uri) throw new Error('invalid call target');
    return uri;
  }

  private handlerFactory(codecs: readonly G711Codec[], pacer: Pacer): SessionDescriptionHandlerFactory {
    return (session) => {
      const media = new CallMedia({
        pacer,
        frequencies: () => this.tone,
        onAudio: (payload, codec) => {
          if (this.book.current?.session === session) this.hearing.feed(payload, codec);
        },
      });
      const handler = new WeriftSessionDescriptionHandler({ codecs, media, logger: this.logger });
      this.handlers.add(handler);
      return handler;
    };
  }
}

function bounded(work: Promise<unknown>, clock: Clock): Promise<unknown> {
  return withTimeout(work, STOP_TIMEOUT_MS, clock, 'party shutdown').catch(() => undefined);
}

/** A party, not yet connected: call `register()` or just `call()`. */
export function createParty(options: PartyOptions): Party {
  return new Party(options);
}
