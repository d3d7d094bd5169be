import type { BodyAndContentType, SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';
import type { MediaConfig, NegotiationResult } from '../../../common/contract/engine-media';
import type { EngineRpc } from './engine-rpc';

/** The description options that can cross to the engine (modifiers cannot). */
function portable(options?: SessionDescriptionHandlerOptions): { hold?: boolean; iceRestart?: boolean } {
  const source = (options ?? {}) as { hold?: unknown; offerOptions?: { iceRestart?: unknown } };
  const out: { hold?: boolean; iceRestart?: boolean } = {};
  if (typeof source.hold === 'boolean') out.hold = source.hold;
  if (source.offerOptions?.iceRestart === true) out.iceRestart = true;
  return out;
}

function negotiation(result: unknown): NegotiationResult {
  return result !== null && typeof result === 'object' ? (result as NegotiationResult) : {};
}

/** Called when media the far end already relies on could not be set up. */
export type MediaFailureHandler = (handler: BridgedSessionDescriptionHandler, error: Error) => void;

/**
 * SIP.js's session-description handler as seen by main: every call is
 * forwarded to the engine window, where a real SIP.js Web handler owns the
 * RTCPeerConnection for `callId`. SIP.js in main never touches media.
 *
 * Three shortcuts keep the engine's round trips off the signalling path:
 * - an offer applied with `setDescription` comes back with its answer, so
 *   SIP.js's `getDescription` right after is served at once;
 * - an answer to our offer is handed to the engine without waiting, so
 *   SIP.js ACKs at once; the engine applies requests of a call in order;
 * - after each negotiation the engine makes the offer for the next hold
 *   toggle, so hold and resume send their re-INVITE at once; the engine
 *   applies that offer together with the far end's answer, leaving the CPU
 *   to the signalling while the re-INVITE is out.
 * When the engine then fails, the far end already has our SDP: the call's
 * media is rebuilt (`onMediaFailure`, a fresh offer by re-INVITE).
 */
export class BridgedSessionDescriptionHandler implements SessionDescriptionHandler {
  private closed = false;
  private engineCallId: string;
  private answer: BodyAndContentType | null = null;
  private next: NonNullable<NegotiationResult['next']> | null = null;
  private offering = false;
  /** A prepared offer sent to the far end, for the engine to apply with the answer. */
  private sentAhead: { next: NonNullable<NegotiationResult['next']>; options: { hold?: boolean } } | null = null;
  /** Bumped by every negotiation request: only the latest reply may set `next`. */
  private generation = 0;

  constructor(
    callId: string,
    private readonly rpc: EngineRpc,
    private readonly config: MediaConfig,
    private readonly onMediaFailure: MediaFailureHandler = () => undefined,
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
    this.answer = null;
    this.next = null;
    this.offering = false;
    this.sentAhead = null;
    this.generation += 1;
  }

  getDescription(options?: SessionDescriptionHandlerOptions): Promise<BodyAndContentType> {
    const wanted = portable(options);
    if (this.answer) {
      const answer = this.answer;
      this.answer = null;
      this.refreshNext();
      return Promise.resolve(answer);
    }
    const next = this.next;
    this.bump();
    this.offering = true;
    if (next && wanted.hold === next.hold && !wanted.iceRestart) {
      this.sentAhead = { next, options: wanted };
      // The offer is applied with the answer; what the far end hears changes now.
      void this.rpc.call({ op: 'setHeld', callId: this.callId, held: next.hold }).catch(() => undefined);
      return Promise.resolve({ body: next.sdp, contentType: 'application/sdp' });
    }
    return this.negotiate({ op: 'getDescription', callId: this.callId, config: this.config, options: wanted }).then((result) => {
      if (!result.description) throw new Error('media engine gave no description');
      return result.description;
    });
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string, options?: SessionDescriptionHandlerOptions): Promise<void> {
    this.bump();
    const request = { op: 'setDescription', callId: this.callId, config: this.config, sdp, options: portable(options) } as const;
    if (this.offering) {
      // The far end's answer to our offer: SIP.js may ACK now.
      this.offering = false;
      const ahead = this.sentAhead;
      this.sentAhead = null;
      if (ahead) {
        const prepared = { op: 'getDescription', callId: this.callId, config: this.config, options: ahead.options, prepared: ahead.next.sdp } as const;
        this.track(this.negotiate(prepared));
      }
      this.track(this.negotiate(request));
      this.refreshNext();
      return;
    }
    const result = await this.negotiate(request);
    this.answer = result.description ?? null;
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

  /** SIP.js gave up an offer (the re-INVITE was refused). */
  async rollbackDescription(): Promise<void> {
    this.offering = false;
    const ahead = this.sentAhead;
    this.sentAhead = null;
    this.bump();
    if (ahead) {
      // The engine never applied it: only what the far end hears goes back,
      // and it is still the next offer.
      void this.rpc.call({ op: 'setHeld', callId: this.callId, held: !ahead.next.hold }).catch(() => undefined);
      this.next = ahead.next;
      return;
    }
    await this.negotiate({ op: 'rollback', callId: this.callId });
    this.refreshNext();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.next = null;
    this.sentAhead = null;
    void this.rpc.call({ op: 'close', callId: this.callId }).catch(() => undefined);
  }

  private bump(): void {
    this.next = null;
    this.generation += 1;
  }

  private async negotiate(request: Parameters<EngineRpc['call']>[0]): Promise<NegotiationResult> {
    return negotiation(await this.rpc.call(request));
  }

  /** Asks the engine for the next hold toggle's offer; kept only if nothing was negotiated since. */
  private refreshNext(): void {
    const generation = this.generation;
    this.rpc.call({ op: 'nextOffer', callId: this.callId }).then(
      (result) => {
        if (generation === this.generation && !this.closed) this.next = negotiation(result).next ?? null;
      },
      () => undefined,
    );
  }

  private track(work: Promise<unknown>): void {
    const callId = this.callId;
    work.catch((error: unknown) => {
      if (this.closed || callId !== this.callId) return;
      this.onMediaFailure(this, error instanceof Error ? error : new Error(String(error)));
    });
  }
}
