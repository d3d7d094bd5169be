/**
 * The application routing hook: how the ACD (or any lab logic) decides what
 * happens to a new call. The proxy asks the router once per initial INVITE
 * (after authentication, before any location lookup) and follows its decision.
 *
 * `hold` hands the call to the application: the caller's INVITE stays
 * pending (the caller hears nothing unless the application sends a
 * provisional such as 182 Queued) until the application forwards it to a user
 * who answers, rejects it, or the caller gives up. This is how a queue call
 * waits for an agent and rings agents one by one (RONA).
 */

/** What the router is told about a new call. */
export interface InitialInvite {
  callId: string;
  /** User part of the From URI. */
  fromUser: string;
  fromDisplayName?: string;
  /** User part of the To URI (what the caller dialled). */
  toUser: string;
  /** User part of the Request-URI (usually the same as toUser). */
  requestUser: string;
  /** The user the caller proved to be (registration on its connection or Proxy-Authorization). */
  authenticatedUser?: string;
  /** The Replaces header (RFC 3891) of an attended-transfer INVITE. */
  replaces?: { callId: string; toTag: string; fromTag: string };
  /** First value of any header of the INVITE (case-insensitive name). */
  header(name: string): string | undefined;
}

export type RouteDecision =
  /** Normal location lookup of the Request-URI. */
  | { kind: 'forward' }
  /** Location lookup of another user (the Request-URI is rewritten to that user's contact). */
  | { kind: 'forward-to'; user: string }
  /** Final response to the caller; `headers` are extra `Name: value` lines. */
  | { kind: 'reject'; status: number; reason: string; headers?: string[] }
  /** The application owns the call from now on. */
  | { kind: 'hold'; onHeld: (call: HeldInvite) => void };

export type ForwardOutcome =
  | { kind: 'answered' }
  /** The user refused or could not be reached: 486, 603, 404 (unknown), 480 (not registered)… */
  | { kind: 'failed'; status: number }
  /** Nobody answered within `timeoutMs`; the proxy has CANCELled the branch. */
  | { kind: 'timeout' }
  | { kind: 'caller-cancelled' };

/** A caller's INVITE held by the application. */
export interface HeldInvite {
  readonly callId: string;
  /** Sends a provisional response to the caller (with a proxy To tag, so SIP.js reports it). */
  provisional(status: 180 | 182 | 183, reason?: string): void;
  /** Final failure response to the caller; cancels an active branch first. No-op once the call is over. */
  reject(status: number, reason: string, headers?: string[]): void;
  /**
   * Rings one user. One branch at a time: calling it while a branch is
   * active rejects the promise. May be called again after `failed`/`timeout`.
   * A 2xx from a branch is relayed to the caller; failures are not (the
   * application decides what comes next). A branch that answers after its
   * timeout is ACKed and hung up by the proxy.
   */
  forward(user: string, options: { timeoutMs: number; headers?: string[] }): Promise<ForwardOutcome>;
  /**
   * CANCELs the branch that is ringing, if any, and keeps the caller waiting
   * (the ACD withdrew the offer). Its `forward` resolves `failed` 487.
   * Returns whether a branch was ringing.
   */
  stopRinging(): boolean;
  /** Called once if the caller CANCELs (or its connection closes) before the call is answered. */
  onCallerCancel(callback: () => void): void;
}

/** Asked for every initial INVITE. Throwing or rejecting makes the proxy answer 500. */
export interface CallRouter {
  route(invite: InitialInvite): RouteDecision | Promise<RouteDecision>;
}
