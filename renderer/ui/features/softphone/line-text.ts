import type { CallInfo } from '../../../../common/contract/softphone';
import type { LineId, LineState, PhoneState } from '../../../../common/softphone';

/**
 * The state names the agent reads on a line card (`softphone.lineState.<label>`),
 * in the seed's words (A4): Ringing, Connected, On hold, Consult requested,
 * Consulting, Conference; an outdial reads "Calling…" until the far end
 * rings ("Ringing at far end", from `alerting`).
 */
export const LINE_STATE_LABELS = [
  'idle',
  'ringing',
  'calling',
  'ringingFarEnd',
  'connected',
  'held',
  'consultRequested',
  'consultRingingFarEnd',
  'consulting',
  'conference',
  'ending',
] as const;
export type LineStateLabel = (typeof LINE_STATE_LABELS)[number];

/** Extra facts shown as badges next to the state (`softphone.lineFlag.<flag>`). */
export const LINE_FLAGS = ['customerOnHold', 'remoteHeld', 'transferring', 'muted'] as const;
export type LineFlag = (typeof LINE_FLAGS)[number];

const DIRECT: Partial<Record<LineState, LineStateLabel>> = {
  idle: 'idle',
  ringing: 'ringing',
  connected: 'connected',
  held: 'held',
  consulting: 'consulting',
  conference: 'conference',
  ending: 'ending',
};

/**
 * What the card of `line` says. While the customer waits on hold for a
 * consult, line 1 reads like line 2 ("Consult requested", "Consulting",
 * as in the seed's line-1 table) with an "On hold" badge.
 */
export function lineStateLabel(phone: PhoneState, line: LineId): LineStateLabel {
  const snapshot = phone[line];
  if (line === 'line1' && snapshot.state === 'held' && !snapshot.transferring) {
    if (phone.line2.state === 'consultRequested') return 'consultRequested';
    if (phone.line2.state === 'consulting') return 'consulting';
  }
  switch (snapshot.state) {
    case 'dialing':
      return snapshot.alerting ? 'ringingFarEnd' : 'calling';
    case 'consultRequested':
      return snapshot.alerting ? 'consultRingingFarEnd' : 'consultRequested';
    default:
      return DIRECT[snapshot.state] ?? 'idle';
  }
}

/** Badges for `line`, in display order. */
export function lineFlags(phone: PhoneState, line: LineId): LineFlag[] {
  const snapshot = phone[line];
  const flags: LineFlag[] = [];
  const label = lineStateLabel(phone, line);
  if (snapshot.state === 'held' && label !== 'held') flags.push('customerOnHold');
  if (snapshot.remoteHeld) flags.push('remoteHeld');
  if (snapshot.transferring) flags.push('transferring');
  if (snapshot.muted) flags.push('muted');
  return flags;
}

/** Which clock a card shows: waiting until answered, then handling time. */
export interface LineClock {
  kind: 'waiting' | 'handling';
  /** Epoch ms the clock counts from. */
  since: number;
}

export function lineClock(call: CallInfo | null): LineClock | null {
  if (!call) return null;
  return call.answeredAt === null
    ? { kind: 'waiting', since: call.startedAt }
    : { kind: 'handling', since: call.answeredAt };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A timer's text: `mm:ss` under an hour, `h:mm:ss` from then on. Negative
 * spans (the clock stepped back, or main's clock is ahead) read as 00:00.
 */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(seconds)}` : `${pad2(minutes)}:${pad2(seconds)}`;
}
