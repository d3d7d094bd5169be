import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AGENT_API_LIMITS, EVENT_BODIES, describeIssues, isAgentApiEventName, type AgentApiEvent } from '../../common/agent-api';
import type { Logger } from '../log';
import type { AgentApiBackend } from './backend';
import { systemApiClock, type ApiClock } from './clock';
import { AgentConnection } from './connection';
import { SessionRegistry } from './sessions';

export interface AgentApiServerOptions {
  /** Loopback only: the lab never listens anywhere else. */
  host: '127.0.0.1';
  /** 0 picks a free port (read it from `port` afterwards). */
  port: number;
  /** The WebSocket path, e.g. `/agent`; other paths are refused. */
  path: string;
  backend: AgentApiBackend;
  logger: Logger;
  clock?: ApiClock;
  /** How long a session waits for a resume after its connection drops (S4: 2–3 min). */
  resumeWindowMs?: number;
  /** Events kept per session for replay on resume. */
  replayLimit?: number;
  /**
   * Origins allowed to connect. The desktop's main process sends no Origin;
   * a browser page always does, so by default every page is refused (no
   * cross-site WebSocket hijacking of a logged-in agent).
   */
  allowedOrigins?: readonly string[];
}

export interface AgentApiServer {
  readonly port: number;
  /** `ws://127.0.0.1:<port><path>` */
  readonly url: string;
  /** Counts for tests and diagnostics. */
  stats(): { connections: number; sessions: number; attachedSessions: number; droppedEvents: number };
  /**
   * Cuts every connection without a close handshake, as a network failure
   * would; sessions stay, waiting for a resume (the lab's "network blip").
   */
  dropConnections(): void;
  /** Closes every connection (1001) and stops listening; sessions are dropped without telling the backend. */
  close(): Promise<void>;
}

export const DEFAULT_RESUME_WINDOW_MS = 150_000;
export const DEFAULT_REPLAY_LIMIT = 256;
/** Frames above the soft cap close with 1008 (ours); above this `ws` itself closes with 1009. */
const HARD_FRAME_LIMIT = AGENT_API_LIMITS.maxFrameBytes * 4;

/**
 * The lab's agent API: JSON over WebSocket on loopback (docs/agent-api.md).
 * Every frame is validated; a bad one gets an error answer and changes
 * nothing. Events from the backend are validated, numbered per session and
 * kept for replay.
 */
export async function createAgentApiServer(options: AgentApiServerOptions): Promise<AgentApiServer> {
  if (options.host !== '127.0.0.1') throw new Error('the agent API listens on 127.0.0.1 only');
  const { backend, logger, path } = options;
  const clock = options.clock ?? systemApiClock();
  const resumeWindowMs = options.resumeWindowMs ?? DEFAULT_RESUME_WINDOW_MS;
  const allowedOrigins = options.allowedOrigins ?? [];
  let droppedEvents = 0;

  const sessions = new SessionRegistry({
    clock,
    logger,
    resumeWindowMs,
    replayLimit: options.replayLimit ?? DEFAULT_REPLAY_LIMIT,
    onExpired: (agentId) => {
      logger.info('resume window passed; logging the agent out', { agentId });
      void Promise.resolve()
        .then(() => backend.endSession(agentId, 'lost-connection'))
        .catch((error: unknown) => logger.error('backend endSession failed', { error: String(error) }));
    },
  });

  /** Validates, numbers and delivers one backend event; never throws back into the backend. */
  const deliver = (agentId: string, event: AgentApiEvent): void => {
    const name = String((event as { event?: unknown } | null)?.event);
    const body = isAgentApiEventName(name) ? EVENT_BODIES[name].safeParse(event.body) : undefined;
    if (body === undefined || !body.success) {
      droppedEvents += 1;
      logger.error('backend pushed an invalid event; dropped', {
        event: name.slice(0, 64),
        issues: body === undefined ? 'unknown event' : describeIssues(body.error),
      });
      return;
    }
    if (!sessions.publish(agentId, { event: name, body: body.data } as AgentApiEvent)) {
      droppedEvents += 1;
      logger.debug('event for an agent without a session; dropped', { agentId, event: name });
    }
  };
  const unsubscribe = backend.subscribe((agentId, event) => {
    try {
      deliver(agentId, event);
    } catch (error) {
      logger.error('event delivery failed', { error: String(error) });
    }
  });

  const wss = new WebSocketServer({
    host: options.host,
    port: options.port,
    path,
    maxPayload: HARD_FRAME_LIMIT,
    perMessageDeflate: false,
    verifyClient: (info: { origin?: string }) => !info.origin || allowedOrigins.includes(info.origin),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  wss.on('error', (error) => logger.error('server error', { error: String(error) }));

  const connections = new Set<AgentConnection>();
  wss.on('connection', (ws: WebSocket) => {
    const connection = new AgentConnection(ws, { backend, sessions, clock, logger, resumeWindowMs }, logger.child('conn'));
    connections.add(connection);
    ws.on('message', (data, isBinary) => connection.receive(data, isBinary));
    ws.on('error', (error) => logger.warn('connection error', { error: String(error) }));
    ws.on('close', () => {
      connections.delete(connection);
      connection.closedByPeer();
    });
  });

  const port = (wss.address() as AddressInfo).port;
  logger.info('agent API listening', { port, path });
  return {
    port,
    url: `ws://${options.host}:${port}${path}`,
    stats: () => ({ connections: connections.size, sessions: sessions.size, attachedSessions: sessions.attached, droppedEvents }),
    dropConnections: () => {
      for (const client of wss.clients) client.terminate();
    },
    close: async () => {
      unsubscribe();
      sessions.clear();
      const closing = [...wss.clients].map((client) => closeClient(client));
      await Promise.all(closing);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Close handshake (1001), cut short after a second if the peer does not answer. */
function closeClient(client: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (client.readyState === client.CLOSED) return resolve();
    const timer = setTimeout(() => client.terminate(), 1000);
    timer.unref();
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    client.close(1001, 'server shutting down');
  });
}
