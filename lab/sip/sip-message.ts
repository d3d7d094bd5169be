import { Core, type NameAddrHeader, type URI } from 'sip.js';
import type { Logger } from '../log';
import { HeaderList } from './header-list';
import { splitHeaderValues } from './sip-text';

/**
 * SIP messages as the proxy handles them: parsed by SIP.js's own parser
 * (`Core.Parser`, the grammar SIP.js user agents use), validated for what a
 * proxy relies on, and kept as an editable header list so forwarding can
 * add/remove Via, Route and Record-Route and serialise the message again.
 */

/** A request to send: start line, headers, body. Content-Length is computed on serialisation. */
export interface OutgoingRequest {
  method: string;
  uri: string;
  headers: HeaderList;
  body: string;
}

/** A response to send. */
export interface OutgoingResponse {
  status: number;
  reason: string;
  headers: HeaderList;
  body: string;
}

/** A received, validated request; `from`/`to`/`uri` are SIP.js's parsed forms. */
export interface SipRequest extends OutgoingRequest {
  kind: 'request';
  callId: string;
  cseq: number;
  from: NameAddrHeader;
  to: NameAddrHeader;
  fromTag: string | undefined;
  toTag: string | undefined;
  /** Branch of the top Via (the sender's transaction id). */
  branch: string;
  ruri: URI;
  parsed: Core.IncomingRequestMessage;
}

/** A received, validated response. */
export interface SipResponse extends OutgoingResponse {
  kind: 'response';
  callId: string;
  cseq: number;
  /** Method from the CSeq header. */
  method: string;
  branch: string;
  toTag: string | undefined;
  parsed: Core.IncomingResponseMessage;
}

export type ParseOutcome =
  | { ok: true; message: SipRequest | SipResponse }
  /** `headers` is what could be read of a broken request, enough for a 400; absent for responses and unreadable text. */
  | { ok: false; error: string; badRequest?: { method: string; headers: HeaderList } };

/** Headers SIP.js keeps as one raw value although they are comma lists. */
const LIST_HEADERS = new Set(['Via', 'Route']);

/** Parses one SIP message with SIP.js's parser; never throws. */
export function parseSip(text: string, logger: Logger): ParseOutcome {
  let parsed: Core.IncomingRequestMessage | Core.IncomingResponseMessage | undefined;
  try {
    parsed = Core.Parser.parseMessage(text, parserLogger(logger));
  } catch (error) {
    parsed = undefined;
    logger.debug('SIP parser threw', { error: String(error) });
  }
  if (!parsed) return { ok: false, error: 'unparseable SIP message', badRequest: crudeRequest(text) };

  const headers = headerListOf(parsed);
  const isRequest = parsed instanceof Core.IncomingRequestMessage;
  const broken = (error: string): ParseOutcome =>
    isRequest ? { ok: false, error, badRequest: { method: parsed.method ?? '', headers } } : { ok: false, error };

  for (const name of ['Via', 'From', 'To', 'Call-ID', 'CSeq']) {
    if (!headers.has(name)) return broken(`missing ${name}`);
  }
  if (!parsed.from || !parsed.to || !parsed.callId || !Number.isInteger(parsed.cseq)) {
    return broken('unparseable From/To/Call-ID/CSeq');
  }
  const cseq = parsed.parseHeader('cseq') as { value: number; method: string } | undefined;
  const topVia = parsed.parseHeader('via') as { branch?: string } | undefined;
  if (!cseq || !topVia) return broken('unparseable CSeq/Via');
  const maxForwards = headers.first('Max-Forwards');
  if (maxForwards !== undefined && !/^\d{1,3}$/.test(maxForwards)) return broken('bad Max-Forwards');
  const declared = headers.first('Content-Length');
  if (declared !== undefined && (!/^\d+$/.test(declared) || Buffer.byteLength(parsed.body) < Number(declared))) {
    return broken('body shorter than Content-Length');
  }
  const common = {
    headers,
    body: parsed.body,
    callId: parsed.callId,
    cseq: cseq.value,
    branch: topVia.branch ?? '',
    toTag: parsed.toTag || undefined,
  };
  if (parsed instanceof Core.IncomingRequestMessage) {
    if (!parsed.ruri) return broken('bad Request-URI');
    if (cseq.method !== parsed.method) return broken('CSeq method differs from request method');
    return {
      ok: true,
      message: {
        ...common,
        kind: 'request',
        method: parsed.method,
        uri: parsed.ruri.toString(),
        ruri: parsed.ruri,
        from: parsed.from,
        to: parsed.to,
        fromTag: parsed.fromTag || undefined,
        parsed,
      },
    };
  }
  return {
    ok: true,
    message: {
      ...common,
      kind: 'response',
      status: parsed.statusCode ?? 0,
      reason: parsed.reasonPhrase ?? '',
      method: cseq.method,
      parsed,
    },
  };
}

/** The wire form of a request or response, with a correct Content-Length. */
export function serialize(message: OutgoingRequest | OutgoingResponse): string {
  const start =
    'method' in message ? `${message.method} ${message.uri} SIP/2.0` : `SIP/2.0 ${message.status} ${message.reason}`;
  const headers = message.headers.clone();
  headers.remove('Content-Length');
  headers.append('Content-Length', String(Buffer.byteLength(message.body)));
  return `${start}\r\n${headers.lines().join('\r\n')}\r\n\r\n${message.body}`;
}

function headerListOf(parsed: Core.IncomingMessage): HeaderList {
  const list = new HeaderList();
  for (const [name, entries] of Object.entries(parsed.headers)) {
    for (const entry of entries) {
      if (LIST_HEADERS.has(name)) for (const value of splitHeaderValues(entry.raw)) list.append(name, value);
      else list.append(name, entry.raw);
    }
  }
  return list;
}

/**
 * What a 400 needs from text SIP.js could not parse: the request's method and
 * its Via/From/To/Call-ID/CSeq lines as they are. Undefined for anything that
 * does not even start like a request.
 */
function crudeRequest(text: string): { method: string; headers: HeaderList } | undefined {
  const lines = text.split('\r\n');
  const start = /^([A-Za-z]+) \S+ SIP\/2\.0$/.exec(lines[0] ?? '');
  if (!start) return undefined;
  const headers = new HeaderList();
  const wanted = new Map([
    ['via', 'Via'],
    ['v', 'Via'],
    ['from', 'From'],
    ['f', 'From'],
    ['to', 'To'],
    ['t', 'To'],
    ['call-id', 'Call-ID'],
    ['i', 'Call-ID'],
    ['cseq', 'CSeq'],
  ]);
  for (const line of lines.slice(1)) {
    if (line === '') break;
    const colon = line.indexOf(':');
    const name = wanted.get(line.slice(0, colon).trim().toLowerCase());
    if (colon > 0 && name) headers.append(name, line.slice(colon + 1).trim());
  }
  if (!headers.has('Via')) return undefined;
  return { method: (start[1] as string).toUpperCase(), headers };
}

/** SIP.js's parser wants its own Logger class; its complaints are debug noise here. */
function parserLogger(logger: Logger): Core.Logger {
  const log = (content: string): void => logger.debug(`parser: ${content}`);
  return { error: log, warn: log, log, debug: log } as unknown as Core.Logger;
}
