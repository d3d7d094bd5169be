import { UserAgent, type URI } from 'sip.js';

/**
 * The table normalizes targets to a `sip:`/`sips:` URI or a dial string
 * (`+?[0-9*#]+`); a dial string is dialled in the agent's own domain, as a
 * PBX expects.
 */
export function targetUri(target: string, aor: string): URI | undefined {
  if (/^sips?:/i.test(target)) return UserAgent.makeURI(target);
  const domain = aor.replace(/^sips?:[^@]*@/i, '');
  return UserAgent.makeURI(`sip:${target}@${domain}`);
}

/** Status code of a REFER NOTIFY body (`SIP/2.0 200 OK`), or null. */
export function sipfragStatus(body: string | undefined): number | null {
  const match = /^SIP\/2\.0\s+(\d{3})/.exec((body ?? '').trim());
  return match ? Number(match[1]) : null;
}

/** What the agent sees of the far end: display name, else the user part, else the URI. */
export function remoteLabel(identity: { displayName?: string; uri: { user?: string; toString(): string } }): string {
  const name = identity.displayName?.replace(/^"|"$/g, '').trim();
  return name || identity.uri.user || identity.uri.toString();
}
