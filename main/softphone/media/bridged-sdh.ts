import type { BodyAndContentType, SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';
import type { MediaConfig } from '../../../common/contract/engine-media';
import type { EngineRpc } from './engine-rpc';

/** The description options that can cross to the engine (modifiers cannot). */
function portable(options?: SessionDescriptionHandlerOptions): { hold?: boolean; iceRestart?: boolean } {
  const source = (options ?? {}) as { hold?: unknown; offerOptions?: { iceRestart?: unknown } };
  const out: { hold?: boolean; iceRestart?: boolean } = {};
  if (typeof source.hold === 'boolean') out.hold = source.hold;
  if (source.offerOptions?.iceRestart === true) out.iceRestart = true;
  return out;
}

/**
 * SIP.js's session-description handler as seen by main: every call is
 * forwarded to the engine window, where a real SIP.js Web handler owns the
 * RTCPeerConnection for `callId`. SIP.js in main never touches media.
 */
export class BridgedSessionDescriptionHandler implements SessionDescriptionHandler {
  private closed = false;
  private engineCallId: string;

  constructor(
    callId: string,
    private readonly rpc: EngineRpc,
    private readonly config: MediaConfig,
  ) {
    this.engineCallId = callId;
  }

  /** The engine-side media this call is bound to. */
  get callId(): string {
    return this.engineCallId;
  }

  /**
   * The engine was recreated: its media for this call is gone. Binding to a
   * new id makes the next description a fresh offer on a new peer
   * connection, which the caller sends as a re-INVITE.
   */
  rebind(callId: string): void {
    this.engineCallId = callId;
  }

  getDescription(options?: SessionDescriptionHandlerOptions): Promise<BodyAndContentType> {
    return this.rpc.call<BodyAndContentType>({ op: 'getDescription', callId: this.callId, config: this.config, options: portable(options) });
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string, options?: SessionDescriptionHandlerOptions): Promise<void> {
    await this.rpc.call({ op: 'setDescription', callId: this.callId, config: this.config, sdp, options: portable(options) });
  }

  /** SIP.js wants a synchronous answer; the tones are sent asynchronously. */
  sendDtmf(tones: string): boolean {
    if (this.closed || !/^[0-9A-D*#,]{1,32}$/.test(tones)) return false;
    void this.rpc.call({ op: 'sendDtmf', callId: this.callId, tones }).catch(() => undefined);
    return true;
  }

  setMuted(muted: boolean): Promise<unknown> {
    return this.rpc.call({ op: 'setMuted', callId: this.callId, muted });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.rpc.call({ op: 'close', callId: this.callId }).catch(() => undefined);
  }
}
