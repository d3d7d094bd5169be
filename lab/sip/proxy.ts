import type { NameAddrHeader } from 'sip.js';
import type { CallRouter } from './call-router';
import type { DigestAuthenticator } from './digest';
import { maxForwardsOf, prepareForward, stripOwnRoutes } from './forwarding';
import { InviteCall } from './invite-call';
import { describeReferTo, forwardTo, routeInitialInvite } from './invite-routing';
import type { LocationService } from './location';
import type { ProxyContext } from './proxy-context';
import type { Registrar } from './registrar';
import { buildResponse } from './responses';
import type { ServerTransaction, ServerTransactionTable } from './server-transactions';
import type { SipConnection } from './sip-connection';
import type { SipEventEmitter } from './sip-events';
import { parseSip, type SipRequest, type SipResponse } from './sip-message';
import type { Target } from './targets';

/**
 * The message pump: every WebSocket frame comes in here, is parsed and
 * checked, and goes to the registrar, the INVITE logic, or stateful
 * non-INVITE forwarding. Responses from downstream are matched to our client
 * transactions by the branch of our Via. Nothing a client sends can throw out
 * of `onFrame`.
 */
export interface ProxyDeps extends ProxyContext {
  readonly location: LocationService;
  readonly events: SipEventEmitter;
  readonly registrar: Registrar;
  readonly digest: DigestAuthenticator;
  readonly servers: ServerTransactionTable;
  readonly router: CallRouter | undefined;
  readonly maxFrameBytes: number;
}

const ALLOW = 'INVITE, ACK, CANCEL, BYE, REFER, NOTIFY, SUBSCRIBE, INFO, MESSAGE, OPTIONS, UPDATE, PRACK, REGISTER';
/** Requests that start a dialog, so in-dialog requests must come back through us. */
const DIALOG_CREATING = new Set(['INVITE', 'REFER', 'SUBSCRIBE']);

export class SipProxy {
  constructor(private readonly deps: ProxyDeps) {}

  onFrame(connection: SipConnection, data: Buffer): void {
    try {
      this.handleFrame(connection, data);
    } catch (error) {
      this.deps.logger.error('frame handling failed', { connection: connection.id, error: String(error) });
    }
  }

  onConnectionClosed(connection: SipConnection): void {
    const { location, events, clients, servers, dialogs, logger } = this.deps;
    for (const user of location.dropConnection(connection.id)) {
      logger.info('unregistered', { user, reason: 'connection-closed' });
      events.emit('unregistered', { user, reason: 'connection-closed' });
    }
    servers.connectionClosed(connection.id);
    clients.connectionClosed(connection.id);
    dialogs.connectionClosed(connection.id);
  }

  private handleFrame(connection: SipConnection, data: Buffer): void {
    const { logger } = this.deps;
    if (data.length > this.deps.maxFrameBytes) {
      logger.warn('oversized frame dropped', { connection: connection.id, bytes: data.length });
      return;
    }
    const text = data.toString('utf8');
    if (/^(\r\n)+$/.test(text)) {
      connection.sendText('\r\n'); // RFC 5626 keep-alive pong, as SIP.js expects
      return;
    }
    const parsed = parseSip(text, logger);
    if (!parsed.ok) {
      logger.warn('bad SIP message', { connection: connection.id, error: parsed.error });
      const bad = parsed.badRequest;
      if (bad && bad.method !== 'ACK' && bad.headers.has('Via')) {
        connection.send(buildResponse(bad, 400, `Bad Request (${parsed.error})`, { toTag: 'bad' }));
      }
      return;
    }
    const message = parsed.message;
    this.learnContacts(message, connection);
    if (message.kind === 'response') this.handleResponse(message);
    else this.handleRequest(message, connection);
  }

  private learnContacts(message: SipRequest | SipResponse, connection: SipConnection): void {
    const count = message.parsed.getHeaders('contact').length;
    for (let index = 0; index < count; index++) {
      const contact = message.parsed.parseHeader('contact', index) as NameAddrHeader | undefined;
      if (contact?.uri?.user) this.deps.location.remember(contact.uri, connection.id);
    }
  }

  private handleResponse(response: SipResponse): void {
    const branch = response.branch;
    const ours = response.headers.shift('Via');
    if (ours === undefined || !this.deps.clients.dispatch(branch, response)) {
      this.deps.logger.debug('response matches no transaction; dropped', { status: response.status, method: response.method });
    }
  }

  private handleRequest(request: SipRequest, connection: SipConnection): void {
    const { servers, logger } = this.deps;
    if (request.method === 'ACK') {
      this.handleAck(request);
      return;
    }
    if (maxForwardsOf(request) <= 0) {
      connection.send(buildResponse(request, 483, undefined, { toTag: 'mf' }));
      return;
    }
    if (request.method === 'CANCEL') {
      const invite = servers.find(request, 'INVITE');
      connection.send(buildResponse(request, invite ? 200 : 481, undefined, { toTag: 'cancel' }));
      invite?.onCancel?.();
      return;
    }
    const retransmitted = servers.find(request);
    if (retransmitted) {
      if (retransmitted.lastResponse) connection.send(retransmitted.lastResponse);
      return;
    }
    const tx = servers.create(request, connection);
    if (request.method === 'REGISTER') {
      this.deps.registrar.handle(request, tx);
      return;
    }
    stripOwnRoutes(request, this.deps.self);
    const inDialog = request.toTag !== undefined;
    let user: string | undefined;
    if (!inDialog) {
      if (!request.ruri.user) {
        this.answerLocally(request, tx);
        return;
      }
      const auth = this.authenticate(request, connection, tx);
      if (!auth) return;
      user = auth.user;
    }
    if (inDialog) this.deps.dialogs.sawRequest(request.callId, request.fromTag, request.cseq);
    logger.debug('request', { method: request.method, callId: request.callId, inDialog });
    if (request.method === 'INVITE') {
      const call = new InviteCall(this.deps, tx);
      call.respond(100);
      const routing = inDialog
        ? forwardTo(call, this.deps, this.deps.targets.resolveUri(request.ruri))
        : routeInitialInvite(call, this.deps, this.deps.router, user);
      routing.catch((error: unknown) => logger.error('INVITE routing failed', { error: String(error) }));
      return;
    }
    this.noteRequest(request);
    this.forwardNonInvite(tx, this.deps.targets.resolveUri(request.ruri), !inDialog && DIALOG_CREATING.has(request.method));
  }

  /** ACK for a non-2xx final response is hop-by-hop (absorbed); ACK for a 2xx is routed end to end. */
  private handleAck(request: SipRequest): void {
    const invite = this.deps.servers.find(request, 'INVITE');
    if (invite && (invite.finalStatus ?? 0) >= 300) return;
    if (maxForwardsOf(request) <= 0) return;
    stripOwnRoutes(request, this.deps.self);
    const target = this.deps.targets.resolveUri(request.ruri);
    if (target.kind === 'none') {
      this.deps.logger.debug('ACK for an unknown target dropped', { callId: request.callId });
      return;
    }
    target.connection.send(prepareForward(request, this.deps.self, { uri: target.uri, recordRoute: false }).request);
  }

  /** Events the ACD hears about from requests passing through. */
  private noteRequest(request: SipRequest): void {
    const fromUser = request.from.uri.user ?? '';
    if (request.method === 'BYE') this.deps.dialogs.bye(request.callId, fromUser);
    if (request.method === 'REFER') {
      const referTo = describeReferTo(request);
      if (referTo) this.deps.events.emit('refer', { callId: request.callId, fromUser, ...referTo });
    }
  }

  private forwardNonInvite(tx: ServerTransaction, target: Target, recordRoute: boolean): void {
    const request = tx.request;
    if (target.kind === 'none') {
      tx.respond(buildResponse(request, target.status, undefined, { toTag: 'proxy' }));
      return;
    }
    const forward = prepareForward(request, this.deps.self, { uri: target.uri, recordRoute });
    this.deps.clients.send(
      target.connection,
      forward.request,
      forward.branch,
      {
        onResponse: (response) => {
          if (response.status === 100) return;
          tx.respond({ status: response.status, reason: response.reason, headers: response.headers, body: response.body });
        },
        onLost: () => tx.respond(buildResponse(request, 480, 'Callee Connection Lost', { toTag: 'proxy' })),
        onTimeout: () => tx.respond(buildResponse(request, 408, undefined, { toTag: 'proxy' })),
      },
      this.deps.timings.nonInviteTimeoutMs,
    );
  }

  /** Requests to the proxy itself (no user part): OPTIONS is answered, anything else is not ours. */
  private answerLocally(request: SipRequest, tx: ServerTransaction): void {
    if (request.method === 'OPTIONS') {
      tx.respond(buildResponse(request, 200, 'OK', { toTag: 'proxy', extra: [`Allow: ${ALLOW}`] }));
      return;
    }
    tx.respond(buildResponse(request, 404, 'No User Part', { toTag: 'proxy' }));
  }

  /**
   * Who sent an out-of-dialog request: the user registered on this
   * connection, else whoever proves it with Proxy-Authorization (407
   * challenge otherwise). Undefined when a response was sent instead.
   */
  private authenticate(
    request: SipRequest,
    connection: SipConnection,
    tx: ServerTransaction,
  ): { user: string } | undefined {
    const registered = this.deps.location.usersOn(connection.id);
    const fromUser = request.from.uri.user ?? '';
    if (registered.length > 0) return { user: registered.includes(fromUser) ? fromUser : (registered[0] as string) };
    const reply = (status: number, reason?: string, extra?: string[]): undefined => {
      tx.respond(buildResponse(request, status, reason, { toTag: 'auth', extra }));
      return undefined;
    };
    const header = request.headers.first('Proxy-Authorization');
    if (header === undefined) return reply(407, undefined, [`Proxy-Authenticate: ${this.deps.digest.challenge()}`]);
    const verdict = this.deps.digest.verify(header, request.method);
    switch (verdict.kind) {
      case 'ok':
        return { user: verdict.user };
      case 'stale':
        return reply(407, undefined, [`Proxy-Authenticate: ${this.deps.digest.challenge(true)}`]);
      case 'malformed':
        return reply(400, 'Bad Proxy-Authorization');
      default:
        this.deps.logger.info('request refused', { method: request.method, user: verdict.user, detail: verdict.detail });
        return reply(403);
    }
  }
}
