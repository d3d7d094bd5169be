import { Grammar, type URI } from 'sip.js';
import type { LocationService } from './location';
import type { SipConnection } from './sip-connection';

/**
 * Where a request goes. A Request-URI is first looked up as a contact (a
 * dialog's remote target, a Refer-To contact, a Replaces INVITE), then by its
 * user part as an AOR (`1002@lab.test`, whatever the host). A user with no
 * live binding is 480 if the credentials know them (a real user who is just
 * not online), else 404.
 */
export type Target =
  | { kind: 'found'; connection: SipConnection; uri: string; user?: string }
  | { kind: 'none'; status: 404 | 480 };

export class TargetResolver {
  constructor(
    private readonly location: LocationService,
    private readonly connections: ReadonlyMap<number, SipConnection>,
    private readonly knownUser: (user: string) => boolean,
  ) {}

  resolveUri(uri: URI): Target {
    const seen = this.location.lookupContact(uri);
    const connection = seen ? this.live(seen.connectionId) : undefined;
    if (connection) {
      const user = this.location.list().find((b) => b.contact === seen?.uri)?.user;
      return { kind: 'found', connection, uri: uri.toString(), ...(user !== undefined ? { user } : {}) };
    }
    if (!uri.user) return { kind: 'none', status: 404 };
    return this.resolveUser(uri.user);
  }

  resolveUser(user: string): Target {
    for (const binding of this.location.lookupUser(user)) {
      const connection = this.live(binding.connectionId);
      if (connection) return { kind: 'found', connection, uri: binding.contact, user };
    }
    return { kind: 'none', status: this.knownUser(user) ? 480 : 404 };
  }

  private live(connectionId: number): SipConnection | undefined {
    const connection = this.connections.get(connectionId);
    return connection && !connection.closed ? connection : undefined;
  }
}

/** Parses a URI string the way SIP.js does; undefined if it is not one. */
export function parseUri(text: string): URI | undefined {
  try {
    return Grammar.URIParse(text);
  } catch {
    return undefined;
  }
}
