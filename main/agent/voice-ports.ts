import type { AgentSnapshot, ApiErrorCode, VoiceContact } from '../../common/agent-api';
import type { AgentWorkRequest, AgentWorkResult } from '../../common/contract/agent-session';
import type { VoiceActionResult } from '../../common/contract/voice-actions';
import type { Logger } from '../../common/log/logger';
import type { LineCommand, LineId, PhoneState, RefusalReason } from '../../common/softphone';

/** What a voice action needs of the softphone's lines (the LineManager, or a fake). */
export interface VoicePhone {
  state(): PhoneState;
  command(command: LineCommand): { accepted: true } | { accepted: false; reason: RefusalReason };
  /** The contact an incoming call on the line belongs to (its `X-Contact-Id`), or null. */
  contactOf(line: LineId): string | null;
}

/** Timers, injected so tests run on a manual clock. */
export interface VoiceClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface VoiceActionDeps {
  /** One agent API work op (AgentSession.work). */
  work(request: AgentWorkRequest): Promise<AgentWorkResult>;
  /** The agent's current view from the agent API, null when logged out. */
  view(): AgentSnapshot | null;
  phone: VoicePhone;
  /** Calls `listener` after every change of the session view or the lines; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** A failure found after the action returned (the consult or outdial call failed): shown like a refused request. */
  reportFailure(failure: { code: ApiErrorCode; number?: number }): void;
  log: Logger;
  clock?: VoiceClock;
  /** How long accept waits for the offer's call to ring on the phone (default 8 s). */
  ringWaitMs?: number;
}

export const OK: VoiceActionResult = { ok: true };

export const refusedByApi = (result: AgentWorkResult & { ok: false }): VoiceActionResult => ({
  ok: false,
  code: result.code,
  ...(result.number !== undefined ? { number: result.number } : {}),
});

export const refusedByPhone = (reason: RefusalReason): VoiceActionResult => ({ ok: false, code: 'phone-refused', reason });

export const refused = (code: ApiErrorCode, number?: number): VoiceActionResult => ({
  ok: false,
  code,
  ...(number !== undefined ? { number } : {}),
});

export type { VoiceContact };

export const systemClock: VoiceClock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Resolves true as soon as `ready()` holds (checked now and after every
 * change), false when `ms` pass first. Never throws.
 */
export function until(deps: Pick<VoiceActionDeps, 'onChange'>, clock: VoiceClock, ready: () => boolean, ms: number): Promise<boolean> {
  if (ready()) return Promise.resolve(true);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: boolean): void => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      off();
      resolve(value);
    };
    const off = deps.onChange(() => {
      if (ready()) finish(true);
    });
    const timer = clock.setTimeout(() => finish(false), ms);
  });
}
