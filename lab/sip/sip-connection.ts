import type WebSocket from 'ws';
import type { Logger } from '../log';
import { serialize, type OutgoingRequest, type OutgoingResponse } from './sip-message';

/** Outgoing bytes we let pile up for one slow client before dropping it. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Sees every frame in and out (tests, debugging); must not throw. */
export type SipTrace = (frame: { direction: 'in' | 'out'; connectionId: number; text: string }) => void;

/**
 * One client's WebSocket. Sending never blocks nor throws: a closed socket
 * swallows the message, and a client that stops reading (more than 1 MiB
 * queued) is disconnected so it cannot hold memory for everyone else.
 */
export class SipConnection {
  private closedFlag = false;

  constructor(
    readonly id: number,
    private readonly socket: WebSocket,
    private readonly logger: Logger,
    private readonly trace?: SipTrace,
  ) {}

  get closed(): boolean {
    return this.closedFlag || this.socket.readyState !== this.socket.OPEN;
  }

  send(message: OutgoingRequest | OutgoingResponse): boolean {
    return this.sendText(serialize(message));
  }

  sendText(text: string): boolean {
    if (this.closed) return false;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.logger.warn('client is not reading; closing its connection', { connection: this.id });
      this.close(1008, 'not reading');
      return false;
    }
    try {
      this.socket.send(text);
      this.trace?.({ direction: 'out', connectionId: this.id, text });
      return true;
    } catch (error) {
      this.logger.warn('send failed', { connection: this.id, error: String(error) });
      return false;
    }
  }

  close(code = 1000, reason = ''): void {
    this.closedFlag = true;
    try {
      this.socket.close(code, reason);
    } catch {
      this.socket.terminate();
    }
  }

  /** Immediate teardown (server shutdown). */
  terminate(): void {
    this.closedFlag = true;
    this.socket.terminate();
  }

  markClosed(): void {
    this.closedFlag = true;
  }
}
