import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from './clock';
import { parseAuthParams } from './sip-text';

/**
 * HTTP digest authentication (RFC 2617 MD5, qop=auth) as SIP uses it for
 * REGISTER (401/Authorization) and for other requests (407/Proxy-Authorization).
 * Nonces are stateless: a timestamp, a random part and an HMAC of both under
 * a per-server secret, so any nonce we issued can be checked without a table
 * and expires after `nonceTtlMs` (a stale nonce gets a fresh challenge).
 * Nonce counts are not tracked (a replayed response within the nonce's
 * lifetime is accepted): acceptable for a loopback lab, not for production.
 */

export type DigestVerdict =
  | { kind: 'ok'; user: string }
  | { kind: 'malformed'; detail: string }
  | { kind: 'stale' }
  | { kind: 'refused'; user: string; detail: string };

export class DigestAuthenticator {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly realm: string,
    private readonly clock: Clock,
    private readonly credentials: (user: string) => string | undefined,
    private readonly nonceTtlMs = 300_000,
  ) {}

  /** A `WWW-Authenticate` / `Proxy-Authenticate` header value. */
  challenge(stale = false): string {
    const nonce = this.newNonce();
    return `Digest realm="${this.realm}", nonce="${nonce}", algorithm=MD5, qop="auth"${stale ? ', stale=true' : ''}`;
  }

  /** Checks an `Authorization` / `Proxy-Authorization` value for a request with that method. */
  verify(header: string, method: string): DigestVerdict {
    const match = /^\s*Digest\s+(.+)$/is.exec(header);
    if (!match) return { kind: 'malformed', detail: 'not a Digest header' };
    const params = parseAuthParams(match[1] as string);
    if (!params) return { kind: 'malformed', detail: 'unreadable parameters' };
    const user = params.get('username');
    const realm = params.get('realm');
    const nonce = params.get('nonce');
    const uri = params.get('uri');
    const response = params.get('response');
    if (!user || realm === undefined || !nonce || !uri || !response) {
      return { kind: 'malformed', detail: 'missing username/realm/nonce/uri/response' };
    }
    const algorithm = params.get('algorithm') ?? 'MD5';
    if (algorithm.toUpperCase() !== 'MD5') return { kind: 'malformed', detail: 'unsupported algorithm' };
    const qop = params.get('qop');
    if (qop !== undefined && qop !== 'auth') return { kind: 'malformed', detail: 'unsupported qop' };
    const nc = params.get('nc');
    const cnonce = params.get('cnonce');
    if (qop === 'auth' && (!nc || !/^[0-9a-fA-F]{8}$/.test(nc) || !cnonce)) {
      return { kind: 'malformed', detail: 'qop=auth without nc/cnonce' };
    }
    if (realm !== this.realm) return { kind: 'refused', user, detail: 'wrong realm' };
    const age = this.nonceAge(nonce);
    if (age === undefined) return { kind: 'stale' };
    if (age > this.nonceTtlMs) return { kind: 'stale' };
    const password = this.credentials(user);
    if (password === undefined) return { kind: 'refused', user, detail: 'unknown user' };
    const ha1 = md5(`${user}:${realm}:${password}`);
    const ha2 = md5(`${method}:${uri}`);
    const expected =
      qop === 'auth' ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
    if (!sameText(expected, response.toLowerCase())) return { kind: 'refused', user, detail: 'wrong response' };
    return { kind: 'ok', user };
  }

  private newNonce(): string {
    const stamp = `${this.clock.now().toString(16)}-${randomBytes(8).toString('hex')}`;
    return `${stamp}.${this.sign(stamp)}`;
  }

  /** Age in ms of a nonce we issued; undefined when we did not issue it. */
  private nonceAge(nonce: string): number | undefined {
    const dot = nonce.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const stamp = nonce.slice(0, dot);
    if (!sameText(this.sign(stamp), nonce.slice(dot + 1))) return undefined;
    const issued = Number.parseInt(stamp.split('-')[0] ?? '', 16);
    return Number.isFinite(issued) ? Math.max(0, this.clock.now() - issued) : undefined;
  }

  private sign(stamp: string): string {
    return createHmac('sha256', this.secret).update(`${stamp}:${this.realm}`).digest('hex').slice(0, 32);
  }
}

export function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
