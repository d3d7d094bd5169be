import { randomUUID } from 'node:crypto';
import { Invitation, SessionState, type Session, type UserAgent } from 'sip.js';
import type { DtmfMode, LinesView } from '../../../common/contract/softphone';
import {
  apply,
  checkInvariants,
  decide,
  INITIAL_PHONE_STATE,
  type Effect,
  type LineCommand,
  type LineEvent,
  type LineId,
  type PhoneState,
  type RefusalReason,
} from '../../../common/softphone';
import type { Logger } from '../../../common/log/logger';
import type { EngineRpc } from '../media/engine-rpc';
import type { CallQualityReport, MediaConfig } from '../../../common/contract/engine-media';
import { contactIdHeader, lineOf, lineReplacedBy, mediaCallId, newBoundCall, type BoundCall } from './bound-call';
import { remoteLabel } from './call-targets';
import { reinvite, runEffect, type EffectContext } from './effect-runner';
import { CallMediaControl, rebuildMedia } from './call-media-control';
import { BridgedSessionDescriptionHandler } from '../media/bridged-sdh';

export interface LineManagerDeps {
  userAgent(): UserAgent | null;
  aor(): string;
  dtmfMode(): DtmfMode;
  rpc: EngineRpc;
  publish(view: LinesView): void;
  log: Logger;
  now?: () => number;
  /** Engine call ids (tests pass a predictable sequence). */
  newMediaId?: () => string;
}

/**
 * Line 1 / line 2 as the source of truth (PRODUCT V2–V8). Every agent
 * command and every SIP fact goes through the pure table in
 * common/softphone: a refused command changes nothing; an accepted one moves
 * the state at once (published to the UI) and its effects are performed in
 * order, one transition after another, so SIP never sees two of our
 * transitions interleaved.
 */
export class LineManager {
  private phone: PhoneState = INITIAL_PHONE_STATE;
  private readonly calls: Partial<Record<LineId, BoundCall>> = {};
  private pendingOffer: Invitation | null = null;
  private lastPublished = '';
  private queue: Promise<void> = Promise.resolve();
  private readonly ctx: EffectContext;
  private readonly now: () => number;
  private readonly media: CallMediaControl;

  constructor(private readonly deps: LineManagerDeps) {
    this.now = deps.now ?? Date.now;
    this.media = new CallMediaControl(deps.rpc, deps.newMediaId ?? randomUUID, (handler, error) => this.mediaFailed(handler, error));
    this.ctx = {
      calls: this.calls,
      userAgent: deps.userAgent,
      aor: deps.aor,
      dtmfMode: deps.dtmfMode,
      rpc: deps.rpc,
      event: (event) => this.event(event),
      watch: (_line, session) => this.watch(session),
      now: this.now,
      log: deps.log,
    };
  }

  get state(): PhoneState {
    return this.phone;
  }

  /**
   * The contact-center contact an incoming call on `line` belongs to, from
   * the `X-Contact-Id` header the contact center puts on the offer and
   * consult INVITEs (validated), or null.
   */
  contactOf(line: LineId): string | null {
    const session = this.calls[line]?.session;
    return session instanceof Invitation ? contactIdHeader(session) : null;
  }

  command(command: LineCommand): { accepted: true } | { accepted: false; reason: RefusalReason } {
    const decision = decide(this.phone, command);
    if (!decision.ok) {
      this.deps.log.info('line command refused', { command: command.kind, reason: decision.reason });
      return { accepted: false, reason: decision.reason };
    }
    this.commit(decision.next, decision.effects);
    return { accepted: true };
  }

  /** SIP.js's session-description handler factory (see CallMediaControl). */
  handlerFactory(config: MediaConfig): (session: Session) => BridgedSessionDescriptionHandler {
    return this.media.handlerFactory(config);
  }

  /** A new INVITE: the table places it on a line or refuses it. */
  incoming(invitation: Invitation): void {
    const replaced = lineReplacedBy(this.calls, invitation);
    if (replaced) {
      this.replace(replaced, invitation);
      return;
    }
    this.pendingOffer = invitation;
    this.event({ kind: 'incoming' });
    if (this.pendingOffer === invitation) {
      // The table produced neither offer nor rejection: never leave a caller hanging.
      this.pendingOffer = null;
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
    }
  }

  event(event: LineEvent): void {
    const { next, effects } = apply(this.phone, event);
    this.commit(next, effects);
  }

  /**
   * The engine window was recreated (its renderer crashed): every live call
   * lost its media. Each gets a fresh peer connection by re-INVITE, keeping
   * its hold and mute state; a conference is mixed again. Signalling never
   * noticed, so the far ends stay on the call (PRODUCT V12).
   */
  recoverMedia(newCallId: () => string): void {
    const recovered = (['line1', 'line2'] as const).filter((line) => this.recoverLine(line, newCallId));
    if (recovered.length === 2 && this.phone.line1.state === 'conference') {
      this.queue = this.queue
        .then(() => runEffect({ kind: 'mix', lines: ['line1', 'line2'] }, this.ctx))
        .catch((error: unknown) => this.deps.log.warn('conference remix failed', { error }));
    }
    if (recovered.length > 0) this.deps.log.info('recovering call media after engine restart', { lines: recovered });
  }

  /** Gives one live call fresh media by re-INVITE, keeping hold and mute; false if it has none to recover. */
  private recoverLine(line: LineId, newCallId: () => string): boolean {
    const call = this.calls[line];
    const work = call && rebuildMedia(call, this.phone[line].state === 'held', this.phone[line].muted, newCallId());
    if (!work) return false;
    this.queue = this.queue.then(work).catch((error: unknown) => this.deps.log.warn('media recovery failed', { line, error }));
    return true;
  }

  /**
   * The engine could not apply a description the far end already has (an
   * answer we ACKed, an offer we sent ahead): rebuild that call's media.
   */
  private mediaFailed(handler: BridgedSessionDescriptionHandler, error: Error): void {
    const line = (['line1', 'line2'] as const).find((l) => this.calls[l]?.session.sessionDescriptionHandler === handler);
    this.deps.log.warn('call media failed; rebuilding it', { line: line ?? null, error: error.message });
    if (!line) return;
    const wasMixed = this.phone.line1.state === 'conference';
    if (this.recoverLine(line, this.media.newId) && wasMixed) {
      this.queue = this.queue
        .then(() => runEffect({ kind: 'mix', lines: ['line1', 'line2'] }, this.ctx))
        .catch((remixError: unknown) => this.deps.log.warn('conference remix failed', { error: remixError }));
    }
  }

  /**
   * The engine's statistics for a call. Two reports in a row without a new
   * packet while audio is expected (talking, not held either way) mean the
   * media path died under a live dialog (network change, NAT rebinding): ask
   * for an ICE restart by re-INVITE, at most every 15 s.
   */
  onQuality({ callId, quality }: CallQualityReport): boolean {
    const line = (['line1', 'line2'] as const).find((l) => mediaCallId(this.calls[l]) === callId);
    const call = line && this.calls[line];
    if (!line || !call) return false;
    const { state, remoteHeld } = this.phone[line];
    const expectingAudio = (state === 'connected' || state === 'consulting' || state === 'conference') && !remoteHeld;
    const stalled = expectingAudio && call.quality !== null && quality.packetsReceived === call.quality.packetsReceived;
    call.stalledReports = stalled ? call.stalledReports + 1 : 0;
    call.quality = quality;
    if (call.stalledReports >= 2 && this.now() - call.iceRestartAt > 15_000) {
      call.iceRestartAt = this.now();
      this.deps.log.warn('media stalled; restarting ICE', { line });
      this.queue = this.queue
        .then(() => reinvite(call.session, false, true))
        .catch((error: unknown) => this.deps.log.warn('ICE restart failed', { line, error }));
    }
    this.publish();
    return true;
  }

  /** Hangs up everything (quit, account change). */
  async dropAll(): Promise<void> {
    for (const line of ['line2', 'line1'] as const) {
      if (this.phone[line].state !== 'idle') this.command({ kind: 'hangup', line });
    }
    await this.queue;
  }

  private commit(next: PhoneState, effects: Effect[]): void {
    const problems = checkInvariants(next);
    if (problems.length > 0) this.deps.log.error('line state invariant broken', { problems });
    this.phone = next;
    for (const effect of effects) this.bindNow(effect);
    this.publish();
    for (const effect of effects) {
      // Ring tones are fire-and-forget: an answer must not wait for the
      // engine to confirm that the ringing stopped.
      if (effect.kind === 'ring' || effect.kind === 'stopRing') {
        void runEffect(effect, this.ctx).catch((error: unknown) => this.effectFailed(effect, error));
        continue;
      }
      this.queue = this.queue
        .then(() => runEffect(effect, this.ctx))
        .then(() => this.publish())
        .catch((error: unknown) => this.effectFailed(effect, error));
    }
  }

  /** Effects that only rebind calls happen synchronously, before any other event. */
  private bindNow(effect: Effect): void {
    if (effect.kind === 'offer' && this.pendingOffer) {
      const invitation = this.pendingOffer;
      this.pendingOffer = null;
      this.calls[effect.line] = newBoundCall(invitation, remoteLabel(invitation.remoteIdentity), this.now());
      this.watch(invitation);
      void invitation.progress().catch(() => undefined);
      this.media.prepare(invitation);
    } else if (effect.kind === 'rejectIncoming' && this.pendingOffer) {
      const invitation = this.pendingOffer;
      this.pendingOffer = null;
      void invitation.reject({ statusCode: effect.status }).catch(() => undefined);
    } else if (effect.kind === 'moveLine') {
      this.calls[effect.to] = this.calls[effect.from];
      delete this.calls[effect.from];
    }
  }

  /**
   * Swaps the line's call for the replacing one: answered at once (the
   * agent is already talking on this line), the replaced dialog ended with
   * BYE. The line keeps its state, hold and mute; no new ringing.
   */
  private replace(line: LineId, invitation: Invitation): void {
    const old = this.calls[line];
    this.calls[line] = newBoundCall(invitation, remoteLabel(invitation.remoteIdentity), this.now());
    this.watch(invitation);
    const { state, muted } = this.phone[line];
    this.deps.log.info('call replaced by a transfer', { line });
    this.queue = this.queue
      .then(async () => {
        await invitation.accept();
        const call = this.calls[line];
        if (call?.session === invitation) call.answeredAt = this.now();
        if (old) await old.session.bye().catch(() => undefined);
        const sdh = invitation.sessionDescriptionHandler;
        if (muted && sdh instanceof BridgedSessionDescriptionHandler) await sdh.setMuted(true);
        if (state === 'held') await reinvite(invitation, true);
      })
      .then(() => this.publish())
      .catch((error: unknown) => this.deps.log.warn('replacing the call failed', { line, error }));
    this.publish();
  }

  private effectFailed(effect: Effect, error: unknown): void {
    this.deps.log.warn('line effect failed', { effect: effect.kind, error });
    if (effect.kind === 'answer' || effect.kind === 'invite') this.event({ kind: 'failed', line: effect.line, status: 500 });
  }

  /** Turns the session's end into the table's fact for the line it is on. */
  private watch(session: Session): void {
    // A far-end re-INVITE (SIP.js answers it itself): sendonly/inactive = we are held.
    session.delegate = {
      ...session.delegate,
      onInvite: (request) => {
        const line = lineOf(this.calls, session);
        if (!line) return;
        const held = /^a=(sendonly|inactive)\s*$/m.test(request.body ?? '');
        this.event({ kind: held ? 'remoteHold' : 'remoteUnhold', line });
      },
    };
    session.stateChange.addListener((state) => {
      if (state !== SessionState.Terminated) return;
      // SIP.js terminates an Inviter before it calls onReject: look one
      // microtask later, once the final status has been recorded.
      queueMicrotask(() => this.terminated(session));
    });
  }

  /** The session on a line is over: tell the table which fact that is. */
  private terminated(session: Session): void {
    this.media.ended(session);
    const line = lineOf(this.calls, session);
    if (!line) return;
    const call = this.calls[line];
    delete this.calls[line];
    const lineState = this.phone[line].state;
    if (lineState === 'ending') this.event({ kind: 'ended', line });
    else if (lineState === 'ringing') this.event({ kind: 'cancelled', line });
    else if (call?.answeredAt === null && call.failureStatus !== null) this.event({ kind: 'failed', line, status: call.failureStatus });
    else if (lineState === 'dialing' || lineState === 'consultRequested') this.event({ kind: 'failed', line, status: call?.failureStatus ?? 487 });
    else this.event({ kind: 'remoteHangup', line });
    this.publish();
  }

  private publish(): void {
    const view = this.view();
    // Effects re-publish after they ran; only a real change reaches the UI.
    const key = JSON.stringify(view);
    if (key === this.lastPublished) return;
    this.lastPublished = key;
    this.deps.publish(view);
  }

  private view(): LinesView {
    const info = (line: LineId) => {
      const call = this.calls[line];
      return call ? { remote: call.remote.slice(0, 256), startedAt: call.startedAt, answeredAt: call.answeredAt, quality: call.quality } : null;
    };
    return { phone: this.phone, calls: { line1: info('line1'), line2: info('line2') } };
  }
}
