import type { WebSocket } from 'ws';
import {
  AGENT_API_LIMITS,
  apiError,
  apiErrorSchema,
  describeIssues,
  errorResponse,
  eventFrame,
  okResponse,
  parseClientFrame,
  RESULT_BODIES,
  type AgentApiOp,
  type AgentApiRequest,
  type ApiError,
  type ClientFrameParse,
  type EventFrame,
  type ResultBody,
  type ServerFrame,
} from '../../common/agent-api';
import type { Logger } from '../log';
import { callBackend, isAgentOp, type AgentApiBackend, type BackendResult } from './backend';
import type { ApiClock } from './clock';
import { handleSessionOp, type OpOutcome, type SessionOpContext } from './session-ops';
import type { AgentSession, SessionConnection, SessionRegistry } from './sessions';

/** Close code when a frame is over the size cap (RFC 6455 1008, policy violation). */
export const CLOSE_FRAME_TOO_LARGE = 1008;

export interface ConnectionDeps {
  backend: AgentApiBackend;
  sessions: SessionRegistry;
  clock: ApiClock;
  logger: Logger;
  resumeWindowMs: number;
}

/**
 * One WebSocket: reads frames, answers each, and carries at most one agent
 * session. Frames are handled one after the other, so the answers come in
 * the order the requests did (except `busy`, which is immediate).
 */
export class AgentConnection implements SessionConnection {
  session: AgentSession | null = null;
  private pending = 0;
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly deps: ConnectionDeps,
    private readonly logger: Logger,
  ) {}

  /** One incoming frame, as `ws` hands it over. Never throws. */
  receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    const bytes = byteLength(data);
    if (bytes > AGENT_API_LIMITS.maxFrameBytes) {
      this.logger.warn('frame over the size cap; closing', { bytes });
      this.close(CLOSE_FRAME_TOO_LARGE, 'frame too large');
      return;
    }
    const parsed: ClientFrameParse = isBinary
      ? { ok: false, id: null, op: null, error: apiError('malformed', 'binary frames are not accepted; send JSON text') }
      : parseClientFrame(toText(data));
    if (this.pending >= AGENT_API_LIMITS.maxPendingRequests) {
      this.reply(parsed.ok ? parsed.request.id : parsed.id, apiError('busy', 'too many requests waiting'));
      return;
    }
    this.pending += 1;
    this.tail = this.tail
      .then(() => this.handle(parsed))
      .catch((error: unknown) => this.logger.error('request handling failed', { error: String(error) }))
      .finally(() => {
        this.pending -= 1;
      });
  }

  /** The socket closed: a session waits for a resume. */
  closedByPeer(): void {
    this.closed = true;
    if (this.session !== null) this.deps.sessions.detach(this.session, this);
    this.session = null;
  }

  sendEvent(frame: EventFrame): void {
    this.send(frame);
  }

  sessionGone(): void {
    this.session = null;
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
  }

  private async handle(parsed: ClientFrameParse): Promise<void> {
    if (!parsed.ok) {
      this.logger.debug('refused frame', { code: parsed.error.code, op: parsed.op });
      this.reply(parsed.id, parsed.error);
      return;
    }
    const { request } = parsed;
    const result = await this.dispatch(request).catch((error: unknown): OpOutcome => {
      this.logger.error('backend threw', { op: request.op, error: String(error) });
      return { ok: false, error: apiError('internal', 'the contact center failed') };
    });
    if (!result.ok) {
      const error = apiErrorSchema.safeParse(result.error);
      if (!error.success) this.logger.error('backend returned an invalid error', { op: request.op });
      this.reply(request.id, error.success ? error.data : apiError('internal', 'invalid error from the contact center'));
      return;
    }
    this.send(okResponse(request.id, result.value));
    result.after?.();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Session gate, then the op. A refused request reaches no backend method. */
  private async dispatch(request: AgentApiRequest): Promise<OpOutcome> {
    const { op } = request;
    if (op === 'login' || op === 'resume' || op === 'ping' || op === 'logout') {
      return handleSessionOp(this.sessionContext(), request);
    }
    if (this.session === null) return { ok: false, error: apiError('not-logged-in', 'log in first') };
    if (!isAgentOp(op)) return { ok: false, error: apiError('unknown-op', 'no such op') };
    const agentId = this.session.agentId;
    const result = await callBackend(this.deps.backend, op, agentId, request.body as never);
    return this.checkResult(op, result);
  }

  private checkResult(op: AgentApiOp, result: BackendResult<unknown>): BackendResult<ResultBody<AgentApiOp>> {
    if (!result.ok) return result;
    const body = RESULT_BODIES[op].safeParse(result.value);
    if (body.success) return { ok: true, value: body.data as ResultBody<AgentApiOp> };
    this.logger.error('backend returned an invalid result', { op, issues: describeIssues(body.error) });
    return { ok: false, error: apiError('internal', 'invalid result from the contact center') };
  }

  private sessionContext(): SessionOpContext {
    return {
      ...this.deps,
      connection: this,
      logger: this.logger,
      checkResult: (op, result) => this.checkResult(op, result),
    };
  }

  /** An error answer: a response when the id is known, else an unsequenced `error` event. */
  private reply(id: string | null, error: ApiError): void {
    this.send(id !== null ? errorResponse(id, error) : eventFrame(0, { event: 'error', body: error }));
  }

  private send(frame: ServerFrame): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(JSON.stringify(frame));
  }
}

function byteLength(data: Buffer | ArrayBuffer | Buffer[]): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.byteLength, 0);
  return data.byteLength;
}

function toText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
