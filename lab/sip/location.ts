import type { URI } from 'sip.js';
import type { Clock } from './clock';

/**
 * Where users and contacts can be reached: which WebSocket connection.
 *
 * - Bindings (registrations): AOR user → contact URI on a connection, with
 *   an expiry. A binding lives no longer than its connection (RFC 7118: a
 *   WebSocket client is reachable only over the connection it registered on).
 * - Contacts seen: every Contact URI a connection sends in any message, so
 *   requests to a dialog's remote target (`sip:abc@xyz.invalid;transport=ws`)
 *   reach UAs that never registered (e.g. a caller authenticated by 407).
 *
 * Contacts are keyed `user@host` (host lower-cased): SIP.js contacts are
 * random per UA, so that is unique enough in the lab.
 */

/** One registration, as listed by `SipServer.registrations()`. */
export interface Registration {
  user: string;
  contact: string;
  connectionId: number;
  expiresAt: number;
}

interface Binding extends Registration {
  key: string;
  order: number;
}

export class LocationService {
  private readonly bindings = new Map<string, Binding>();
  private readonly seen = new Map<string, { connectionId: number; uri: string }>();
  private order = 0;

  constructor(private readonly clock: Clock) {}

  /** Adds or refreshes a binding; `added` is true for a new one. */
  bind(user: string, contact: URI, connectionId: number, expiresSec: number): { added: boolean } {
    const key = contactKey(contact);
    const existing = this.bindings.get(key);
    const expiresAt = this.clock.now() + expiresSec * 1000;
    const binding: Binding = {
      user,
      contact: contact.toString(),
      connectionId,
      expiresAt,
      key,
      order: existing?.order ?? ++this.order,
    };
    this.bindings.set(key, binding);
    this.seen.set(key, { connectionId, uri: binding.contact });
    return { added: !existing || existing.user !== user || this.isExpired(existing) };
  }

  /** Removes one binding of a user. */
  unbind(user: string, contact: URI): boolean {
    const key = contactKey(contact);
    const binding = this.bindings.get(key);
    if (!binding || binding.user !== user) return false;
    this.bindings.delete(key);
    return true;
  }

  /** Removes all bindings of a user (`Contact: *`). */
  unbindAll(user: string): void {
    for (const [key, binding] of this.bindings) if (binding.user === user) this.bindings.delete(key);
  }

  /** Live bindings of a user, most recently registered first. */
  lookupUser(user: string): Registration[] {
    return this.live()
      .filter((binding) => binding.user === user)
      .sort((a, b) => b.order - a.order)
      .map(publicView);
  }

  /** The connection a contact URI was seen on (registered or not). */
  lookupContact(uri: URI): { connectionId: number; uri: string } | undefined {
    return this.seen.get(contactKey(uri));
  }

  /** Users with a live binding on this connection (who the connection is authenticated as). */
  usersOn(connectionId: number): string[] {
    return [...new Set(this.live().filter((b) => b.connectionId === connectionId).map((b) => b.user))];
  }

  hasUser(user: string): boolean {
    return this.live().some((binding) => binding.user === user);
  }

  /** Remembers a Contact URI a connection sent. */
  remember(uri: URI, connectionId: number): void {
    this.seen.set(contactKey(uri), { connectionId, uri: uri.toString() });
  }

  /** Forgets everything about a closed connection; returns the users that lost their bindings there. */
  dropConnection(connectionId: number): string[] {
    const users = new Set<string>();
    for (const [key, binding] of this.bindings) {
      if (binding.connectionId !== connectionId) continue;
      this.bindings.delete(key);
      if (!this.isExpired(binding)) users.add(binding.user);
    }
    for (const [key, seen] of this.seen) if (seen.connectionId === connectionId) this.seen.delete(key);
    return [...users];
  }

  /** Drops expired bindings; returns their users. */
  sweep(): string[] {
    const users: string[] = [];
    for (const [key, binding] of this.bindings) {
      if (!this.isExpired(binding)) continue;
      this.bindings.delete(key);
      users.push(binding.user);
    }
    return [...new Set(users)];
  }

  list(): Registration[] {
    return this.live()
      .sort((a, b) => a.order - b.order)
      .map(publicView);
  }

  private live(): Binding[] {
    return [...this.bindings.values()].filter((binding) => !this.isExpired(binding));
  }

  private isExpired(binding: Binding): boolean {
    return binding.expiresAt <= this.clock.now();
  }
}

/** `sip:abc@XYZ.invalid;transport=ws` → `abc@xyz.invalid`. */
export function contactKey(uri: URI): string {
  return `${uri.user ?? ''}@${uri.host.toLowerCase()}`;
}

function publicView(binding: Binding): Registration {
  return {
    user: binding.user,
    contact: binding.contact,
    connectionId: binding.connectionId,
    expiresAt: binding.expiresAt,
  };
}
