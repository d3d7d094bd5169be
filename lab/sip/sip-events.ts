import type { Logger } from '../log';

/** What the SIP server tells the rest of the lab (the ACD) about. */
export interface SipServerEvents {
  /** A user got its first live binding (refreshes and extra contacts do not repeat it). */
  registered: { user: string; contact: string };
  /** A user lost its last binding: REGISTER Expires 0, expiry, or its connection closed. */
  unregistered: { user: string; reason: 'unregister' | 'expired' | 'connection-closed' };
  /** A 2xx to an initial INVITE went back to the caller. `targetUser` is whom the proxy forwarded to. */
  'dialog-established': {
    callId: string;
    fromUser: string;
    toUser: string;
    fromTag: string;
    toTag: string;
    targetUser?: string;
  };
  /** A BYE passed (or the connection of one side closed while the dialog was up). */
  'dialog-ended': { callId: string; byUser: string; reason: 'bye' | 'connection-closed' };
  /** A REFER passed through the proxy. `referTo` is the Refer-To URI without its `?headers`. */
  refer: {
    callId: string;
    fromUser: string;
    referTo: string;
    referToUser?: string;
    replaces?: { callId: string; toTag: string; fromTag: string };
  };
}

export type SipEventName = keyof SipServerEvents;
export type SipEventListener<K extends SipEventName> = (event: SipServerEvents[K]) => void;

/**
 * A small typed emitter. A throwing listener is logged and does not stop the
 * others nor the SIP processing that emitted the event.
 */
export class SipEventEmitter {
  private readonly listeners = new Map<SipEventName, Set<(event: never) => void>>();

  constructor(private readonly logger: Logger) {}

  /** Subscribes; returns the unsubscribe function. */
  on<K extends SipEventName>(name: K, listener: SipEventListener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as (event: never) => void);
    return () => this.off(name, listener);
  }

  off<K extends SipEventName>(name: K, listener: SipEventListener<K>): void {
    this.listeners.get(name)?.delete(listener as (event: never) => void);
  }

  emit<K extends SipEventName>(name: K, event: SipServerEvents[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as SipEventListener<K>)(event);
      } catch (error) {
        this.logger.error(`listener for ${name} threw`, { error: String(error) });
      }
    }
  }
}
