import { Invitation, Inviter, type Session, type UserAgent } from 'sip.js';
import type { DtmfMode } from '../../../common/contract/softphone';
import type { Effect, LineEvent, LineId } from '../../../common/softphone';
import type { Logger } from '../../../common/log/logger';
import type { EngineRpc } from '../media/engine-rpc';
import { BridgedSessionDescriptionHandler } from '../media/bridged-sdh';
import { mediaCallId, newBoundCall, type BoundCall } from './bound-call';
import { remoteLabel, sipfragStatus, targetUri } from './call-targets';

/** What the runner may touch: the bound calls, the UA, the engine, and the table. */
export interface EffectContext {
  calls: Partial<Record<LineId, BoundCall>>;
  userAgent(): UserAgent | null;
  aor(): string;
  dtmfMode(): DtmfMode;
  rpc: EngineRpc;
  /** Reports a SIP outcome back to the table. */
  event(event: LineEvent): void;
  /** Starts watching a new session (state changes → events). */
  watch(line: LineId, session: Session): void;
  now(): number;
  log: Logger;
}

/**
 * Makes the world match one table transition: each effect becomes SIP.js
 * calls or a media request. Failures are reported back as events where the
 * table models them (`failed`, `transferFailed`) and logged otherwise.
 */
export async function runEffect(effect: Effect, ctx: EffectContext): Promise<void> {
  const call = 'line' in effect ? ctx.calls[effect.line] : undefined;
  switch (effect.kind) {
    case 'offer':
    case 'rejectIncoming':
    case 'moveLine':
      return; // bound synchronously by the line manager
    case 'ring':
      await ctx.rpc.call({ op: 'ring', tone: effect.tone });
      return;
    case 'stopRing':
      await ctx.rpc.call({ op: 'stopRing' });
      return;
    case 'answer':
      if (call?.session instanceof Invitation) {
        await call.session.accept();
        call.answeredAt = ctx.now();
      }
      return;
    case 'reject':
      if (call?.session instanceof Invitation) await call.session.reject({ statusCode: effect.status });
      return;
    case 'invite':
      return invite(effect.line, effect.target, ctx);
    case 'cancel':
      if (call?.session instanceof Inviter) await call.session.cancel();
      return;
    case 'bye':
      await call?.session.bye();
      return;
    case 'hold':
    case 'unhold':
      if (call) await reinvite(call.session, effect.kind === 'hold');
      return;
    case 'mute':
    case 'unmute': {
      const sdh = call?.session.sessionDescriptionHandler;
      if (sdh instanceof BridgedSessionDescriptionHandler) await sdh.setMuted(effect.kind === 'mute');
      return;
    }
    case 'dtmf':
      if (call) await sendDtmf(call.session, effect.digits, ctx.dtmfMode());
      return;
    case 'refer':
      return refer(effect.target, ctx);
    case 'referReplaces':
      return refer(null, ctx);
    case 'mix': {
      const ids = [mediaCallId(ctx.calls.line1), mediaCallId(ctx.calls.line2)];
      if (ids[0] && ids[1]) await ctx.rpc.call({ op: 'mix', callIds: [ids[0], ids[1]] });
      return;
    }
    case 'unmix':
      await ctx.rpc.call({ op: 'unmix' });
      return;
  }
}

async function invite(line: LineId, target: string, ctx: EffectContext): Promise<void> {
  const ua = ctx.userAgent();
  const uri = targetUri(target, ctx.aor());
  if (!ua || !uri) {
    ctx.event({ kind: 'failed', line, status: ua ? 484 : 503 });
    return;
  }
  const inviter = new Inviter(ua, uri);
  ctx.calls[line] = newBoundCall(inviter, remoteLabel(inviter.remoteIdentity), ctx.now());
  ctx.watch(line, inviter);
  await inviter.invite({
    requestDelegate: {
      onProgress: (response) => {
        const code = response.message.statusCode ?? 0;
        if (code === 180 || code === 183) ctx.event({ kind: 'remoteRinging', line });
      },
      onAccept: () => {
        const bound = Object.values(ctx.calls).find((c) => c?.session === inviter);
        if (bound) bound.answeredAt = ctx.now();
        ctx.event({ kind: 'remoteAnswered', line });
      },
      onReject: (response) => {
        const bound = Object.values(ctx.calls).find((c) => c?.session === inviter);
        if (bound) bound.failureStatus = response.message.statusCode ?? 500;
      },
    },
  });
}

/**
 * Hold/resume by re-INVITE. SIP.js resolves `invite()` when the request is
 * *sent*; we wait for the final response so the next re-INVITE on the same
 * dialog cannot overlap (491 Request Pending).
 */
export function reinvite(session: Session, hold: boolean, iceRestart = false): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    session
      .invite({
        sessionDescriptionHandlerOptions: (iceRestart ? { hold, offerOptions: { iceRestart: true } } : { hold }) as never,
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (response) => reject(new Error(`re-INVITE refused: ${response.message.statusCode ?? 0}`)),
        },
      })
      .catch(reject);
  });
}

async function sendDtmf(session: Session, digits: string, mode: DtmfMode): Promise<void> {
  if (mode === 'rfc4733') {
    session.sessionDescriptionHandler?.sendDtmf(digits);
    return;
  }
  for (const digit of digits) {
    await session.info({
      requestOptions: {
        body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=160` },
      },
    });
  }
}

/** Blind transfer to `target`, or (null) consult transfer: line 1 REFERred to line 2 with Replaces. */
async function refer(target: string | null, ctx: EffectContext): Promise<void> {
  const customer = ctx.calls.line1?.session;
  const consulted = ctx.calls.line2?.session;
  const referTo = target === null ? consulted : targetUri(target, ctx.aor());
  if (!customer || !referTo) {
    ctx.event({ kind: 'transferFailed', status: 400 });
    return;
  }
  let settled = false;
  const settle = (status: number): void => {
    if (settled) return;
    if (status >= 200 && status < 300) ctx.event({ kind: 'transferAccepted' });
    else if (status >= 300) ctx.event({ kind: 'transferFailed', status });
    else return;
    settled = true;
  };
  await customer.refer(referTo, {
    requestDelegate: { onReject: (response) => settle(response.message.statusCode ?? 500) },
    onNotify: (notification) => {
      void notification.accept().catch(() => undefined);
      const status = sipfragStatus(notification.request.body);
      if (status !== null) settle(status);
    },
  });
}
