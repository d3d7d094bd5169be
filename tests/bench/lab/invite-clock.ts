import WebSocket from 'ws';

/**
 * When each INVITE left this process (performance.now(), by Call-ID): the
 * parties' SIP.js transports write through `ws`'s WebSocket.send, so the
 * bench wraps it once and notes initial INVITEs (no To tag). Bench-only
 * instrumentation; the lab process is not touched.
 */
/** First INVITE of a call (before any digest challenge) and the latest (the authenticated one). */
export interface InviteTimes {
  first: number;
  last: number;
}

const sent = new Map<string, InviteTimes>();
let installed = false;

export function installInviteClock(): void {
  if (installed) return;
  installed = true;
  const proto = WebSocket.prototype as unknown as { send: (data: unknown, ...rest: unknown[]) => void };
  const original = proto.send;
  proto.send = function benchSend(this: WebSocket, data: unknown, ...rest: unknown[]): void {
    if (typeof data === 'string' && data.startsWith('INVITE ')) {
      const at = performance.now();
      const callId = /\r\n(?:Call-ID|i)\s*:\s*([^\r\n]+)/i.exec(data)?.[1]?.trim();
      const to = /\r\n(?:To|t)\s*:\s*([^\r\n]+)/i.exec(data)?.[1] ?? '';
      if (callId !== undefined && !/;\s*tag=/i.test(to)) {
        const known = sent.get(callId);
        if (known === undefined) sent.set(callId, { first: at, last: at });
        else known.last = at;
        if (sent.size > 2_000) sent.delete(sent.keys().next().value as string);
      }
    }
    original.call(this, data, ...rest);
  };
}

export function inviteSentAt(callId: string): InviteTimes | undefined {
  const times = sent.get(callId);
  return times === undefined ? undefined : { ...times };
}
