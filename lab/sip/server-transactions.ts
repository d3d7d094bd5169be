import type { Clock } from './clock';
import type { SipConnection } from './sip-connection';
import type { OutgoingResponse, SipRequest } from './sip-message';

/**
 * Requests the proxy received, keyed by their top Via branch and method, so
 * that a CANCEL finds its INVITE, an ACK for a non-2xx final response is
 * recognised (and absorbed), and a retransmitted request gets the last
 * response again. A transaction lingers `lingerMs` after its final response
 * for those late arrivals, then is forgotten.
 */
export class ServerTransaction {
  lastResponse: OutgoingResponse | undefined;
  finalStatus: number | undefined;
  /** Set by the INVITE logic: what a CANCEL for this transaction should do. */
  onCancel: (() => void) | undefined;
  /** Set by the INVITE logic: what to do when the caller's connection closes. */
  onCallerGone: (() => void) | undefined;

  constructor(
    readonly key: string,
    readonly request: SipRequest,
    readonly connection: SipConnection,
    private readonly finished: (transaction: ServerTransaction) => void,
  ) {}

  get isFinal(): boolean {
    return this.finalStatus !== undefined;
  }

  /** Sends a response upstream; ignored after a final one (except further 2xx, which RFC 3261 relays). */
  respond(response: OutgoingResponse): void {
    if (this.finalStatus !== undefined && !(response.status >= 200 && response.status < 300)) return;
    this.lastResponse = response;
    this.connection.send(response);
    if (response.status >= 200 && this.finalStatus === undefined) {
      this.finalStatus = response.status;
      this.finished(this);
    }
  }
}

export class ServerTransactionTable {
  private readonly entries = new Map<string, { transaction: ServerTransaction; timer?: unknown }>();

  constructor(
    private readonly clock: Clock,
    private readonly lingerMs: number,
  ) {}

  find(request: SipRequest, method = request.method): ServerTransaction | undefined {
    return this.entries.get(keyOf(request, method))?.transaction;
  }

  create(request: SipRequest, connection: SipConnection): ServerTransaction {
    const key = keyOf(request, request.method);
    const transaction = new ServerTransaction(key, request, connection, (done) => this.linger(done));
    this.entries.set(key, { transaction });
    return transaction;
  }

  /** Pending transactions of a closed connection get their `onCallerGone`; all of it is forgotten. */
  connectionClosed(connectionId: number): void {
    for (const [key, entry] of [...this.entries]) {
      if (entry.transaction.connection.id !== connectionId) continue;
      this.forget(key);
      if (!entry.transaction.isFinal) entry.transaction.onCallerGone?.();
    }
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.forget(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private linger(transaction: ServerTransaction): void {
    const entry = this.entries.get(transaction.key);
    if (!entry || entry.transaction !== transaction) return;
    entry.timer = this.clock.setTimeout(() => {
      if (this.entries.get(transaction.key) === entry) this.entries.delete(transaction.key);
    }, this.lingerMs);
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.timer !== undefined) this.clock.clearTimeout(entry.timer);
  }
}

/** The sender's branch, or for pre-RFC 3261 senders the Call-ID, CSeq number and From tag. */
function keyOf(request: SipRequest, method: string): string {
  const id = request.branch || `${request.callId}|${request.cseq}|${request.fromTag ?? ''}`;
  return `${id}|${method}`;
}
