import { WebSocket } from 'ws';
import type { AgentApiOp } from '../../../../../common/agent-api';

/** A frame as the server sent it (parsed JSON, unvalidated: the tests check). */
export type Frame = Record<string, unknown> & { type?: string; id?: string; ok?: boolean; event?: string; seq?: number; body?: unknown; error?: { code: string; number?: number } };

/**
 * A small WebSocket client for the API server's tests: records every frame,
 * lets a test wait for a frame matching a predicate, and send raw text.
 */
export class TestClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private seen = 0;
  private nextId = 1;

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(frame);
        }
      }
    });
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
    const ws = new WebSocket(url, { headers });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new TestClient(ws);
  }

  /** Sends a well-formed request and waits for its response. */
  request(op: AgentApiOp | string, body: unknown = {}, id = `r${this.nextId++}`): Promise<Frame> {
    const reply = this.waitFor((f) => f.type === 'response' && f.id === id);
    this.send(JSON.stringify({ v: 1, type: 'request', id, op, body }));
    return reply;
  }

  send(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  /** The first frame (already received or coming) that matches. */
  waitFor(match: (f: Frame) => boolean): Promise<Frame> {
    const found = this.frames.find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Waits until `count` frames arrived since the last call; returns them. */
  async take(count: number): Promise<Frame[]> {
    const target = this.seen + count;
    if (this.frames.length < target) {
      await new Promise<void>((resolve) => {
        let n = this.frames.length;
        this.waiters.push({
          match: () => {
            n += 1;
            return n >= target;
          },
          resolve: () => resolve(),
        });
      });
    }
    const batch = this.frames.slice(this.seen, target);
    this.seen = target;
    return batch;
  }

  /** Forgets what arrived so far for `take`. */
  mark(): void {
    this.seen = this.frames.length;
  }

  events(name?: string): Frame[] {
    return this.frames.filter((f) => f.type === 'event' && (name === undefined || f.event === name));
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}

export const LOGIN_ALICE = { username: 'alice', password: 'alice-pw', dn: '+15550101', teamId: 'sales' };
export const LOGIN_BOB = { username: 'bob', password: 'bob-pw', dn: '+15550102', teamId: 'sales' };
