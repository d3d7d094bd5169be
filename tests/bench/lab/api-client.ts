import WebSocket from 'ws';
import { parseServerFrame, type AgentApiOp, type EventFrame, type ServerFrame } from '../../../common/agent-api';

type Pending = { op: AgentApiOp; resolve: (frame: ServerFrame) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/**
 * A small agent-API client for the bench's simulated agents: one WebSocket,
 * requests with timeouts, every server frame validated with the shared
 * schemas (an invalid one is counted and dropped, never trusted).
 */
export class ApiClient {
  /** Frames the schemas refused (should stay 0). */
  invalidFrames = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<(event: EventFrame) => void>();
  private readonly closed: Promise<void>;
  private nextId = 1;

  private constructor(private readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        this.invalidFrames += 1;
        return;
      }
      const parsed = parseServerFrame(data.toString(), (id) => this.pending.get(id)?.op);
      if (parsed.kind !== 'frame') {
        if (parsed.kind === 'invalid') this.invalidFrames += 1;
        return;
      }
      const frame = parsed.frame;
      if (frame.type === 'event') {
        for (const listener of [...this.listeners]) listener(frame);
        return;
      }
      const waiting = this.pending.get(frame.id);
      if (waiting === undefined) return;
      this.pending.delete(frame.id);
      clearTimeout(waiting.timer);
      waiting.resolve(frame);
    });
    ws.once('close', () => {
      for (const [id, waiting] of this.pending) {
        clearTimeout(waiting.timer);
        waiting.reject(new Error(`connection closed before the ${waiting.op} response`));
        this.pending.delete(id);
      }
    });
  }

  static connect(url: string, timeoutMs = 5_000): Promise<ApiClient> {
    const ws = new WebSocket(url);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('agent API: connect timed out'));
      }, timeoutMs);
      ws.once('open', () => {
        clearTimeout(timer);
        resolve(new ApiClient(ws));
      });
      ws.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Sends a request; resolves with its (validated) response, ok or not. */
  request(op: AgentApiOp, body: unknown = {}, timeoutMs = 10_000): Promise<ServerFrame> {
    const id = `b${this.nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`agent API: no ${op} response within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { op, resolve, reject, timer });
      this.ws.send(JSON.stringify({ v: 1, type: 'request', id, op, body }));
    });
  }

  onEvent(listener: (event: EventFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    const timer = setTimeout(() => this.ws.terminate(), 2_000);
    await this.closed;
    clearTimeout(timer);
  }
}
