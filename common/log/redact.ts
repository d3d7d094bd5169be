/**
 * Redaction applied to every log line before it leaves the process. Logs are
 * shipped to IT and attached to tickets, so they must never carry secrets
 * (passwords, tokens, SIP digest credentials) or customer PII (phone numbers,
 * e-mail addresses, card numbers).
 */

const SECRET_KEY = /pass(word|wd|phrase)?|secret|token|credential|authorization|api[-_]?key|cookie|^ha1$/i;
const REDACTED = '[redacted]';

/** `Authorization: Digest username="…", response="…"` and friends. */
const DIGEST_HEADER =
  /\b((?:proxy-)?authorization|www-authenticate|proxy-authenticate)(\s*:\s*)(digest|basic|bearer)\b[^\r\n]*/gi;
/** key=value or "key": "value" pairs whose key names a secret. */
const SECRET_PAIR =
  /(["']?)\b([\w-]*(?:password|passwd|secret|token|api[-_]?key)[\w-]*)\1(\s*[:=]\s*)(["']?)[^"'\s,;&}]+\4/gi;
const EMAIL = /\b([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g;
/** 13–19 digits, optionally grouped by spaces or dashes (payment cards). */
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
/** Phone-like runs: optional +, then 7+ digits with common separators. */
const PHONE = /(?<![\w.])\+?\(?\d(?:[\s().-]*\d){6,}/g;

/** Keeps the last four digits, as the seed's masking table does. */
export function maskDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/** Redacts secrets and PII found in free text. */
export function redactText(text: string): string {
  return text
    .replace(DIGEST_HEADER, (_m, name: string, sep: string, scheme: string) => `${name}${sep}${scheme} ${REDACTED}`)
    .replace(SECRET_PAIR, (_m, q: string, key: string, sep: string, vq: string) => `${q}${key}${q}${sep}${vq}${REDACTED}${vq}`)
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`)
    .replace(CARD, (m) => maskDigits(m))
    .replace(PHONE, (m) => maskDigits(m));
}

/**
 * Redacts a structured value: secret-named keys lose their value entirely,
 * strings are scrubbed as text. Cycles and depth are bounded so a hostile
 * object cannot hang the logger.
 */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[depth]';
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message) };
  }
  if (Array.isArray(value)) {
    return value.slice(0, 100).map((item) => redactValue(item, depth + 1, seen));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, 100)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(item, depth + 1, seen);
  }
  return out;
}
