import type { z } from 'zod';
import { apiError, type ApiError } from './errors';
import {
  AGENT_API_VERSION,
  errorResponseEnvelopeSchema,
  eventEnvelopeSchema,
  okResponseEnvelopeSchema,
  requestEnvelopeSchema,
  type AgentApiRequest,
  type ServerFrame,
} from './envelope';
import { EVENT_BODIES, isAgentApiEventName } from './events';
import { AGENT_API_LIMITS } from './limits';
import { requestIdSchema } from './primitives';
import { isAgentApiOp, REQUEST_BODIES, type AgentApiOp } from './requests';
import { RESULT_BODIES } from './results';

/**
 * True when brackets nest deeper than `max` (outside strings). Checked before
 * JSON.parse so a frame of 60 000 `[` costs one linear scan and nothing else.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/** A short, value-free description of what a schema disliked (never echoes input). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
    .slice(0, AGENT_API_LIMITS.maxMessageLength);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (jsonNestsDeeperThan(text, AGENT_API_LIMITS.maxJsonDepth)) {
    return { ok: false, message: `JSON nests deeper than ${AGENT_API_LIMITS.maxJsonDepth}` };
  }
  let protoKey = false;
  try {
    const value = JSON.parse(text, (key, item: unknown) => {
      if (key === '__proto__') protoKey = true;
      return item;
    }) as unknown;
    // JSON.parse makes `__proto__` an own key; a later spread or schema could
    // turn it into a prototype, and zod's record quietly skips it. Refuse it.
    return protoKey ? { ok: false, message: 'the key __proto__ is not allowed' } : { ok: true, value };
  } catch {
    return { ok: false, message: 'not JSON' };
  }
}

export type ClientFrameParse =
  | { ok: true; request: AgentApiRequest }
  /** `id` is the request id when it could be read, so the error can be a response. */
  | { ok: false; id: string | null; op: AgentApiOp | null; error: ApiError };

/**
 * Reads one client frame: JSON, envelope, version, op, then the op's body.
 * Never throws. The error says what was wrong without echoing values (a
 * login body holds a password).
 */
export function parseClientFrame(text: string): ClientFrameParse {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, id: null, op: null, error: apiError('malformed', json.message) };
  const frame = json.value;
  if (!isPlainObject(frame)) {
    return { ok: false, id: null, op: null, error: apiError('malformed', 'a frame is a JSON object') };
  }
  const idCheck = requestIdSchema.safeParse(frame.id);
  const id = idCheck.success ? idCheck.data : null;
  const fail = (error: ApiError, op: AgentApiOp | null = null): ClientFrameParse => ({ ok: false, id, op, error });

  if (frame.v !== AGENT_API_VERSION) {
    return typeof frame.v === 'number'
      ? fail(apiError('unsupported-version', `this server speaks v${AGENT_API_VERSION}`))
      : fail(apiError('malformed', 'v: expected a protocol version number'));
  }
  const envelope = requestEnvelopeSchema.safeParse(frame);
  if (!envelope.success) return fail(apiError('malformed', describeIssues(envelope.error)));
  const { op } = envelope.data;
  if (!isAgentApiOp(op)) return fail(apiError('unknown-op', 'no such op'));
  const body = REQUEST_BODIES[op].safeParse(envelope.data.body);
  if (!body.success) return fail(apiError('malformed', `body.${describeIssues(body.error)}`), op);
  return { ok: true, request: { ...envelope.data, op, body: body.data } as AgentApiRequest };
}

export type ServerFrameParse =
  | { kind: 'frame'; frame: ServerFrame }
  /** Valid for a newer server but unknown here: an event name or a contact channel. Skip it. */
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; reason: string };

/**
 * Reads one server frame on the client side. `opOf` returns the op of a
 * pending request id (the client remembers what it asked), so the response
 * body is checked against that op's result schema. Tolerant where the
 * protocol promises additions: unknown events, and events about contacts of
 * channels this client does not know, come back as `ignored`.
 */
export function parseServerFrame(text: string, opOf: (id: string) => AgentApiOp | undefined): ServerFrameParse {
  const json = parseJson(text);
  if (!json.ok) return { kind: 'invalid', reason: json.message };
  const frame = json.value;
  if (!isPlainObject(frame)) return { kind: 'invalid', reason: 'not an object' };
  if (frame.type === 'event') {
    const envelope = eventEnvelopeSchema.safeParse(frame);
    if (!envelope.success) return { kind: 'invalid', reason: describeIssues(envelope.error) };
    const { event } = envelope.data;
    if (!isAgentApiEventName(event)) return { kind: 'ignored', reason: 'unknown event' };
    const body = EVENT_BODIES[event].safeParse(envelope.data.body);
    if (body.success) return { kind: 'frame', frame: { ...envelope.data, event, body: body.data } as ServerFrame };
    if (hasUnknownChannel(envelope.data.body)) return { kind: 'ignored', reason: 'unknown channel' };
    return { kind: 'invalid', reason: describeIssues(body.error) };
  }
  if (frame.ok === false) {
    const envelope = errorResponseEnvelopeSchema.safeParse(frame);
    return envelope.success
      ? { kind: 'frame', frame: envelope.data as ServerFrame }
      : { kind: 'invalid', reason: describeIssues(envelope.error) };
  }
  const envelope = okResponseEnvelopeSchema.safeParse(frame);
  if (!envelope.success) return { kind: 'invalid', reason: describeIssues(envelope.error) };
  const op = opOf(envelope.data.id);
  if (op === undefined) return { kind: 'invalid', reason: 'response to no pending request' };
  const body = RESULT_BODIES[op].safeParse(envelope.data.body);
  return body.success
    ? { kind: 'frame', frame: { ...envelope.data, body: body.data } as ServerFrame }
    : { kind: 'invalid', reason: describeIssues(body.error) };
}

const KNOWN_CHANNELS: readonly string[] = ['voice'];

/** An event body carrying a contact (`offer`, `contact`) of a channel this build lacks. */
function hasUnknownChannel(body: unknown): boolean {
  if (!isPlainObject(body) || !isPlainObject(body.contact)) return false;
  const channel = body.contact.channel;
  return typeof channel === 'string' && !KNOWN_CHANNELS.includes(channel);
}
