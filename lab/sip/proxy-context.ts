import type { Logger } from '../log';
import type { ClientTransactionTable } from './client-transactions';
import type { Clock } from './clock';
import type { DialogTracker } from './dialogs';
import type { ProxyAddress } from './forwarding';
import type { TargetResolver } from './targets';

/** Timers of the proxy's transactions, in ms. */
export interface ProxyTimings {
  /** Timer C: an INVITE branch that gets no final response is CANCELled and the caller gets 408. */
  inviteTimeoutMs: number;
  /** A non-INVITE request with no final response: 408 to the sender. */
  nonInviteTimeoutMs: number;
  /** After CANCELling a branch, how long we wait for its 487 before answering 487 ourselves. */
  cancelGuardMs: number;
  /** How long a finished server transaction is remembered (ACK absorption, retransmissions). */
  lingerMs: number;
}

export const DEFAULT_TIMINGS: ProxyTimings = {
  inviteTimeoutMs: 180_000,
  nonInviteTimeoutMs: 32_000,
  cancelGuardMs: 4_000,
  lingerMs: 32_000,
};

/** What the INVITE logic shares with the rest of the proxy. */
export interface ProxyContext {
  readonly self: ProxyAddress;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly clients: ClientTransactionTable;
  readonly dialogs: DialogTracker;
  readonly targets: TargetResolver;
  readonly timings: ProxyTimings;
}
