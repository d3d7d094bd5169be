import {
  EmitterImpl,
  TransportState,
  UserAgent,
  UserAgentState,
  type BodyAndContentType,
  type Emitter,
  type SessionDescriptionHandler,
  type SessionDescriptionHandlerOptions,
  type Transport,
  type UserAgentOptions,
} from 'sip.js';

/**
 * An in-memory SIP network for SIP.js 0.21 user agents: each UA gets a
 * `MemoryTransport` (SIP.js's `Transport` interface, no sockets), and a tiny
 * router delivers what one UA sends to another, the way a stateless proxy
 * without registration would:
 *
 * - a request goes to the UA whose user part matches the Request-URI's
 *   (`sip:1002@lab.test` and the contact `sip:1002@….invalid` alike: every
 *   UA made here has its user as `contactName`);
 * - a response goes back along the top Via, to the UA that sent a request
 *   with that Via host (SIP.js gives each UA its own random Via host).
 *
 * A request for a user nobody is connected as gets a 404/480 from the
 * "proxy" itself, so no transaction waits for a timer. Delivery is
 * asynchronous (a macrotask per message, in send order), and tests may drop
 * or hold back messages to a UA. Everything delivered is kept, parsed, for
 * assertions; `waitFor` resolves once a matching message has been handled by
 * its receiver.
 */

/** A SIP message as the tests look at it (header names lower case). */
export interface SipMessage {
  /** Position in `delivered` (or in `dropped`). */
  seq: number;
  /** Ticks of one clock shared by all sends and deliveries: orders "sent after that arrived". */
  sentAt: number;
  /** When the receiver handled it; null if it never did. */
  deliveredAt: number | null;
  /** User of the UA that sent it ('proxy' for the router's own responses). */
  from: string;
  /** User of the UA it was (or was to be) delivered to. */
  to: string;
  raw: string;
  isRequest: boolean;
  /** The request method, or for a response the method in CSeq. */
  method: string;
  /** Status code of a response, else null. */
  status: number | null;
  reason: string;
  /** Request-URI of a request, else ''. */
  ruri: string;
  headers: Record<string, string[]>;
  body: string;
  callId: string;
  cseq: number;
  /** First value of a header (case-insensitive name), or undefined. */
  header(name: string): string | undefined;
}

export type ParsedSip = Omit<SipMessage, 'seq' | 'from' | 'to' | 'sentAt' | 'deliveredAt'>;

export type SipPredicate = (message: SipMessage) => boolean;

export interface MemoryTransportOptions {
  network: SipMemoryNetwork;
  user: string;
}

/** Parses a SIP message far enough for routing and assertions. */
export function parseSip(raw: string): ParsedSip {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const [startLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  const header = (name: string): string | undefined => headers[name.toLowerCase()]?.[0];
  const [cseqNumber = '0', cseqMethod = ''] = (header('cseq') ?? '').split(/\s+/);
  const response = /^SIP\/2\.0\s+(\d{3})\s*(.*)$/.exec(startLine);
  const request = /^([A-Z]+)\s+(\S+)\s+SIP\/2\.0$/.exec(startLine);
  return {
    raw,
    isRequest: !response,
    method: response ? cseqMethod : (request?.[1] ?? ''),
    status: response ? Number(response[1]) : null,
    reason: response?.[2] ?? '',
    ruri: request?.[2] ?? '',
    headers,
    body,
    callId: header('call-id') ?? '',
    cseq: Number(cseqNumber),
    header,
  };
}

/** `sip:1002@host;params` → `1002`. */
function userOf(uri: string): string | null {
  return /^<?sips?:([^@;?>]+)@/i.exec(uri.trim())?.[1] ?? null;
}

/** `SIP/2.0/WS abc.invalid;branch=…` → `abc.invalid`. */
function viaHost(via: string | undefined): string | null {
  return /^SIP\/2\.0\/\S+\s+([^;:\s]+)/i.exec(via ?? '')?.[1] ?? null;
}

/**
 * SIP.js's transport, in memory. Follows the state machine of
 * `lib/api/transport.d.ts`: Disconnected → Connecting → Connected →
 * Disconnecting → Disconnected, `onConnect` on entering Connected,
 * `onDisconnect` on leaving it (with an error only when the network, not the
 * UA, ended the connection).
 */
export class MemoryTransport implements Transport {
  readonly protocol = 'WS';
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  readonly user: string;
  private _state: TransportState = TransportState.Disconnected;
  private readonly emitter = new EmitterImpl<TransportState>();
  private readonly network: SipMemoryNetwork;

  constructor(_logger: unknown, options: MemoryTransportOptions) {
    if (!options?.network || !options.user) throw new Error('MemoryTransport needs { network, user }');
    this.network = options.network;
    this.user = options.user;
  }

  get state(): TransportState {
    return this._state;
  }

  get stateChange(): Emitter<TransportState> {
    return this.emitter;
  }

  isConnected(): boolean {
    return this._state === TransportState.Connected;
  }

  connect(): Promise<void> {
    if (this._state === TransportState.Connected) return Promise.resolve();
    if (this._state !== TransportState.Connecting) this.transition(TransportState.Connecting);
    return Promise.resolve().then(() => {
      if (this._state !== TransportState.Connecting) throw new Error(`connect interrupted (${this._state})`);
      this.network.attach(this);
      this.transition(TransportState.Connected);
    });
  }

  disconnect(): Promise<void> {
    if (this._state === TransportState.Disconnected) return Promise.resolve();
    if (this._state !== TransportState.Disconnecting) this.transition(TransportState.Disconnecting);
    return Promise.resolve().then(() => {
      this.network.detach(this);
      if (this._state === TransportState.Disconnecting) this.transition(TransportState.Disconnected);
    });
  }

  dispose(): Promise<void> {
    return this.disconnect();
  }

  send(message: string): Promise<void> {
    if (!this.isConnected()) return Promise.reject(new Error(`transport of ${this.user} is ${this._state}`));
    this.network.route(this, message);
    return Promise.resolve();
  }

  /** The network lost this connection (not the UA's wish): onDisconnect gets an error. */
  lose(): void {
    if (this._state === TransportState.Disconnected) return;
    this.network.detach(this);
    this.transition(TransportState.Disconnected, new Error('connection lost'));
  }

  /** Called by the network: hands a message to the UA. */
  receive(message: string): boolean {
    if (!this.isConnected() || !this.onMessage) return false;
    this.onMessage(message);
    return true;
  }

  private transition(next: TransportState, error?: Error): void {
    const previous = this._state;
    this._state = next;
    this.emitter.emit(next);
    if (next === TransportState.Connected) this.onConnect?.();
    if (previous === TransportState.Connected && next !== TransportState.Connected) this.onDisconnect?.(error);
  }
}

interface Interference {
  to: string;
  match: SipPredicate;
  kind: 'drop' | 'hold';
  parked: { from: string; raw: string; sentAt: number }[];
}

interface Waiter {
  predicate: SipPredicate;
  after: number;
  resolve(message: SipMessage): void;
}

export class SipMemoryNetwork {
  readonly domain: string;
  /** Every message handed to a UA, in delivery order. */
  readonly delivered: SipMessage[] = [];
  /** Messages dropped by a rule, for lack of a route, or to a UA gone meanwhile. */
  readonly dropped: SipMessage[] = [];
  /** SIP.js warnings and errors of all UAs made here (for debugging a failure). */
  readonly sipLog: string[] = [];
  private readonly transports = new Map<string, MemoryTransport>();
  private readonly viaHosts = new Map<string, string>();
  private readonly userAgents: UserAgent[] = [];
  private interferences: Interference[] = [];
  private waiters: Waiter[] = [];
  private tagCounter = 0;
  private clock = 0;
  private inFlight = 0;

  constructor(options: { domain?: string } = {}) {
    this.domain = options.domain ?? 'lab.test';
  }

  /**
   * A SIP.js UA on this network: AOR `sip:<user>@<domain>`, contact
   * `sip:<user>@<its via host>`. Options given here win over the defaults.
   */
  createUserAgent(user: string, options: Partial<UserAgentOptions> = {}): UserAgent {
    const uri = UserAgent.makeURI(`sip:${user}@${this.domain}`);
    if (!uri) throw new Error(`bad user ${user}`);
    const transportOptions: MemoryTransportOptions = { network: this, user };
    const ua = new UserAgent({
      uri,
      contactName: user,
      transportConstructor: MemoryTransport,
      transportOptions,
      logBuiltinEnabled: false,
      logConfiguration: false,
      logLevel: 'warn',
      logConnector: (level, category, _label, content) => this.sipLog.push(`${user} ${level} ${category}: ${content}`),
      ...options,
    });
    this.userAgents.push(ua);
    return ua;
  }

  /** The transport a user is connected with, if any. */
  transport(user: string): MemoryTransport | undefined {
    return this.transports.get(user);
  }

  /** Drops messages to `to` (all, or those matching) until the returned undo is called. */
  drop(to: string, match: SipPredicate = () => true): () => void {
    const rule: Interference = { to, match, kind: 'drop', parked: [] };
    this.interferences.push(rule);
    return () => this.removeRule(rule);
  }

  /**
   * Holds back messages to `to` (all, or those matching) until `release()`,
   * which delivers them in the order they were sent.
   */
  delay(to: string, match: SipPredicate = () => true): { readonly parked: number; release(): void } {
    const rule: Interference = { to, match, kind: 'hold', parked: [] };
    this.interferences.push(rule);
    return {
      get parked() {
        return rule.parked.length;
      },
      release: () => {
        this.removeRule(rule);
        for (const { from, raw, sentAt } of rule.parked.splice(0)) this.schedule(from, to, raw, sentAt, false);
      },
    };
  }

  /** Index for `waitFor({ after })` / `messages(…, after)`: messages delivered from now on. */
  mark(): number {
    return this.delivered.length;
  }

  /** Delivered messages matching, optionally only those from `after` on. */
  messages(predicate: SipPredicate = () => true, after = 0): SipMessage[] {
    return this.delivered.slice(after).filter(predicate);
  }

  /**
   * The first delivered message (from `after` on) matching `predicate`:
   * already delivered, or the next one. Rejects after `timeoutMs`.
   */
  waitFor(predicate: SipPredicate, options: { after?: number; timeoutMs?: number; what?: string } = {}): Promise<SipMessage> {
    const after = options.after ?? 0;
    const found = this.delivered.slice(after).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise<SipMessage>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        after,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.delivered.slice(after).map((m) => `${m.from}→${m.to} ${summary(m)}`);
        reject(new Error(`no SIP message ${options.what ?? 'matching'} within ${options.timeoutMs ?? 2_000} ms; delivered since: ${seen.join(', ') || 'none'}`));
      }, options.timeoutMs ?? 2_000);
      this.waiters.push(waiter);
    });
  }

  /** Messages sent and not yet delivered (held-back ones not counted). */
  get pending(): number {
    return this.inFlight;
  }

  /** Stops every UA made here (graceful: sessions get their BYE while the network still carries them). */
  async stopAll(): Promise<void> {
    this.interferences = [];
    for (const ua of this.userAgents.splice(0).reverse()) {
      if (ua.state !== UserAgentState.Stopped) await ua.stop().catch(() => undefined);
    }
  }

  /** @internal */
  attach(transport: MemoryTransport): void {
    this.transports.set(transport.user, transport);
  }

  /** @internal */
  detach(transport: MemoryTransport): void {
    if (this.transports.get(transport.user) === transport) this.transports.delete(transport.user);
  }

  /** @internal A message sent by `sender`: find its receiver and schedule the delivery. */
  route(sender: MemoryTransport, raw: string): void {
    const sentAt = ++this.clock;
    const parsed = parseSip(raw);
    if (parsed.isRequest) {
      const host = viaHost(parsed.header('via'));
      if (host) this.viaHosts.set(host, sender.user);
      const to = userOf(parsed.ruri);
      if (!to || !this.transports.has(to)) {
        this.record(this.dropped, sender.user, to ?? '?', raw, sentAt, null);
        if (parsed.method !== 'ACK') this.respondAsProxy(parsed, to && this.knownUser(to) ? 480 : 404);
        return;
      }
      this.schedule(sender.user, to, raw, sentAt);
      return;
    }
    const host = viaHost(parsed.header('via'));
    const to = host ? this.viaHosts.get(host) : undefined;
    if (!to) {
      this.record(this.dropped, sender.user, '?', raw, sentAt, null);
      return;
    }
    this.schedule(sender.user, to, raw, sentAt);
  }

  private knownUser(user: string): boolean {
    return this.userAgents.some((ua) => ua.configuration.uri.user === user);
  }

  private schedule(from: string, to: string, raw: string, sentAt: number, interfere = true): void {
    if (interfere) {
      const probe: SipMessage = { ...parseSip(raw), seq: -1, from, to, sentAt, deliveredAt: null };
      const rule = this.interferences.find((r) => r.to === to && r.match(probe));
      if (rule?.kind === 'drop') {
        this.record(this.dropped, from, to, raw, sentAt, null);
        return;
      }
      if (rule?.kind === 'hold') {
        rule.parked.push({ from, raw, sentAt });
        return;
      }
    }
    this.inFlight += 1;
    setTimeout(() => {
      this.inFlight -= 1;
      this.deliver(from, to, raw, sentAt);
    }, 0);
  }

  private deliver(from: string, to: string, raw: string, sentAt: number): void {
    const transport = this.transports.get(to);
    const deliveredAt = ++this.clock; // before the receiver runs: what it sends in turn comes later
    if (!transport?.receive(raw)) {
      this.record(this.dropped, from, to, raw, sentAt, null);
      return;
    }
    const message = this.record(this.delivered, from, to, raw, sentAt, deliveredAt);
    for (const waiter of this.waiters.slice()) {
      if (message.seq >= waiter.after && waiter.predicate(message)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(message);
      }
    }
  }

  private record(list: SipMessage[], from: string, to: string, raw: string, sentAt: number, deliveredAt: number | null): SipMessage {
    const message: SipMessage = { ...parseSip(raw), seq: list.length, from, to, sentAt, deliveredAt };
    list.push(message);
    return message;
  }

  /** What a proxy answers for a user it cannot reach (statelessly, back along the Via). */
  private respondAsProxy(request: ParsedSip, status: 404 | 480): void {
    const reason = status === 404 ? 'Not Found' : 'Temporarily Unavailable';
    const to = request.header('to') ?? '';
    const lines = [
      `SIP/2.0 ${status} ${reason}`,
      ...(request.headers['via'] ?? []).map((v) => `Via: ${v}`),
      `From: ${request.header('from') ?? ''}`,
      `To: ${/;\s*tag=/i.test(to) ? to : `${to};tag=proxy${++this.tagCounter}`}`,
      `Call-ID: ${request.callId}`,
      `CSeq: ${request.header('cseq') ?? ''}`,
      'Content-Length: 0',
      '',
      '',
    ];
    const host = viaHost(request.header('via'));
    const back = host ? this.viaHosts.get(host) : undefined;
    if (back) this.schedule('proxy', back, lines.join('\r\n'), ++this.clock);
  }

  private removeRule(rule: Interference): void {
    this.interferences = this.interferences.filter((r) => r !== rule);
  }
}

/** `INVITE sip:1002@lab.test` / `200 INVITE`, for messages in errors. */
export function summary(message: Pick<SipMessage, 'isRequest' | 'method' | 'ruri' | 'status'>): string {
  return message.isRequest ? `${message.method} ${message.ruri}` : `${message.status} ${message.method}`;
}

/** Predicates for `waitFor`. */
export const sip = {
  request:
    (method: string, to?: string): SipPredicate =>
    (m) =>
      m.isRequest && m.method === method && (to === undefined || m.to === to),
  response:
    (status: number, method: string, to?: string): SipPredicate =>
    (m) =>
      !m.isRequest && m.status === status && m.method === method && (to === undefined || m.to === to),
  /** Any final (≥ 200) response to `method`. */
  final:
    (method: string, to?: string): SipPredicate =>
    (m) =>
      !m.isRequest && (m.status ?? 0) >= 200 && m.method === method && (to === undefined || m.to === to),
};

export type SdpDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** A syntactically valid one-stream audio SDP; `session` goes in `s=` so tests can tell offers apart. */
export function minimalSdp(session: string, version: number, direction: SdpDirection): string {
  return [
    'v=0',
    `o=- 4000 ${version} IN IP4 127.0.0.1`,
    `s=${session}`,
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 0',
    'a=rtpmap:0 PCMU/8000',
    `a=${direction}`,
    '',
  ].join('\r\n');
}

/** The stream direction of an SDP (sendrecv when not stated). */
export function sdpDirection(sdp: string): SdpDirection {
  return (/^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(sdp)?.[1] as SdpDirection | undefined) ?? 'sendrecv';
}

/** The answer's direction to an offer's (RFC 3264 §6.1). */
export function answerDirection(offer: SdpDirection, hold = false): SdpDirection {
  const mirrored: SdpDirection = offer === 'sendonly' ? 'recvonly' : offer === 'recvonly' ? 'sendonly' : offer;
  if (!hold) return mirrored;
  return mirrored === 'sendrecv' || mirrored === 'sendonly' ? 'sendonly' : 'inactive';
}

/**
 * Tracks offer/answer for a fake handler: a description asked for while a
 * remote offer is pending is the answer to it, otherwise a new offer.
 */
export class OfferAnswer {
  private remoteOffer: SdpDirection | null = null;
  private offering = false;
  version = 0;

  /** Direction of the next local description; `hold` as SIP.js passes it. */
  local(hold: boolean): SdpDirection {
    this.version += 1;
    if (this.remoteOffer !== null) {
      const direction = answerDirection(this.remoteOffer, hold);
      this.remoteOffer = null;
      return direction;
    }
    this.offering = true;
    return hold ? 'sendonly' : 'sendrecv';
  }

  /** Applies the far end's SDP; true if it was an offer. */
  remote(sdp: string): boolean {
    if (this.offering) {
      this.offering = false;
      return false;
    }
    this.remoteOffer = sdpDirection(sdp);
    return true;
  }

  rollback(): void {
    this.offering = false;
    this.remoteOffer = null;
  }
}

/**
 * The far ends' session-description handler: no media, a fixed SDP (named
 * after its UA) whose direction follows hold and the remote offer.
 */
export class LocalSdpHandler implements SessionDescriptionHandler {
  readonly state = new OfferAnswer();
  closed = false;

  constructor(private readonly name: string) {}

  getDescription(options?: SessionDescriptionHandlerOptions): Promise<BodyAndContentType> {
    const hold = (options as { hold?: unknown } | undefined)?.hold === true;
    const direction = this.state.local(hold);
    return Promise.resolve({ body: minimalSdp(this.name, this.state.version, direction), contentType: 'application/sdp' });
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  setDescription(sdp: string): Promise<void> {
    this.state.remote(sdp);
    return Promise.resolve();
  }

  rollbackDescription(): Promise<void> {
    this.state.rollback();
    return Promise.resolve();
  }

  sendDtmf(): boolean {
    return true;
  }

  close(): void {
    this.closed = true;
  }
}

/** A `sessionDescriptionHandlerFactory` for far-end UAs. */
export const localSdpHandlerFactory =
  (name: string) =>
  (): LocalSdpHandler =>
    new LocalSdpHandler(name);
