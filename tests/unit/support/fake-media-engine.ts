import type { MediaReply, MediaRequest } from '../../../common/contract/engine-media';
import type { Logger } from '../../../common/log/logger';
import { EngineRpc } from '../../../main/softphone/media/engine-rpc';
import { OfferAnswer, minimalSdp } from './sip-memory-network';

type Op = MediaRequest['op'];
export type RequestOf<O extends Op> = Extract<MediaRequest, { op: O }>;

/**
 * The engine window's media side, faked: an `EngineRpc` whose `send` hands
 * each request to this engine, which records it and replies through
 * `rpc.settle` on a later macrotask, as the IPC round trip would.
 *
 * It keeps each call's offer/answer state as the real engine does:
 * `getDescription` makes a minimal valid SDP whose `s=` line is the engine
 * call id, `a=sendonly` when held (or the RFC 3264 answer to the remote
 * offer); `setDescription` of an offer answers it in the same reply;
 * `nextOffer` makes the next hold toggle's offer, which `getDescription`
 * with `prepared` applies; `rollback` forgets our pending offer.
 * Everything else is accepted and recorded.
 */
export class FakeMediaEngine {
  readonly rpc: EngineRpc;
  /** Every request, in the order main sent them. */
  readonly requests: MediaRequest[] = [];
  private readonly calls = new Map<string, OfferAnswer>();
  private readonly held = new Map<string, boolean>();
  private readonly failures: { op: Op; error: string }[] = [];
  private waiters: { predicate: (r: MediaRequest) => boolean; after: number; resolve(r: MediaRequest): void }[] = [];
  private running = true;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(log: Logger, timeoutMs = 2_000) {
    this.rpc = new EngineRpc((request) => this.receive(request), log, timeoutMs);
  }

  /** Requests of one op, optionally for one engine call id. */
  ops<O extends Op>(op: O, callId?: string): RequestOf<O>[] {
    return this.requests.filter(
      (r): r is RequestOf<O> => r.op === op && (callId === undefined || ('callId' in r && r.callId === callId)),
    );
  }

  /** Everything asked about one engine call id, as `op` names. */
  forCall(callId: string): Op[] {
    return this.requests.filter((r) => 'callId' in r && r.callId === callId).map((r) => r.op);
  }

  /** The call ids the engine has been asked to describe, in order of first use. */
  callIds(): string[] {
    return [...this.calls.keys()];
  }

  /** The next request of `op` fails with `error` (once). */
  failNext(op: Op, error = 'fake failure'): void {
    this.failures.push({ op, error });
  }

  /** The engine window went away: sends fail until `restart`. */
  crash(): void {
    this.running = false;
    this.rpc.failAll('engine crashed');
    this.calls.clear();
  }

  restart(): void {
    this.running = true;
  }

  /** Requests whose reply has not been sent yet. */
  get pending(): number {
    return this.inFlight;
  }

  /** Resolves once every request made so far has had its reply. */
  settled(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  mark(): number {
    return this.requests.length;
  }

  /** The first request (from `after` on) matching, already made or the next one. */
  waitFor(predicate: (r: MediaRequest) => boolean, options: { after?: number; timeoutMs?: number; what?: string } = {}): Promise<MediaRequest> {
    const after = options.after ?? 0;
    const found = this.requests.slice(after).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        after,
        resolve: (r: MediaRequest) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.requests.slice(after).map((r) => r.op);
        reject(new Error(`no media request ${options.what ?? 'matching'} within ${options.timeoutMs ?? 2_000} ms; seen: ${seen.join(', ') || 'none'}`));
      }, options.timeoutMs ?? 2_000);
      this.waiters.push(waiter);
    });
  }

  private receive(request: MediaRequest): boolean {
    if (!this.running) return false;
    this.requests.push(request);
    const reply = this.answer(request);
    this.inFlight += 1;
    setTimeout(() => {
      this.inFlight -= 1;
      if (this.running) this.rpc.settle(reply);
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }, 0);
    for (const waiter of this.waiters.slice()) {
      if (this.requests.length - 1 >= waiter.after && waiter.predicate(request)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(request);
      }
    }
    return true;
  }

  private answer(request: MediaRequest): MediaReply {
    const failure = this.failures.findIndex((f) => f.op === request.op);
    if (failure !== -1) {
      const [{ error }] = this.failures.splice(failure, 1) as [{ op: Op; error: string }];
      return { id: request.id, ok: false, error };
    }
    switch (request.op) {
      case 'getDescription': {
        const call = this.call(request.callId);
        const hold = request.options.hold ?? this.held.get(request.callId) ?? false;
        if (request.options.hold !== undefined) this.held.set(request.callId, hold);
        const body = minimalSdp(request.callId, call.version + 1, call.local(hold));
        if (request.prepared !== undefined) return { id: request.id, ok: true, result: {} };
        return { id: request.id, ok: true, result: { description: { body, contentType: 'application/sdp' } } };
      }
      case 'setDescription': {
        const call = this.call(request.callId);
        const wasOffer = call.remote(request.sdp);
        if (!wasOffer) return { id: request.id, ok: true, result: {} };
        const hold = request.options.hold ?? this.held.get(request.callId) ?? false;
        const body = minimalSdp(request.callId, call.version + 1, call.local(hold));
        return { id: request.id, ok: true, result: { description: { body, contentType: 'application/sdp' } } };
      }
      case 'nextOffer': {
        const call = this.calls.get(request.callId);
        if (!call) return { id: request.id, ok: false, error: 'no media for this call' };
        const hold = !(this.held.get(request.callId) ?? false);
        return { id: request.id, ok: true, result: { next: { hold, sdp: minimalSdp(request.callId, call.version + 1, hold ? 'sendonly' : 'sendrecv') } } };
      }
      case 'rollback':
        this.calls.get(request.callId)?.rollback();
        return { id: request.id, ok: true, result: {} };
      default:
        return { id: request.id, ok: true, result: true };
    }
  }

  private call(callId: string): OfferAnswer {
    let call = this.calls.get(callId);
    if (!call) {
      call = new OfferAnswer();
      this.calls.set(callId, call);
    }
    return call;
  }
}
