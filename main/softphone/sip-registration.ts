import {
  Registerer,
  RegistererState,
  SIPExtension,
  UserAgent,
  type Invitation,
  type LogLevel,
  type SessionDescriptionHandlerFactory,
} from 'sip.js';
import type { Registration, SipAccount } from '../../common/contract/softphone';
import type { Logger } from '../../common/log/logger';
import { classifyRegisterFailure, reconnectDelayMs } from './reconnect-policy';
import { ensureWebSocketGlobal } from './websocket-global';

export interface RegistrationDeps {
  account: SipAccount;
  password: string;
  log: Logger;
  publish(registration: Registration): void;
  onInvite?(invitation: Invitation): void;
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
  now?: () => number;
}

const REGISTER_EXPIRES_S = 300;

/**
 * One SIP account's user agent and registration: connects over WebSocket,
 * registers with digest auth (SIP.js answers the challenge), keeps the
 * registration refreshed, and when the transport drops reconnects with
 * backoff and registers again. Wrong credentials stop retrying (retrying
 * could lock the account); other failures retry.
 */
export class SipRegistration {
  readonly userAgent: UserAgent;
  private readonly registerer: Registerer;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly now: () => number;
  private registration: Registration = { status: 'registering', code: null, retryAt: null };

  constructor(private readonly deps: RegistrationDeps) {
    ensureWebSocketGlobal();
    this.now = deps.now ?? Date.now;
    const { account, password, log } = deps;
    const uri = UserAgent.makeURI(account.aor);
    if (!uri) throw new Error('invalid AOR');
    this.userAgent = new UserAgent({
      uri,
      displayName: account.displayName || undefined,
      authorizationUsername: account.authUser || uri.user,
      authorizationPassword: password,
      transportOptions: { server: account.server, connectionTimeout: 5, keepAliveInterval: 15 },
      // Reconnection is ours (backoff, network change, resume): SIP.js's
      // own reconnection is off by default and deprecated.
      logBuiltinEnabled: false,
      logLevel: 'debug',
      logConnector: (level: LogLevel, category: string, _label: string | undefined, content: string) => {
        const scoped = log.child('sip');
        if (level === 'error') scoped.error(`${category}: ${content}`);
        else if (level === 'warn') scoped.warn(`${category}: ${content}`);
        else scoped.debug(`${category}: ${content}`);
      },
      sessionDescriptionHandlerFactory: deps.sessionDescriptionHandlerFactory,
      // The line table decides whether an offer rings (180) or is refused
      // (486 at once), so SIP.js must not send its own 180 first.
      sendInitialProvisionalResponse: false,
      // A colleague's consult transfer: the customer calls us with Replaces
      // for the consult dialog (RFC 3891); the line manager swaps the call.
      sipExtensionReplaces: SIPExtension.Supported,
      delegate: {
        onConnect: () => this.register(),
        onDisconnect: (error) => this.onDisconnect(error),
        onInvite: (invitation) => deps.onInvite?.(invitation),
      },
    });
    this.registerer = new Registerer(this.userAgent, { expires: REGISTER_EXPIRES_S });
    this.registerer.stateChange.addListener((state) => this.onRegistererState(state));
  }

  get current(): Registration {
    return this.registration;
  }

  async start(): Promise<void> {
    this.set({ status: 'registering', code: null, retryAt: null });
    try {
      await this.userAgent.start();
    } catch (error) {
      this.deps.log.warn('SIP server unreachable', { server: this.deps.account.server, error });
      this.scheduleReconnect('unreachable');
    }
  }

  /** After sleep/resume or a network change: don't wait for keep-alives to notice. */
  async refresh(reason: string): Promise<void> {
    if (this.stopping) return;
    this.deps.log.info('refreshing SIP connection', { reason });
    this.attempt = 0;
    this.clearTimer();
    if (this.userAgent.isConnected()) {
      this.register();
      return;
    }
    await this.reconnectNow();
  }

  async stop(timeoutMs = 2_000): Promise<void> {
    this.stopping = true;
    this.clearTimer();
    try {
      if (this.registerer.state === RegistererState.Registered) {
        await withTimeout(
          new Promise<void>((resolve) => {
            this.registerer.stateChange.addListener((s) => s !== RegistererState.Registered && resolve());
            void this.registerer.unregister().catch(() => resolve());
          }),
          timeoutMs,
        );
      }
    } finally {
      await withTimeout(this.userAgent.stop().catch(() => undefined), timeoutMs);
      this.set({ status: 'unregistered', code: null, retryAt: null });
    }
  }

  private register(): void {
    if (this.stopping) return;
    this.set({ status: 'registering', code: null, retryAt: null });
    this.registerer
      .register({
        requestDelegate: {
          // A re-REGISTER of an already registered registerer changes no
          // registerer state, so the 2xx itself is what says "registered".
          onAccept: () => this.onRegistered(),
          onReject: (response) => this.onRejected(response.message.statusCode ?? 0),
        },
      })
      .catch((error: unknown) => {
        this.deps.log.warn('REGISTER could not be sent', { error });
        this.scheduleReconnect('reconnecting');
      });
  }

  private onRegistererState(state: RegistererState): void {
    if (state === RegistererState.Registered) {
      this.onRegistered();
    } else if (state === RegistererState.Unregistered && !this.stopping && this.registration.status === 'registered') {
      // A refresh failed or the server dropped us while the transport is up.
      this.deps.log.warn('registration lost; registering again');
      this.scheduleReconnect('reconnecting');
    }
  }

  private onRegistered(): void {
    if (this.stopping || this.registration.status === 'registered') return;
    this.attempt = 0;
    this.set({ status: 'registered', code: null, retryAt: null });
    this.deps.log.info('registered', { aor: this.deps.account.aor });
  }

  private onRejected(code: number): void {
    const { status, retry } = classifyRegisterFailure(code);
    this.deps.log.warn('REGISTER rejected', { code });
    if (retry) this.scheduleReconnect(status, code);
    else this.set({ status, code, retryAt: null });
  }

  private onDisconnect(error?: Error): void {
    if (this.stopping) return;
    this.deps.log.warn('SIP transport lost', { error: error?.message ?? null });
    this.scheduleReconnect('reconnecting');
  }

  private scheduleReconnect(status: Registration['status'], code: number | null = null): void {
    if (this.stopping) return;
    this.clearTimer();
    const delay = reconnectDelayMs(this.attempt);
    this.attempt += 1;
    this.set({ status, code, retryAt: this.now() + delay });
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reconnectNow();
    }, delay);
  }

  private async reconnectNow(): Promise<void> {
    if (this.stopping) return;
    if (this.userAgent.isConnected()) {
      this.register();
      return;
    }
    try {
      await this.userAgent.reconnect();
      // onConnect registers.
    } catch {
      this.scheduleReconnect(this.registration.status === 'unreachable' ? 'unreachable' : 'reconnecting');
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(registration: Registration): void {
    this.registration = registration;
    this.deps.publish(registration);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    void promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(undefined)),
    );
  });
}
