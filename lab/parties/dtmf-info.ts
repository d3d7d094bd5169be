/**
 * One DTMF digit from a SIP INFO body: `application/dtmf-relay`
 * (`Signal=5`) or `application/dtmf` (`5`). Anything else is null, so the
 * caller can refuse it.
 */
export function parseDtmfInfo(contentType: string | undefined, body: string): string | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (body.length > 1_000) return null;
  let signal: string | undefined;
  if (type === 'application/dtmf-relay') signal = /^\s*signal\s*=\s*(\S+)\s*$/im.exec(body)?.[1];
  else if (type === 'application/dtmf') signal = body.trim();
  if (!signal) return null;
  const digit = signal.toUpperCase();
  return /^[0-9A-D*#]$/.test(digit) ? digit : null;
}
