import { SessionState, type Invitation, type Session } from 'sip.js';
import type { MediaConfig } from '../../../common/contract/engine-media';
import { BridgedSessionDescriptionHandler, type MediaFailureHandler } from '../media/bridged-sdh';
import type { EngineRpc } from '../media/engine-rpc';
import type { BoundCall } from './bound-call';
import { reinvite } from './effect-runner';

/**
 * Each call's engine-side media as the line manager sees it: the handlers
 * SIP.js gets, media prepared while a call rings, and fresh media for a
 * call whose engine media is gone.
 */
export class CallMediaControl {
  /** Engine media made for a ringing call before SIP.js asks for a handler. */
  private readonly prepared = new WeakMap<Session, string>();
  private config: MediaConfig | null = null;

  constructor(
    private readonly rpc: EngineRpc,
    readonly newId: () => string,
    private readonly onFailure: MediaFailureHandler,
  ) {}

  /**
   * SIP.js's session-description handler factory for the registration's
   * user agent: every call's media lives in the engine, under the id made
   * when it started ringing if it did.
   */
  handlerFactory(config: MediaConfig): (session: Session) => BridgedSessionDescriptionHandler {
    this.config = config;
    return (session) => new BridgedSessionDescriptionHandler(this.prepared.get(session) ?? this.newId(), this.rpc, config, this.onFailure);
  }

  /**
   * While the call rings, the engine opens the microphone and applies the
   * caller's offer, so answering only creates the answer. Nothing is sent
   * to the caller before the agent answers.
   */
  prepare(invitation: Invitation): void {
    const sdp = invitation.request.body;
    const type = invitation.request.getHeader('content-type') ?? '';
    if (!this.config || !sdp || !/^application\/sdp\b/i.test(type)) return;
    const callId = this.newId();
    this.prepared.set(invitation, callId);
    void this.rpc.call({ op: 'prepare', callId, config: this.config, sdp }).catch(() => undefined);
  }

  /** The session ended: media prepared for it that SIP.js never took over is closed. */
  ended(session: Session): void {
    const prepared = this.prepared.get(session);
    if (prepared && !session.sessionDescriptionHandler) void this.rpc.call({ op: 'close', callId: prepared }).catch(() => undefined);
  }
}

/**
 * Fresh media for a live call (engine recreated, or media the far end
 * relies on failed): the handler is bound to a new engine id and the call
 * re-INVITEd, keeping hold and mute. Returns the work to queue, or null when
 * the call has no established media to rebuild.
 */
export function rebuildMedia(call: BoundCall, held: boolean, muted: boolean, newId: string): (() => Promise<void>) | null {
  const sdh = call.session.sessionDescriptionHandler;
  if (!(sdh instanceof BridgedSessionDescriptionHandler) || call.answeredAt === null) return null;
  if (call.session.state !== SessionState.Established) return null;
  sdh.rebind(newId);
  return async () => {
    await reinvite(call.session, held);
    if (muted) await sdh.setMuted(true);
  };
}
