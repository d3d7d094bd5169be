import { z } from 'zod';
import {
  agentProfileSchema,
  agentSnapshotSchema,
  apiError,
  phoneProvisioningSchema,
  type AgentApiOp,
  type AgentApiRequest,
  type ResultBody,
} from '../../common/agent-api';
import type { Logger } from '../log';
import type { AgentApiBackend, BackendResult } from './backend';
import type { ApiClock } from './clock';
import type { AgentSession, SessionConnection, SessionRegistry } from './sessions';

/** An op's answer, plus what must happen right after the response is sent. */
export type OpOutcome = BackendResult<ResultBody<AgentApiOp>> & { after?: () => void };

/** The connection as the session ops need it. */
export interface SessionOpConnection extends SessionConnection {
  session: AgentSession | null;
  readonly isOpen: boolean;
}

export interface SessionOpContext {
  backend: AgentApiBackend;
  sessions: SessionRegistry;
  clock: ApiClock;
  logger: Logger;
  resumeWindowMs: number;
  connection: SessionOpConnection;
  checkResult(op: AgentApiOp, result: BackendResult<unknown>): BackendResult<ResultBody<AgentApiOp>>;
}

type SessionOpRequest = Extract<AgentApiRequest, { op: 'login' | 'resume' | 'logout' | 'ping' }>;

const loginGrantSchema = z.strictObject({ agent: agentProfileSchema, state: agentSnapshotSchema, phone: phoneProvisioningSchema.optional() });

/** login, resume, logout and ping: the ops that create, move or end sessions. */
export async function handleSessionOp(ctx: SessionOpContext, request: SessionOpRequest): Promise<OpOutcome> {
  switch (request.op) {
    case 'ping':
      return { ok: true, value: { nonce: request.body.nonce ?? null, serverTime: ctx.clock.now() } };
    case 'login':
      return login(ctx, request.body);
    case 'resume':
      return resume(ctx, request.body);
    case 'logout':
      return logout(ctx);
  }
}

async function login(ctx: SessionOpContext, body: Extract<SessionOpRequest, { op: 'login' }>['body']): Promise<OpOutcome> {
  if (ctx.connection.session !== null) return { ok: false, error: apiError('already-logged-in', 'this connection has a session') };
  const { resumeToken, ...credentials } = body;
  const result = await ctx.backend.login(credentials);
  if (!result.ok) return ctx.checkResult('login', result);
  const grant = loginGrantSchema.safeParse(result.value);
  if (!grant.success) {
    ctx.logger.error('backend returned an invalid login grant');
    return { ok: false, error: apiError('internal', 'invalid login from the contact center') };
  }
  const { agent, state, phone } = grant.data;
  const connection = ctx.connection.isOpen ? ctx.connection : null;
  const reclaimed = ctx.sessions.sessionFor(agent.agentId, resumeToken);
  let session: AgentSession;
  if (reclaimed !== null) {
    reclaimed.agent = agent;
    if (connection !== null) ctx.sessions.attach(reclaimed, connection);
    session = reclaimed;
  } else {
    session = ctx.sessions.create(agent, connection);
  }
  if (connection !== null) ctx.connection.session = session;
  ctx.logger.info('agent logged in', { agentId: agent.agentId, reclaimed: reclaimed !== null });
  return {
    ok: true,
    value: { agent, resumeToken: session.token, resumeWindowMs: ctx.resumeWindowMs, seq: session.seq, state, ...(phone ? { phone } : {}) },
    after: () => {
      if (reclaimed === null) ctx.sessions.publish(agent.agentId, { event: 'session', body: { status: 'logged-in', agent } });
    },
  };
}

async function resume(ctx: SessionOpContext, body: Extract<SessionOpRequest, { op: 'resume' }>['body']): Promise<OpOutcome> {
  if (ctx.connection.session !== null) return { ok: false, error: apiError('already-logged-in', 'this connection has a session') };
  const outcome = ctx.sessions.resume(body.resumeToken, body.lastSeq);
  if (outcome === null) return { ok: false, error: apiError('resume-failed', 'no such session; log in again') };
  const { session } = outcome;
  const grant = { agent: session.agent, resumeToken: session.token, resumeWindowMs: ctx.resumeWindowMs };
  if (outcome.kind === 'events') {
    takeOver(ctx, session);
    return {
      ok: true,
      value: { ...grant, seq: session.seq, replay: 'events' },
      after: () => outcome.replay.forEach((frame) => ctx.connection.sendEvent(frame)),
    };
  }
  // Events published while the snapshot is being read are sent after it:
  // at least once, and every event carries whole objects, so a repeat is harmless.
  const seqBefore = session.seq;
  const snapshot = await ctx.backend.snapshot(session.agentId);
  if (!snapshot.ok) return ctx.checkResult('resume', snapshot);
  const state = agentSnapshotSchema.safeParse(snapshot.value);
  if (!state.success) {
    ctx.logger.error('backend returned an invalid snapshot');
    return { ok: false, error: apiError('internal', 'invalid snapshot from the contact center') };
  }
  if (!ctx.sessions.isLive(session)) return { ok: false, error: apiError('resume-failed', 'the session ended; log in again') };
  takeOver(ctx, session);
  const missed = session.kept.filter((frame) => frame.seq > seqBefore);
  return {
    ok: true,
    value: { ...grant, seq: seqBefore, replay: 'snapshot', state: state.data },
    after: () => missed.forEach((frame) => ctx.connection.sendEvent(frame)),
  };
}

/** This connection takes the session (a previous connection is closed). */
function takeOver(ctx: SessionOpContext, session: AgentSession): void {
  if (!ctx.connection.isOpen) return;
  ctx.sessions.attach(session, ctx.connection);
  ctx.connection.session = session;
  ctx.logger.info('session resumed', { agentId: session.agentId });
}

async function logout(ctx: SessionOpContext): Promise<OpOutcome> {
  const session = ctx.connection.session;
  if (session === null) return { ok: false, error: apiError('not-logged-in', 'log in first') };
  const result = ctx.checkResult('logout', await ctx.backend.logout(session.agentId));
  if (!result.ok) return result;
  return {
    ...result,
    after: () => {
      if (ctx.sessions.isLive(session)) {
        ctx.sessions.publish(session.agentId, { event: 'session', body: { status: 'logged-out', reason: 'logout' } });
      }
    },
  };
}
