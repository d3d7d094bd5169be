import type {
  AgentApiEvent,
  AgentApiOp,
  AgentProfile,
  AgentSnapshot,
  ApiError,
  LogoutReason,
  PhoneProvisioning,
  RequestBody,
  ResultBody,
} from '../../common/agent-api';

/**
 * What the agent API server needs from a contact center. The lab implements
 * it with an adapter over the ACD; tests with an in-memory fake.
 *
 * Rules for implementations:
 * - `agentId` is always the agent of the calling session: the server never
 *   lets a connection act for anyone else. An op on a contact or offer that
 *   is not this agent's answers `not-found` (not `forbidden`: do not confirm
 *   that someone else's contact exists).
 * - Bodies are already validated against the schemas; results and errors are
 *   validated again by the server (a bad one becomes `internal` and is logged).
 * - Refuse with an error result, never by throwing (a throw becomes `internal`).
 * - A refused op changes nothing.
 * - Events go out through `subscribe`'s listener, addressed to an agent; the
 *   server numbers them and delivers them to that agent's session.
 */
export type BackendResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
export type Awaitable<T> = T | Promise<T>;

/** The ops a logged-in session sends straight to the backend. */
export type AgentOp = Exclude<AgentApiOp, 'login' | 'resume' | 'logout' | 'ping'>;
type OpMethod<O extends AgentApiOp> = (agentId: string, body: RequestBody<O>) => Awaitable<BackendResult<ResultBody<O>>>;

/** Credentials, DN and team of a login (the resume token stays with the server). */
export type LoginRequest = Omit<RequestBody<'login'>, 'resumeToken'>;

/** What a successful login hands the server: who the agent is and what they see now. */
export interface LoginGrant {
  agent: AgentProfile;
  state: AgentSnapshot;
  /** The softphone's SIP account for the agent's DN, when the contact center provisions it. */
  phone?: PhoneProvisioning;
}

/** Receives every event for an agent; the server drops events for agents without a session. */
export type AgentEventListener = (agentId: string, event: AgentApiEvent) => void;

export interface AgentApiBackend {
  /**
   * S1/S4: check credentials, DN and team, then log the agent in. Must also
   * accept an agent who is already logged in (the same person on another
   * desktop: the server ends the older session with `signed-in-elsewhere`).
   */
  login(request: LoginRequest): Awaitable<BackendResult<LoginGrant>>;
  /** The agent asks to log out; refuse with `invalid-state` while a contact is active (S3). */
  logout(agentId: string): Awaitable<BackendResult<ResultBody<'logout'>>>;
  /**
   * The session ended without the agent asking and cannot be refused: today
   * only `lost-connection`, when no resume came within the resume window.
   */
  endSession(agentId: string, reason: LogoutReason): Awaitable<void>;
  /** Everything the agent sees now: sent on a resume that cannot replay events. */
  snapshot(agentId: string): Awaitable<BackendResult<AgentSnapshot>>;

  setState: OpMethod<'set-state'>;
  acceptOffer: OpMethod<'accept-offer'>;
  declineOffer: OpMethod<'decline-offer'>;
  submitWrapUp: OpMethod<'wrap-up.submit'>;
  cancelAutoWrapUp: OpMethod<'wrap-up.cancel-auto'>;
  getCad: OpMethod<'cad.get'>;
  setCad: OpMethod<'cad.set'>;
  getDirectory: OpMethod<'directory.get'>;
  consult: OpMethod<'consult'>;
  confirmConsult: OpMethod<'consult.confirm'>;
  cancelConsult: OpMethod<'consult.cancel'>;
  conference: OpMethod<'conference'>;
  transfer: OpMethod<'transfer'>;
  outdial: OpMethod<'outdial'>;
  pauseRecording: OpMethod<'recording.pause'>;
  resumeRecording: OpMethod<'recording.resume'>;
  endContact: OpMethod<'contact.end'>;

  /** Registers the server's event listener; returns the unsubscribe function. */
  subscribe(listener: AgentEventListener): () => void;
}

/** Which backend method serves which op. */
export const BACKEND_METHODS = {
  'set-state': 'setState',
  'accept-offer': 'acceptOffer',
  'decline-offer': 'declineOffer',
  'wrap-up.submit': 'submitWrapUp',
  'wrap-up.cancel-auto': 'cancelAutoWrapUp',
  'cad.get': 'getCad',
  'cad.set': 'setCad',
  'directory.get': 'getDirectory',
  consult: 'consult',
  'consult.confirm': 'confirmConsult',
  'consult.cancel': 'cancelConsult',
  conference: 'conference',
  transfer: 'transfer',
  outdial: 'outdial',
  'recording.pause': 'pauseRecording',
  'recording.resume': 'resumeRecording',
  'contact.end': 'endContact',
} as const satisfies Record<AgentOp, keyof AgentApiBackend>;

/** Calls the backend method of `op`; the one place the op ↔ method pairing is trusted. */
export function callBackend<O extends AgentOp>(
  backend: AgentApiBackend,
  op: O,
  agentId: string,
  body: RequestBody<O>,
): Awaitable<BackendResult<ResultBody<O>>> {
  const method = backend[BACKEND_METHODS[op]] as unknown as OpMethod<O>;
  return method.call(backend, agentId, body);
}

export function isAgentOp(op: AgentApiOp): op is AgentOp {
  return Object.hasOwn(BACKEND_METHODS, op);
}
