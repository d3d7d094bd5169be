import { HeaderList } from './header-list';
import type { OutgoingRequest, OutgoingResponse, SipResponse } from './sip-message';

/**
 * Messages the proxy writes itself: its own responses (RFC 3261 8.2.6: Via,
 * From, To, Call-ID and CSeq copied, a To tag on everything but 100) and the
 * hop-by-hop ACK and CANCEL a stateful proxy sends downstream (16.7, 16.10).
 */

export const REASONS: Record<number, string> = {
  100: 'Trying',
  180: 'Ringing',
  182: 'Queued',
  183: 'Session Progress',
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  423: 'Interval Too Brief',
  480: 'Temporarily Unavailable',
  481: 'Call/Transaction Does Not Exist',
  483: 'Too Many Hops',
  486: 'Busy Here',
  487: 'Request Terminated',
  500: 'Server Internal Error',
  503: 'Service Unavailable',
  603: 'Decline',
};

/** The request fields a response is built from. */
export interface RespondableRequest {
  headers: HeaderList;
}

/** `extra` is a list of `Name: value` lines. */
export function buildResponse(
  request: RespondableRequest,
  status: number,
  reason = REASONS[status] ?? 'Unknown',
  options: { toTag?: string; extra?: string[] } = {},
): OutgoingResponse {
  const headers = new HeaderList();
  for (const via of request.headers.all('Via')) headers.append('Via', via);
  for (const name of ['From', 'To', 'Call-ID', 'CSeq']) {
    const value = request.headers.first(name);
    if (value !== undefined) headers.append(name, value);
  }
  const to = headers.first('To');
  if (to !== undefined && status > 100 && options.toTag && !/;\s*tag=/i.test(to)) {
    headers.set('To', `${to};tag=${options.toTag}`);
  }
  for (const line of options.extra ?? []) appendLine(headers, line);
  headers.append('Server', 'Switchboard lab');
  return { status, reason: sanitizeReason(reason), headers, body: '' };
}

/** ACK for a non-2xx final response to an INVITE we forwarded (same branch, To from the response). */
export function buildAckForFailure(forwarded: OutgoingRequest, response: SipResponse): OutgoingRequest {
  const headers = downstreamBase(forwarded, 'ACK');
  headers.set('To', response.headers.first('To') ?? forwarded.headers.first('To') ?? '');
  return { method: 'ACK', uri: forwarded.uri, headers, body: '' };
}

/** CANCEL for an INVITE we forwarded (same branch and Request-URI). */
export function buildCancel(forwarded: OutgoingRequest): OutgoingRequest {
  return { method: 'CANCEL', uri: forwarded.uri, headers: downstreamBase(forwarded, 'CANCEL'), body: '' };
}

/** Appends `Name: value` text to a header list; ignores lines without a name or with line breaks. */
export function appendLine(headers: HeaderList, line: string): void {
  const colon = line.indexOf(':');
  if (colon <= 0 || /[\r\n]/.test(line)) return;
  headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
}

function downstreamBase(forwarded: OutgoingRequest, method: string): HeaderList {
  const headers = new HeaderList();
  const via = forwarded.headers.first('Via');
  if (via !== undefined) headers.append('Via', via);
  for (const route of forwarded.headers.all('Route')) headers.append('Route', route);
  headers.append('Max-Forwards', '70');
  for (const name of ['From', 'To', 'Call-ID']) headers.append(name, forwarded.headers.first(name) ?? '');
  const cseq = /^\s*(\d+)/.exec(forwarded.headers.first('CSeq') ?? '')?.[1] ?? '1';
  headers.append('CSeq', `${cseq} ${method}`);
  return headers;
}

function sanitizeReason(reason: string): string {
  return reason.replace(/[\r\n]+/g, ' ').slice(0, 120) || 'Unknown';
}
