import type { MediaReply, MediaRequest } from '../../../common/contract/engine-media';
import type { Logger } from '../../../common/log/logger';

/** Distributes `Omit` over the request union, so each op keeps its fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type MediaCall = WithoutId<MediaRequest>;

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  op: string;
}

/**
 * Request/response over IPC to the engine window. Each request gets an id;
 * the engine's reply settles it. A request the engine never answers (it
 * crashed, it hung) fails after a timeout instead of stalling SIP.js.
 */
export class EngineRpc {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly send: (request: MediaRequest) => boolean,
    private readonly log: Logger,
    private readonly timeoutMs = 10_000,
  ) {}

  call<T = unknown>(call: MediaCall): Promise<T> {
    const id = this.nextId++;
    const request = { ...call, id } as MediaRequest;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`media ${call.op} timed out`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, timer, op: call.op });
      if (!this.send(request)) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new Error('media engine is not running'));
      }
    });
  }

  /** The engine's reply; false when nothing was waiting for it. */
  settle(reply: MediaReply): boolean {
    const pending = this.pending.get(reply.id);
    if (!pending) {
      this.log.warn('media reply for no pending request', { id: reply.id });
      return false;
    }
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(new Error(`media ${pending.op} failed: ${reply.error}`));
    return true;
  }

  /** The engine went away: everything in flight fails now. */
  failAll(reason: string): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`media ${pending.op} failed: ${reason}`));
      this.pending.delete(id);
    }
  }
}
