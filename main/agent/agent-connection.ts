import WebSocket from 'ws';
import {
  AGENT_API_VERSION,
  apiError,
  parseServerFrame,
  type AgentApiEvent,
  type AgentApiOp,
  type ApiError,
  type RequestBody,
  type ResultBody,
} from '../../common/agent-api';
import type { Logger } from '../../common/log/logger';

export type RequestOutcome<O extends AgentApiOp> = { ok: true; body: ResultBody<O> } | { ok: false; error: ApiError };

interface Pending {
  op: AgentApiOp;
  settle(outcome: RequestOutcome<AgentApiOp>): void;
  timer: NodeJS.Timeout;
}

export interface AgentConnectionEvents {
  /** An event of the session stream, with its sequence number. */
  event(seq: number, event: AgentApiEvent): void;
  /** The socket closed (or never opened); every pending request has failed. */
  closed(code: number): void;
}

/**
 * One WebSocket to a contact center's agent API. Requests are correlated by
 * id and time out; every frame from the server is parsed against the
 * protocol (a response against the op that was asked), and a frame that does
 * not fit is logged and dropped, never trusted. No reconnect here: the
 * session decides when and how to come back.
 */
export class AgentConnection {
  private readonly pending = new Map<string, Pending>();
  private nextId = 1;
  private closedAlready = false;

  private constructor(
    private readonly socket: WebSocket,
    private readonly on: AgentConnectionEvents,
    private readonly log: Logger,
    private readonly timeoutMs: number,
  ) {
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', (code) => this.closed(code));
    socket.on('error', (error) => this.log.warn('agent API socket error', { message: error.message }));
  }

  /** Opens a connection; rejects when the server cannot be reached in time. */
  static open(url: string, on: AgentConnectionEvents, log: Logger, options: { timeoutMs?: number } = {}): Promise<AgentConnection> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: 256 * 1024 });
      const fail = (error: Error): void => {
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        socket.terminate();
        reject(error);
      };
      socket.once('error', fail);
      socket.once('unexpected-response', () => fail(new Error('agent API refused the connection')));
      socket.once('open', () => {
        socket.removeListener('error', fail);
        resolve(new AgentConnection(socket, on, log, timeoutMs));
      });
    });
  }

  get isOpen(): boolean {
    return !this.closedAlready && this.socket.readyState === WebSocket.OPEN;
  }

  request<O extends AgentApiOp>(op: O, body: RequestBody<O>): Promise<RequestOutcome<O>> {
    if (!this.isOpen) return Promise.resolve({ ok: false, error: apiError('internal', 'not connected') });
    const id = `d${this.nextId++}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, error: apiError('internal', `${op} timed out`) });
      }, this.timeoutMs);
      this.pending.set(id, { op, settle: resolve as (o: RequestOutcome<AgentApiOp>) => void, timer });
      this.socket.send(JSON.stringify({ v: AGENT_API_VERSION, type: 'request', id, op, body }), (error) => {
        if (error) this.settle(id, { ok: false, error: apiError('internal', 'send failed') });
      });
    });
  }

  close(): void {
    if (this.closedAlready) return;
    this.socket.close(1000);
    this.closed(1000);
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (isBinary) {
      this.log.warn('agent API sent a binary frame; ignored');
      return;
    }
    const parsed = parseServerFrame(data.toString(), (id) => this.pending.get(id)?.op);
    if (parsed.kind === 'ignored') {
      this.log.debug('agent API frame ignored', { reason: parsed.reason });
      return;
    }
    if (parsed.kind === 'invalid') {
      this.log.warn('agent API frame refused', { reason: parsed.reason.slice(0, 200) });
      return;
    }
    const frame = parsed.frame;
    if (frame.type === 'event') {
      this.on.event(frame.seq, { event: frame.event, body: frame.body } as AgentApiEvent);
      return;
    }
    this.settle(frame.id, frame.ok ? { ok: true, body: frame.body } : { ok: false, error: frame.error });
  }

  private settle(id: string, outcome: RequestOutcome<AgentApiOp>): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.settle(outcome);
  }

  private closed(code: number): void {
    if (this.closedAlready) return;
    this.closedAlready = true;
    for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, error: apiError('internal', 'connection closed') });
    this.on.closed(code);
  }
}
