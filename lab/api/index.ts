/** The lab's agent API server; the protocol is in common/agent-api and docs/agent-api.md. */
export { createAgentApiServer, DEFAULT_REPLAY_LIMIT, DEFAULT_RESUME_WINDOW_MS } from './server';
export type { AgentApiServer, AgentApiServerOptions } from './server';
export { BACKEND_METHODS } from './backend';
export type { AgentApiBackend, AgentEventListener, AgentOp, Awaitable, BackendResult, LoginGrant, LoginRequest } from './backend';
export { systemApiClock } from './clock';
export type { ApiClock, ApiTimerHandle } from './clock';
export { CLOSE_FRAME_TOO_LARGE } from './connection';
export { CLOSE_SESSION_TAKEN_OVER } from './sessions';
