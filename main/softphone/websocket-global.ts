import WebSocket from 'ws';

/**
 * SIP.js's WebSocket transport uses the global `WebSocket`. Electron's main
 * process (Node 22) has one; Node 20, which the test stand-in runs on, does
 * not. `ws` fills the gap and honours NODE_EXTRA_CA_CERTS for wss://.
 */
export function ensureWebSocketGlobal(): void {
  const scope = globalThis as { WebSocket?: unknown };
  if (typeof scope.WebSocket === 'undefined') scope.WebSocket = WebSocket;
}
