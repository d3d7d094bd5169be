/**
 * Delay before the n-th consecutive reconnection attempt (0-based). Quick at
 * first — a restarted SIP server is usually back within a second or two and
 * agents must be callable again within seconds — then backing off to 30 s so
 * a long outage does not hammer the server.
 */
const SCHEDULE_MS = [250, 500, 1_000, 2_000, 2_000, 4_000, 8_000, 15_000, 30_000];

export function reconnectDelayMs(attempt: number): number {
  return SCHEDULE_MS[Math.min(Math.max(attempt, 0), SCHEDULE_MS.length - 1)] ?? 30_000;
}

/** How a final REGISTER failure is shown and whether retrying can help. */
export function classifyRegisterFailure(code: number): { status: 'auth-failed' | 'server-error'; retry: boolean } {
  // 401/407 after our credentials were sent, or 403: the credentials are
  // wrong; retrying would only lock the account.
  if (code === 401 || code === 403 || code === 407) return { status: 'auth-failed', retry: false };
  return { status: 'server-error', retry: true };
}
