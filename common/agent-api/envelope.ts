import { z } from 'zod';
import { apiErrorSchema, type ApiError } from './errors';
import type { AgentApiEvent, AgentApiEventName, EventBody } from './events';
import { requestIdSchema, seqSchema } from './primitives';
import type { AgentApiOp, RequestBody } from './requests';
import type { ResultBody } from './results';

/**
 * The frames on the wire, one JSON object per WebSocket text frame:
 * ```txt
 *   client → server  { v: 1, type: 'request',  id, op, body }
 *   server → client  { v: 1, type: 'response', id, ok: true,  body }
 *                    { v: 1, type: 'response', id, ok: false, error: { code, message, number? } }
 *                    { v: 1, type: 'event', event, seq, body }
 * ```
 * `v` is the protocol version; see docs/agent-api.md for what may change
 * within a version.
 */
export const AGENT_API_VERSION = 1;

/** The request envelope; its body is checked against the op's schema afterwards. */
export const requestEnvelopeSchema = z.strictObject({
  v: z.literal(AGENT_API_VERSION),
  id: requestIdSchema,
  type: z.literal('request'),
  op: z.string().min(1).max(64),
  body: z.unknown(),
});

export const okResponseEnvelopeSchema = z.strictObject({
  v: z.literal(AGENT_API_VERSION),
  type: z.literal('response'),
  id: requestIdSchema,
  ok: z.literal(true),
  body: z.unknown(),
});

export const errorResponseEnvelopeSchema = z.strictObject({
  v: z.literal(AGENT_API_VERSION),
  type: z.literal('response'),
  id: requestIdSchema,
  ok: z.literal(false),
  error: apiErrorSchema,
});

export const eventEnvelopeSchema = z.strictObject({
  v: z.literal(AGENT_API_VERSION),
  type: z.literal('event'),
  event: z.string().min(1).max(64),
  seq: seqSchema,
  body: z.unknown(),
});

/** A request as the server sees it after validation. */
export type AgentApiRequest = {
  [O in AgentApiOp]: { v: typeof AGENT_API_VERSION; type: 'request'; id: string; op: O; body: RequestBody<O> };
}[AgentApiOp];

export type OkResponseFrame<O extends AgentApiOp = AgentApiOp> = {
  v: typeof AGENT_API_VERSION;
  type: 'response';
  id: string;
  ok: true;
  body: ResultBody<O>;
};
export type ErrorResponseFrame = { v: typeof AGENT_API_VERSION; type: 'response'; id: string; ok: false; error: ApiError };
export type EventFrame<E extends AgentApiEventName = AgentApiEventName> = {
  v: typeof AGENT_API_VERSION;
  type: 'event';
  event: E;
  seq: number;
  body: EventBody<E>;
};
export type ServerFrame = OkResponseFrame | ErrorResponseFrame | EventFrame;

export function okResponse<O extends AgentApiOp>(id: string, body: ResultBody<O>): OkResponseFrame<O> {
  return { v: AGENT_API_VERSION, type: 'response', id, ok: true, body };
}

export function errorResponse(id: string, error: ApiError): ErrorResponseFrame {
  return { v: AGENT_API_VERSION, type: 'response', id, ok: false, error };
}

export function eventFrame(seq: number, event: AgentApiEvent): EventFrame {
  return { v: AGENT_API_VERSION, type: 'event', event: event.event, seq, body: event.body } as EventFrame;
}
