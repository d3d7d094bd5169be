import type { Logger } from '../log';
import type { Clock } from './clock';
import type { SipConnection } from './sip-connection';
import type { OutgoingRequest, SipResponse } from './sip-message';

/**
 * Requests the proxy sent downstream, keyed by the branch of the Via it
 * added (and the method: a CANCEL shares its INVITE's branch). Responses are
 * matched here, with our Via already removed, and handed to whoever sent the
 * request. A transaction ends with its final response, its timeout, or the
 * loss of the connection it was sent on (reliable transport: no
 * retransmissions, so no retransmit timers either).
 */

export interface ClientHandlers {
  onResponse(response: SipResponse): void;
  /** The connection closed (or the send failed) before a final response. */
  onLost?(): void;
  /** No final response within `timeoutMs`. */
  onTimeout?(): void;
}

export interface ClientTransaction {
  readonly branch: string;
  readonly method: string;
  readonly connection: SipConnection;
  readonly request: OutgoingRequest;
  /** Stops listening (late responses are then dropped). */
  end(): void;
}

interface Entry extends ClientTransaction {
  handlers: ClientHandlers;
  timer?: unknown;
}

export class ClientTransactionTable {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Sends `request` (which already carries our Via with `branch`) and tracks it.
   * A failed send reports `onLost` on a later tick, never re-entrantly.
   */
  send(
    connection: SipConnection,
    request: OutgoingRequest,
    branch: string,
    handlers: ClientHandlers,
    timeoutMs?: number,
  ): ClientTransaction {
    const key = keyOf(branch, request.method);
    const entry: Entry = {
      branch,
      method: request.method,
      connection,
      request,
      handlers,
      end: () => this.remove(key),
    };
    this.entries.set(key, entry);
    if (timeoutMs !== undefined) {
      entry.timer = this.clock.setTimeout(() => {
        if (this.entries.get(key) !== entry) return;
        this.remove(key);
        entry.handlers.onTimeout?.();
      }, timeoutMs);
    }
    if (!connection.send(request)) {
      queueMicrotask(() => {
        if (this.entries.get(key) !== entry) return;
        this.remove(key);
        entry.handlers.onLost?.();
      });
    }
    return entry;
  }

  /** Routes a response (our Via removed) to its transaction; false if none matches. */
  dispatch(branch: string, response: SipResponse): boolean {
    const key = keyOf(branch, response.method);
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (response.status >= 200) this.remove(key);
    try {
      entry.handlers.onResponse(response);
    } catch (error) {
      this.logger.error('response handler threw', { error: String(error), method: response.method });
    }
    return true;
  }

  /** Ends every transaction sent on a closed connection with `onLost`. */
  connectionClosed(connectionId: number): void {
    for (const [key, entry] of [...this.entries]) {
      if (entry.connection.id !== connectionId) continue;
      this.remove(key);
      try {
        entry.handlers.onLost?.();
      } catch (error) {
        this.logger.error('lost handler threw', { error: String(error) });
      }
    }
  }

  /** Drops everything without callbacks (server shutdown). */
  clear(): void {
    for (const key of [...this.entries.keys()]) this.remove(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.timer !== undefined) this.clock.clearTimeout(entry.timer);
  }
}

function keyOf(branch: string, method: string): string {
  return `${branch}|${method}`;
}
