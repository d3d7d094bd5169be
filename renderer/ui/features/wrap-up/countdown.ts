import type { WrapUp } from '../../../../common/agent-api/session';

/**
 * Whole seconds left until `autoSubmitAt` (rounded up, never below 0), or
 * null when there is no countdown to show: no timer, or auto wrap-up cancelled.
 */
export function autoSecondsLeft(wrapUp: Pick<WrapUp, 'autoSubmitAt' | 'autoCancelled'>, now: number): number | null {
  if (wrapUp.autoSubmitAt === null || wrapUp.autoCancelled) return null;
  return Math.max(0, Math.ceil((wrapUp.autoSubmitAt - now) / 1000));
}

/** The label of the code auto wrap-up submits: the default code's, else the code itself, else null. */
export function defaultCodeLabel(wrapUp: Pick<WrapUp, 'codes' | 'defaultCode'>): string | null {
  if (wrapUp.defaultCode === null) return null;
  return wrapUp.codes.find((c) => c.code === wrapUp.defaultCode)?.label ?? wrapUp.defaultCode;
}
