import type { Clock } from '../../../../../lab/parties/clock';
import type { PartyCallInfo, PartyCallOutcome, PartyCallState } from '../../../../../lab/parties/party-call';
import type { CallOptions } from '../../../../../lab/parties/party-options';
import type { ScenarioParty } from '../../../../../lab/parties/scenario-runner';
import type { ScriptCall } from '../../../../../lab/parties/script-runner';
import { Deferred, withTimeout } from '../../../../../lab/parties/wait';

/** A call that the test connects and ends by hand; every verb is logged with the clock time. */
export class FakeCall implements ScriptCall {
  state: PartyCallState;
  outcome: PartyCallOutcome | null = null;
  endedBy: 'local' | 'remote' | null = null;
  private readonly connected = new Deferred<void>();
  private readonly finished = new Deferred<PartyCallInfo>();

  constructor(
    private readonly party: FakeParty,
    readonly direction: 'outgoing' | 'incoming',
    readonly target: string,
    readonly headers: string[] = [],
  ) {
    this.state = direction === 'incoming' ? 'ringing' : 'calling';
  }

  /** The far end answers (outgoing) or the party answered (incoming). */
  connect(): void {
    this.state = 'connected';
    this.connected.resolve();
  }

  end(by: 'local' | 'remote', status?: number): void {
    if (this.state === 'ended') return;
    const wasConnected = this.state === 'connected';
    this.state = 'ended';
    this.endedBy = by;
    this.outcome = wasConnected ? 'answered' : status ? 'rejected' : by === 'local' ? 'cancelled' : 'missed';
    this.connected.reject(new Error('ended'));
    this.finished.resolve(this.info());
  }

  async answer(): Promise<void> {
    if (this.state !== 'ringing') throw new Error('not ringing');
    this.party.log(`answer ${this.target}`);
    this.connect();
  }

  async decline(statusCode = 486): Promise<void> {
    this.party.log(`decline ${statusCode}`);
    this.end('local', statusCode);
  }

  async hangup(): Promise<void> {
    this.party.log(`hangup ${this.target}`);
    this.end('local');
  }

  waitConnected(timeoutMs: number): Promise<void> {
    return withTimeout(this.connected.promise, timeoutMs, this.party.clock, 'the call to connect');
  }

  get ended(): Promise<PartyCallInfo> {
    return this.finished.promise;
  }

  info(): PartyCallInfo {
    return {
      id: this.target,
      direction: this.direction,
      state: this.state,
      outcome: this.outcome,
      status: null,
      endedBy: this.endedBy,
      onHold: false,
      remoteUser: this.target,
      dtmfReceived: '',
      packetsSent: 0,
      packetsReceived: 0,
      codec: null,
      mediaDirection: null,
    };
  }
}

/** A scripted party's stand-in: the test plays the network and the far ends. */
export class FakeParty implements ScenarioParty {
  readonly calls: FakeCall[] = [];
  readonly events: string[] = [];
  /** Frequencies this party "hears" (set by the test). */
  readonly hearing = new Set<number>();
  registered = false;
  closed = false;
  current: FakeCall | null = null;
  private incoming: Deferred<FakeCall>[] = [];
  private transfers: Deferred<FakeCall>[] = [];

  constructor(
    readonly user: string,
    readonly clock: Clock,
    private readonly onCall?: (call: FakeCall) => void,
  ) {}

  log(event: string): void {
    this.events.push(`${this.clock.now()} ${event}`);
  }

  async register(): Promise<void> {
    this.registered = true;
    this.log('register');
  }

  async call(target: string, options: CallOptions = {}): Promise<FakeCall> {
    const call = new FakeCall(this, 'outgoing', target, options.extraHeaders ?? []);
    this.calls.push(call);
    this.current = call;
    this.log(`call ${target}`);
    this.onCall?.(call);
    return call;
  }

  /** An incoming call arrives. */
  ring(from: string): FakeCall {
    const call = new FakeCall(this, 'incoming', from);
    this.calls.push(call);
    this.current = call;
    for (const waiter of this.incoming) waiter.resolve(call);
    this.incoming = [];
    return call;
  }

  /** A REFER was followed: a new outgoing call. */
  transferTo(target: string): FakeCall {
    const call = new FakeCall(this, 'outgoing', target);
    this.calls.push(call);
    this.current = call;
    for (const waiter of this.transfers) waiter.resolve(call);
    this.transfers = [];
    return call;
  }

  waitForIncoming(timeoutMs: number): Promise<FakeCall> {
    const ringing = this.calls.find((c) => c.direction === 'incoming' && c.state === 'ringing');
    if (ringing) return Promise.resolve(ringing);
    const waiter = new Deferred<FakeCall>();
    this.incoming.push(waiter);
    return withTimeout(waiter.promise, timeoutMs, this.clock, 'an incoming call');
  }

  waitForTransfer(timeoutMs: number): Promise<FakeCall> {
    const waiter = new Deferred<FakeCall>();
    this.transfers.push(waiter);
    return withTimeout(waiter.promise, timeoutMs, this.clock, 'a transfer');
  }

  waitForTone(frequencyHz: number, options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.hearing.has(frequencyHz)) return Promise.resolve();
    return withTimeout(new Promise<void>(() => undefined), options.timeoutMs ?? 5_000, this.clock, `tone ${frequencyHz} Hz`);
  }

  async hold(): Promise<void> {
    this.log('hold');
  }

  async resume(): Promise<void> {
    this.log('resume');
  }

  async sendDtmf(digits: string): Promise<void> {
    this.log(`dtmf ${digits}`);
  }

  stats(): { calls: PartyCallInfo[] } {
    return { calls: this.calls.map((c) => c.info()) };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.log('close');
  }
}
