import WebSocket from 'ws';

/**
 * SIP.js's WebSocket transport uses the global `WebSocket`; Node 20 has
 * none. The `ws` package fills the gap (the lab's own copy of what main does:
 * lab/ may not import main/).
 */
export function ensureWebSocketGlobal(): void {
  const scope = globalThis as { WebSocket?: unknown };
  if (typeof scope.WebSocket === 'undefined') scope.WebSocket = WebSocket;
}
