import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  UserAgent,
  type BodyAndContentType,
  type Session,
  type SessionDescriptionHandler,
  type UserAgentOptions,
} from 'sip.js';
import WebSocket from 'ws';
import { silentLogger } from '../../../../../lab/log';
import { createSipServer, type SipServer, type SipServerOptions } from '../../../../../lab/sip';
import type { SipEventName, SipServerEvents } from '../../../../../lab/sip/sip-events';

/**
 * Real SIP.js 0.21 user agents against the lab SIP server over real
 * WebSockets on loopback. No media: a static SDP stands in for WebRTC.
 */

/** SIP.js's transport uses the global WebSocket, which Node 20 lacks (same idea as the app's websocket-global). */
export function ensureWebSocketGlobal(): void {
  const scope = globalThis as { WebSocket?: unknown };
  if (typeof scope.WebSocket === 'undefined') scope.WebSocket = WebSocket;
}

export const PASSWORDS: Record<string, string> = {
  '1001': 'secret-1001',
  '1002': 'secret-1002',
  '1003': 'secret-1003',
  '1004': 'secret-1004',
};

const SDP = [
  'v=0',
  'o=- 1 1 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 9 RTP/AVP 0',
  'a=rtpmap:0 PCMU/8000',
  'a=sendrecv',
  '',
].join('\r\n');

class StaticSdh implements SessionDescriptionHandler {
  getDescription(): Promise<BodyAndContentType> {
    return Promise.resolve({ body: SDP, contentType: 'application/sdp' });
  }
  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }
  setDescription(): Promise<void> {
    return Promise.resolve();
  }
  rollbackDescription(): Promise<void> {
    return Promise.resolve();
  }
  sendDtmf(): boolean {
    return false;
  }
  close(): void {}
}

export async function startServer(options: Partial<SipServerOptions> = {}): Promise<SipServer> {
  ensureWebSocketGlobal();
  return createSipServer({
    host: '127.0.0.1',
    port: 0,
    domain: 'lab.test',
    credentials: (user) => PASSWORDS[user],
    logger: silentLogger(),
    ...options,
  });
}

/** A SIP.js UA for one lab user, with its incoming INVITEs queued. */
export class Phone {
  readonly ua: UserAgent;
  readonly registerer: Registerer;
  private readonly invites: Invitation[] = [];
  private readonly inviteWaiters: Array<(invitation: Invitation) => void> = [];

  constructor(
    server: SipServer,
    readonly user: string,
    password = PASSWORDS[user] ?? 'none',
    extra: Partial<UserAgentOptions> = {},
  ) {
    this.ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:${user}@lab.test`),
      transportOptions: { server: server.url, traceSip: false },
      authorizationUsername: user,
      authorizationPassword: password,
      sessionDescriptionHandlerFactory: () => new StaticSdh(),
      logLevel: 'error',
      logConfiguration: false,
      logBuiltinEnabled: false,
      reconnectionAttempts: 0,
      delegate: {
        onInvite: (invitation) => {
          const waiter = this.inviteWaiters.shift();
          if (waiter) waiter(invitation);
          else this.invites.push(invitation);
        },
      },
      ...extra,
    });
    this.registerer = new Registerer(this.ua);
  }

  get contactUser(): string {
    return this.ua.contact.uri.user ?? '';
  }

  async start(register = true): Promise<this> {
    await this.ua.start();
    if (register) await this.register();
    return this;
  }

  /** Registers; resolves with the final status of the REGISTER (200, 403…). */
  register(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.registerer
        .register({
          requestDelegate: {
            onAccept: (response) => resolve(response.message.statusCode ?? 0),
            onReject: (response) => resolve(response.message.statusCode ?? 0),
          },
        })
        .catch(reject);
    });
  }

  async unregister(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.registerer.unregister({ requestDelegate: { onAccept: () => resolve(), onReject: () => resolve() } }).catch(reject);
    });
    expect(this.registerer.state).toBe(RegistererState.Unregistered);
  }

  /** Calls `target` (a user or a full URI); `finalStatus` resolves with the final response code. */
  call(target: string, extraHeaders: string[] = []): { inviter: Inviter; finalStatus: Promise<number>; progress: number[] } {
    const uri = UserAgent.makeURI(target.startsWith('sip:') ? target : `sip:${target}@lab.test`);
    if (!uri) throw new Error(`bad target ${target}`);
    const inviter = new Inviter(this.ua, uri, { extraHeaders });
    const progress: number[] = [];
    const finalStatus = new Promise<number>((resolve, reject) => {
      inviter
        .invite({
          requestDelegate: {
            onAccept: (response) => resolve(response.message.statusCode ?? 0),
            onReject: (response) => resolve(response.message.statusCode ?? 0),
            onProgress: (response) => progress.push(response.message.statusCode ?? 0),
          },
        })
        .catch(reject);
    });
    return { inviter, finalStatus, progress };
  }

  /** The next incoming INVITE. */
  nextInvite(): Promise<Invitation> {
    const queued = this.invites.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => this.inviteWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    await this.ua.stop();
  }
}

export async function startPhones(
  server: SipServer,
  users: string[],
  extra: Partial<UserAgentOptions> = {},
): Promise<Phone[]> {
  return Promise.all(users.map((user) => new Phone(server, user, undefined, extra).start()));
}

/** Resolves when the session reaches `state` (at once if it already has). */
export function reachState(session: Session, state: SessionState): Promise<void> {
  if (session.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = (next: SessionState): void => {
      if (next !== state) return;
      session.stateChange.removeListener(listener);
      resolve();
    };
    session.stateChange.addListener(listener);
  });
}

/** The next server event of that name matching `predicate`. */
export function nextEvent<K extends SipEventName>(
  server: SipServer,
  name: K,
  predicate: (event: SipServerEvents[K]) => boolean = () => true,
): Promise<SipServerEvents[K]> {
  return new Promise((resolve) => {
    const off = server.on(name, (event) => {
      if (!predicate(event)) return;
      off();
      resolve(event);
    });
  });
}

type Frame = { direction: 'in' | 'out'; connectionId: number; text: string };

/** Every frame the server saw, with a way to wait for one. */
export class FrameLog {
  readonly frames: Frame[] = [];
  private waiters: Array<{ predicate: (frame: Frame) => boolean; resolve: (frame: Frame) => void }> = [];

  readonly trace = (frame: Frame): void => {
    this.frames.push(frame);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.predicate(frame)) return true;
      waiter.resolve(frame);
      return false;
    });
  };

  /** The first frame (seen or to come) matching `predicate`. */
  waitFor(predicate: (frame: Frame) => boolean): Promise<Frame> {
    const seen = this.frames.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  filter(predicate: (frame: Frame) => boolean): Frame[] {
    return this.frames.filter(predicate);
  }
}

export { SessionState };
