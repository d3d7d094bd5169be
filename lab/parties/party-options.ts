import type { Logger } from '../log';
import type { Clock } from './clock';
import type { G711Codec } from './g711';
import type { Pacer } from './pacer';
import type { PartyCallInfo } from './party-call';

export interface PartyOptions {
  /** The lab's SIP-over-WebSocket server, e.g. `ws://127.0.0.1:5066`. */
  serverUrl: string;
  /** SIP user (AOR user part and digest user). */
  user: string;
  /** SIP domain of the AOR; defaults to the server URL's host. */
  domain?: string;
  /** Digest password, when the server challenges. Never logged. */
  password?: string;
  displayName?: string;
  /** What this party plays: one frequency, several mixed, or null/[] for silence. Default 440 Hz. */
  toneHz?: number | readonly number[] | null;
  /** Codecs offered/accepted, preferred first. Default PCMU then PCMA. */
  codecs?: readonly G711Codec[];
  logger?: Logger;
  /** Clock for waits and hearing freshness; real time by default. */
  clock?: Clock;
  /** The 20 ms media ticker; the process-wide one by default. */
  pacer?: Pacer;
  /** Follow an incoming REFER (transfer) by calling its target. Default true. */
  followRefer?: boolean;
}

export interface CallOptions {
  /** Extra SIP headers on the INVITE, e.g. `X-Customer-Id: 42`. */
  extraHeaders?: string[];
}

export interface PartyStats {
  user: string;
  registered: boolean;
  packetsSent: number;
  packetsReceived: number;
  calls: PartyCallInfo[];
}
