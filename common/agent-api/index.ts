/**
 * The agent API: JSON over WebSocket between the agent desktop (main) and a
 * contact center (the built-in lab, or an adapter to a real one). Schemas
 * and types only; no transport. Protocol description: docs/agent-api.md.
 */
export * from './limits';
export * from './primitives';
export * from './errors';
export * from './agent';
export * from './contact';
export * from './directory';
export * from './session';
export * from './requests';
export * from './results';
export * from './events';
export * from './envelope';
export * from './parse';
