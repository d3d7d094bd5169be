/**
 * What the agent types into the dial box or DTMF pad, checked for shape only.
 * Dial-plan rules of the profile (V7: lengths, prefixes) are applied before a
 * command reaches the table; this layer only guarantees that what goes into a
 * SIP request is a well-formed number or URI.
 */

/** Longest DTMF burst accepted at once: a card number plus a PIN fits. */
export const MAX_DTMF_DIGITS = 32;

/** Longest dial string (digits after separators are removed). */
export const MAX_DIAL_DIGITS = 32;

/** Longest SIP URI accepted as a target. */
export const MAX_TARGET_LENGTH = 256;

/** Separators people type in phone numbers: `+1 (555) 010-0199`, `555.0100`. */
const PHONE_SEPARATORS = /[\s\-.()]/g;
const DIAL_STRING = /^\+?[0-9*#]+$/;

/**
 * `sip:`/`sips:` with a user part and a host (name, IPv4 or [IPv6]), an
 * optional port and URI parameters. No spaces, quotes or angle brackets, so
 * nothing can break out of the Request-URI or a Refer-To header.
 */
const SIP_URI = /^sips?:[^\s@<>"]+@(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:;[^\s<>"]*)?$/;

/** An address-book entry without scheme, `agent7@example.com`. */
const BARE_ADDRESS = /^[^\s@<>":;]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/**
 * A dial target in the form effects carry, or null when it is not one:
 * phone numbers lose their separators, bare addresses gain `sip:`, URIs keep
 * their case (the user part is case-sensitive).
 */
export function normalizeTarget(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_TARGET_LENGTH) return null;
  if (/^sips?:/i.test(text)) {
    const uri = text.replace(/^sips?/i, (scheme) => scheme.toLowerCase());
    return SIP_URI.test(uri) ? uri : null;
  }
  if (BARE_ADDRESS.test(text)) return `sip:${text}`;
  const digits = text.replace(PHONE_SEPARATORS, '');
  if (!DIAL_STRING.test(digits)) return null;
  const count = digits.startsWith('+') ? digits.length - 1 : digits.length;
  return count <= MAX_DIAL_DIGITS ? digits : null;
}

export type DigitsCheck = { ok: true; digits: string } | { ok: false; reason: 'invalid-digits' | 'too-many-digits' };

/** DTMF keys of RFC 4733 events 0–15: `0-9 * # A-D` (lower case accepted). */
export function checkDtmfDigits(raw: unknown): DigitsCheck {
  if (typeof raw !== 'string' || !/^[0-9*#A-Da-d]+$/.test(raw)) return { ok: false, reason: 'invalid-digits' };
  if (raw.length > MAX_DTMF_DIGITS) return { ok: false, reason: 'too-many-digits' };
  return { ok: true, digits: raw.toUpperCase() };
}
