import type { NameAddrHeader } from 'sip.js';
import type { Logger } from '../log';
import type { Clock } from './clock';
import type { DigestAuthenticator } from './digest';
import type { LocationService } from './location';
import { buildResponse } from './responses';
import type { ServerTransaction } from './server-transactions';
import type { SipEventEmitter } from './sip-events';
import type { SipRequest } from './sip-message';

/**
 * The registrar (RFC 3261 section 10.3) for WebSocket clients: every
 * REGISTER is digest-authenticated (401 challenge, 400 for an Authorization
 * we cannot read, 403 for a wrong password or someone registering another
 * user's AOR), bindings are added, refreshed or removed (Expires 0, `*`), and
 * the 200 lists the user's current bindings each with its `expires`, which
 * SIP.js's Registerer requires to find its own contact.
 */

export interface RegistrarLimits {
  /** Shortest accepted expiry; shorter gets 423 with Min-Expires. */
  minExpiresSec: number;
  /** Longest granted expiry; longer requests are shortened to it. */
  maxExpiresSec: number;
  /** Expiry when the request gives none. */
  defaultExpiresSec: number;
}

export const DEFAULT_REGISTRAR_LIMITS: RegistrarLimits = {
  minExpiresSec: 30,
  maxExpiresSec: 3600,
  defaultExpiresSec: 3600,
};

export class Registrar {
  constructor(
    private readonly location: LocationService,
    private readonly digest: DigestAuthenticator,
    private readonly events: SipEventEmitter,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly limits: RegistrarLimits = DEFAULT_REGISTRAR_LIMITS,
  ) {}

  /** Answers a REGISTER on its server transaction. */
  handle(request: SipRequest, tx: ServerTransaction): void {
    const reply = (status: number, reason?: string, extra?: string[]): void => {
      tx.respond(buildResponse(request, status, reason, { toTag: 'reg', extra }));
    };
    const authorization = request.headers.first('Authorization');
    if (authorization === undefined) {
      reply(401, undefined, [`WWW-Authenticate: ${this.digest.challenge()}`]);
      return;
    }
    const verdict = this.digest.verify(authorization, 'REGISTER');
    if (verdict.kind === 'malformed') {
      this.logger.warn('REGISTER with an unreadable Authorization', { detail: verdict.detail });
      reply(400, 'Bad Authorization');
      return;
    }
    if (verdict.kind === 'stale') {
      reply(401, undefined, [`WWW-Authenticate: ${this.digest.challenge(true)}`]);
      return;
    }
    if (verdict.kind === 'refused') {
      this.logger.info('REGISTER refused', { user: verdict.user, detail: verdict.detail });
      reply(403);
      return;
    }
    const user = verdict.user;
    if (request.to.uri.user !== user) {
      this.logger.info('REGISTER for another user refused', { user });
      reply(403, 'Forbidden (AOR is not yours)');
      return;
    }
    const outcome = this.apply(request, user, tx.connection.id);
    if (outcome.kind === 'bad') {
      reply(400, outcome.reason);
      return;
    }
    if (outcome.kind === 'too-brief') {
      reply(423, undefined, [`Min-Expires: ${this.limits.minExpiresSec}`]);
      return;
    }
    const contacts = this.location
      .lookupUser(user)
      .map((binding) => `<${binding.contact}>;expires=${Math.max(0, Math.round((binding.expiresAt - this.clock.now()) / 1000))}`);
    tx.respond(
      buildResponse(request, 200, 'OK', {
        toTag: 'reg',
        extra: [...contacts.map((contact) => `Contact: ${contact}`), `Date: ${new Date().toUTCString()}`],
      }),
    );
  }

  private apply(
    request: SipRequest,
    user: string,
    connectionId: number,
  ): { kind: 'ok' } | { kind: 'bad'; reason: string } | { kind: 'too-brief' } {
    const expiresHeader = request.headers.first('Expires');
    if (expiresHeader !== undefined && !/^\d{1,10}$/.test(expiresHeader.trim())) {
      return { kind: 'bad', reason: 'Bad Expires' };
    }
    const requestExpires = expiresHeader === undefined ? undefined : Number(expiresHeader.trim());
    const rawContacts = request.headers.all('Contact');
    const hadUser = this.location.hasUser(user);
    if (rawContacts.length === 1 && rawContacts[0]?.trim() === '*') {
      if (requestExpires !== 0) return { kind: 'bad', reason: 'Contact * needs Expires: 0' };
      this.location.unbindAll(user);
      this.announce(user, hadUser, 'unregister');
      return { kind: 'ok' };
    }
    const contacts: NameAddrHeader[] = [];
    for (let index = 0; index < rawContacts.length; index++) {
      const contact = request.parsed.parseHeader('contact', index) as NameAddrHeader | undefined;
      if (!contact?.uri) return { kind: 'bad', reason: 'Bad Contact' };
      contacts.push(contact);
    }
    const changes: Array<{ contact: NameAddrHeader; expires: number }> = [];
    for (const contact of contacts) {
      const param = contact.getParam('expires');
      if (param !== undefined && param !== null && !/^\d{1,10}$/.test(param)) return { kind: 'bad', reason: 'Bad expires' };
      const expires = param !== undefined && param !== null ? Number(param) : (requestExpires ?? this.limits.defaultExpiresSec);
      if (expires > 0 && expires < this.limits.minExpiresSec) return { kind: 'too-brief' };
      changes.push({ contact, expires: Math.min(expires, this.limits.maxExpiresSec) });
    }
    for (const { contact, expires } of changes) {
      if (expires === 0) this.location.unbind(user, contact.uri);
      else this.location.bind(user, contact.uri, connectionId, expires);
    }
    this.announce(user, hadUser, 'unregister');
    return { kind: 'ok' };
  }

  private announce(user: string, hadUser: boolean, reason: 'unregister'): void {
    const hasUser = this.location.hasUser(user);
    if (!hadUser && hasUser) {
      const contact = this.location.lookupUser(user)[0]?.contact ?? '';
      this.logger.info('registered', { user });
      this.events.emit('registered', { user, contact });
    } else if (hadUser && !hasUser) {
      this.logger.info('unregistered', { user, reason });
      this.events.emit('unregistered', { user, reason });
    }
  }
}
