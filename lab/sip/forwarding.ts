import { Grammar } from 'sip.js';
import { newBranch } from './ids';
import { appendLine } from './responses';
import type { OutgoingRequest, SipRequest } from './sip-message';

/**
 * How the proxy rewrites a request it forwards (RFC 3261 16.6): new
 * Request-URI (the target contact), Max-Forwards minus one, our own
 * Proxy-Authorization removed, our Via on top with a fresh branch, and
 * Record-Route on requests that create dialogs so in-dialog requests come
 * back through us (loose routing, `;lr`).
 */

/** Our address as it appears in Via and Record-Route. */
export interface ProxyAddress {
  host: string;
  port: number;
  domain: string;
}

export function viaValue(self: ProxyAddress, branch: string): string {
  return `SIP/2.0/WS ${self.host}:${self.port};branch=${branch}`;
}

export function recordRouteValue(self: ProxyAddress): string {
  return `<sip:${self.host}:${self.port};transport=ws;lr>`;
}

/** True for a Route value that names this proxy (our Record-Route, or a preloaded `sip:<domain>`). */
export function isOwnRoute(value: string, self: ProxyAddress): boolean {
  let uri;
  try {
    uri = Grammar.nameAddrHeaderParse(value)?.uri;
  } catch {
    uri = undefined;
  }
  if (!uri || uri.user) return false;
  const host = uri.host.toLowerCase();
  if (host === self.domain.toLowerCase()) return true;
  return host === self.host && (uri.port ?? 5060) === self.port;
}

/** Removes the Route entries naming us from the top of the route set. */
export function stripOwnRoutes(request: SipRequest, self: ProxyAddress): void {
  for (;;) {
    const top = request.headers.first('Route');
    if (top === undefined || !isOwnRoute(top, self)) return;
    request.headers.shift('Route');
  }
}

export function maxForwardsOf(request: SipRequest): number {
  const value = request.headers.first('Max-Forwards');
  return value === undefined ? 70 : Number(value);
}

export interface ForwardOptions {
  uri: string;
  recordRoute: boolean;
  /** Extra `Name: value` lines for the forwarded copy. */
  extraHeaders?: string[];
}

/** The copy of `request` to send downstream, and the branch of the Via we added. */
export function prepareForward(
  request: SipRequest,
  self: ProxyAddress,
  options: ForwardOptions,
): { request: OutgoingRequest; branch: string } {
  const branch = newBranch();
  const headers = request.headers.clone();
  headers.set('Max-Forwards', String(maxForwardsOf(request) - 1));
  headers.remove('Proxy-Authorization');
  headers.prepend('Via', viaValue(self, branch));
  if (options.recordRoute) headers.prepend('Record-Route', recordRouteValue(self));
  for (const line of options.extraHeaders ?? []) appendLine(headers, line);
  return { request: { method: request.method, uri: options.uri, headers, body: request.body }, branch };
}
