import type { DialPlan } from './org-schema';

export type DialCheck = { ok: true; number: string } | { ok: false; reason: string };

/** What an agent types, without the spaces, dashes, dots and brackets people add. */
export function normalizeNumber(input: string): string {
  return input.replace(/[\s\-().]/g, '');
}

/**
 * The profile's outdial restriction (V7): allowed prefixes, length and an
 * optional pattern. A refused number is error 21 "outdial rejected" (C3).
 */
export function checkDialPlan(plan: DialPlan, input: string): DialCheck {
  const number = normalizeNumber(input);
  if (!/^\+?[0-9]+$/.test(number)) return { ok: false, reason: 'not a phone number' };
  const length = number.replace(/^\+/, '').length;
  if (length < plan.minLength) return { ok: false, reason: `shorter than ${plan.minLength} digits` };
  if (length > plan.maxLength) return { ok: false, reason: `longer than ${plan.maxLength} digits` };
  if (!plan.allowedPrefixes.some((prefix) => number.startsWith(prefix))) {
    return { ok: false, reason: 'prefix not allowed by the dial plan' };
  }
  if (plan.pattern !== undefined && !new RegExp(plan.pattern).test(number)) {
    return { ok: false, reason: 'refused by the dial-plan pattern' };
  }
  return { ok: true, number };
}
