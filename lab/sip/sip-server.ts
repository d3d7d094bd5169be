import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { silentLogger, type Logger } from '../log';
import type { CallRouter } from './call-router';
import { ClientTransactionTable } from './client-transactions';
import { realClock, type Clock } from './clock';
import { hangUpDialog } from './dialog-hangup';
import { DialogTracker } from './dialogs';
import { DigestAuthenticator } from './digest';
import { LocationService, type Registration } from './location';
import { SipProxy } from './proxy';
import { DEFAULT_TIMINGS, type ProxyTimings } from './proxy-context';
import { DEFAULT_REGISTRAR_LIMITS, Registrar, type RegistrarLimits } from './registrar';
import { ServerTransactionTable } from './server-transactions';
import { SipConnection, type SipTrace } from './sip-connection';
import { SipEventEmitter, type SipEventListener, type SipEventName } from './sip-events';
import { TargetResolver } from './targets';

/**
 * The lab's SIP registrar and proxy over WebSocket (RFC 7118), on loopback.
 * See docs/lab-sip.md for behaviour and limits.
 */
export interface SipServerOptions {
  /** Only loopback is allowed: the lab never listens on a real interface. */
  host?: '127.0.0.1';
  /** 0 (default) picks a free port. */
  port?: number;
  /** SIP domain and digest realm, `lab.test` by default. */
  domain?: string;
  /** Password of a SIP user, undefined for users that do not exist. */
  credentials: (user: string) => string | undefined;
  router?: CallRouter;
  logger?: Logger;
  clock?: Clock;
  /** Frames larger than this are dropped (default 64 KiB). */
  maxFrameBytes?: number;
  timings?: Partial<ProxyTimings>;
  registrar?: Partial<RegistrarLimits>;
  /** How long a digest nonce stays valid (default 5 min). */
  nonceTtlMs?: number;
  /** How often expired registrations are swept (default 1 s). */
  sweepIntervalMs?: number;
  /** Sees every frame received and sent (tests and debugging). Frames carry digest headers: never log them as they are. */
  trace?: SipTrace;
}

export interface SipServer {
  /** `ws://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly domain: string;
  on<K extends SipEventName>(name: K, listener: SipEventListener<K>): () => void;
  off<K extends SipEventName>(name: K, listener: SipEventListener<K>): void;
  /** Current live registrations, oldest first. */
  registrations(): Registration[];
  /** Number of open client connections. */
  connectionCount(): number;
  /** Dialogs up now (established through the proxy and not yet ended). */
  dialogCount(): number;
  /**
   * Ends a dialog from the middle: BYE to both sides (see dialog-hangup.ts).
   * No `dialog-ended` event follows (the caller knows). False if no such dialog is up.
   */
  endDialog(callId: string, reason?: string): boolean;
  /** Closes every connection and the listening socket. */
  close(): Promise<void>;
}

const DEFAULT_MAX_FRAME = 64 * 1024;

export async function createSipServer(options: SipServerOptions): Promise<SipServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('the lab SIP server listens on 127.0.0.1 only');
  const domain = options.domain ?? 'lab.test';
  const logger = options.logger ?? silentLogger();
  const clock = options.clock ?? realClock;
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME;
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const userTrace = options.trace;
  const trace: SipTrace | undefined = userTrace
    ? (frame) => {
        try {
          userTrace(frame);
        } catch {
          // A broken trace must not break SIP.
        }
      }
    : undefined;
  const credentials = (user: string): string | undefined => {
    try {
      return options.credentials(user);
    } catch {
      return undefined;
    }
  };

  const wss = new WebSocketServer({
    host,
    port: options.port ?? 0,
    // Above our own cap so that an oversized frame is dropped, not the connection.
    maxPayload: maxFrameBytes * 4,
    handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const address = wss.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const self = { host, port, domain };

  const connections = new Map<number, SipConnection>();
  const events = new SipEventEmitter(logger);
  const location = new LocationService(clock);
  const digest = new DigestAuthenticator(domain, clock, credentials, options.nonceTtlMs);
  const clients = new ClientTransactionTable(clock, logger);
  const servers = new ServerTransactionTable(clock, timings.lingerMs);
  const limits = { ...DEFAULT_REGISTRAR_LIMITS, ...options.registrar };
  const dialogs = new DialogTracker(events);
  const proxy = new SipProxy({
    self,
    logger,
    clock,
    clients,
    dialogs,
    targets: new TargetResolver(location, connections, (user) => credentials(user) !== undefined),
    timings,
    location,
    events,
    registrar: new Registrar(location, digest, events, logger, clock, limits),
    digest,
    servers,
    router: options.router,
    maxFrameBytes,
  });

  let nextId = 1;
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const connection = new SipConnection(nextId++, socket, logger, trace);
    if (socket.protocol !== 'sip') {
      logger.warn('connection without the sip subprotocol refused', { connection: connection.id });
      socket.close(1002, 'subprotocol sip required');
      return;
    }
    connections.set(connection.id, connection);
    logger.debug('connected', { connection: connection.id, remotePort: request.socket.remotePort });
    socket.on('message', (data: RawData) => {
      const frame = toBuffer(data);
      if (trace && frame.length <= maxFrameBytes) {
        trace({ direction: 'in', connectionId: connection.id, text: frame.toString('utf8') });
      }
      proxy.onFrame(connection, frame);
    });
    socket.on('error', (error) => logger.warn('socket error', { connection: connection.id, error: String(error) }));
    socket.on('close', () => {
      connection.markClosed();
      connections.delete(connection.id);
      logger.debug('disconnected', { connection: connection.id });
      proxy.onConnectionClosed(connection);
    });
  });
  wss.on('error', (error) => logger.error('server error', { error: String(error) }));

  const sweepInterval = options.sweepIntervalMs ?? 1000;
  let sweepTimer: unknown;
  const sweep = (): void => {
    for (const user of location.sweep()) {
      if (location.hasUser(user)) continue;
      logger.info('unregistered', { user, reason: 'expired' });
      events.emit('unregistered', { user, reason: 'expired' });
    }
    sweepTimer = clock.setTimeout(sweep, sweepInterval);
  };
  sweepTimer = clock.setTimeout(sweep, sweepInterval);

  let closing: Promise<void> | undefined;
  logger.info('SIP server listening', { url: `ws://${host}:${port}`, domain });
  return {
    url: `ws://${host}:${port}`,
    port,
    domain,
    on: (name, listener) => events.on(name, listener),
    off: (name, listener) => events.off(name, listener),
    registrations: () => location.list(),
    connectionCount: () => connections.size,
    dialogCount: () => dialogs.size,
    endDialog: (callId, reason = 'ended by the contact center') => {
      const dialog = dialogs.take(callId);
      if (dialog === undefined) return false;
      logger.info('dialog ended by the application', { callId });
      hangUpDialog(dialog, (id) => connections.get(id), clients, self, timings.nonInviteTimeoutMs, reason);
      return true;
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        clock.clearTimeout(sweepTimer);
        for (const connection of connections.values()) connection.terminate();
        clients.clear();
        servers.clear();
        wss.close(() => resolve());
      });
      return closing;
    },
  };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
