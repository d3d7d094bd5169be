import { randomUUID } from 'node:crypto';
import type { UserAgent } from 'sip.js';
import { sipAccountSchema, type LinesView, type Registration, type SipAccount, type SoftphoneState } from '../../common/contract/softphone';
import type { LineCommand } from '../../common/softphone';
import type { Logger } from '../../common/log/logger';
import type { SettingsRepository } from '../settings/settings-store';
import type { CredentialVault } from '../vault/credential-vault';
import type { RegistrationDeps } from './sip-registration';
import { LineManager } from './lines/line-manager';
import type { EngineRpc } from './media/engine-rpc';

/** What the service needs of a registration (the SIP.js one, or a fake). */
export interface RegistrationHandle {
  readonly userAgent?: UserAgent;
  start(): Promise<void>;
  refresh(reason: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SoftphoneServiceDeps {
  settings: SettingsRepository;
  vault: Promise<CredentialVault>;
  createRegistration(deps: RegistrationDeps): RegistrationHandle;
  publish(change: (state: SoftphoneState) => SoftphoneState): void;
  rpc: EngineRpc;
  log: Logger;
}

const UNCONFIGURED: Registration = { status: 'unconfigured', code: null, retryAt: null };

/** Vault key of an account's password. */
export const vaultKey = (account: SipAccount): string => `sip:${account.aor}`;

/**
 * The SIP account lifecycle in main: loads the saved account and its
 * password from the vault at start, (re)registers when the agent saves the
 * account, forgets both on removal, refreshes after resume or a network
 * change, and unregisters cleanly on quit.
 */
export class SoftphoneService {
  private registration: RegistrationHandle | null = null;
  private account: SipAccount | null = null;
  /** Registered with an account the contact center provisioned for this session. */
  private provisioned = false;
  private readonly log: Logger;
  readonly lines: LineManager;

  constructor(private readonly deps: SoftphoneServiceDeps) {
    this.log = deps.log;
    this.lines = new LineManager({
      userAgent: () => this.registration?.userAgent ?? null,
      aor: () => this.account?.aor ?? '',
      dtmfMode: () => this.account?.dtmfMode ?? 'rfc4733',
      rpc: deps.rpc,
      publish: (lines: LinesView) => deps.publish((s) => ({ ...s, lines })),
      log: deps.log.child('lines'),
    });
  }

  /** The engine came back after a crash: live calls get fresh media. */
  recoverMedia(): void {
    this.lines.recoverMedia(randomUUID);
  }

  /** An agent's call-control intent, through the line table. */
  lineCommand(command: LineCommand) {
    return this.lines.command(command);
  }

  async start(): Promise<void> {
    const vault = await this.deps.vault;
    const account = this.deps.settings.read().sipAccount;
    const password = account ? await vault.get(vaultKey(account)) : null;
    this.deps.publish((s) => ({ ...s, vault: vault.backend, account: account && { account, hasPassword: password !== null } }));
    if (account && password) await this.register(account, password);
  }

  async saveAccount(account: SipAccount, password: string | undefined): Promise<void> {
    const vault = await this.deps.vault;
    const previous = this.deps.settings.read().sipAccount;
    if (previous && previous.aor !== account.aor) await vault.remove(vaultKey(previous));
    if (password !== undefined) await vault.set(vaultKey(account), password);
    this.deps.settings.write({ sipAccount: account });
    const secret = await vault.get(vaultKey(account));
    this.deps.publish((s) => ({ ...s, account: { account, hasPassword: secret !== null } }));
    this.log.info('SIP account saved', { aor: account.aor, server: account.server });
    await this.stopRegistration();
    if (secret) await this.register(account, secret);
    else this.deps.publish((s) => ({ ...s, registration: UNCONFIGURED }));
  }

  /**
   * The contact center provisioned the DN's phone for the agent's session:
   * register with it, keeping the agent's own preferences (codecs, DTMF,
   * audio processing, ICE servers). Nothing is saved; the password stays in
   * memory for the session.
   */
  async useProvisioned(phone: Pick<SipAccount, 'server' | 'aor' | 'authUser' | 'displayName'>, password: string): Promise<void> {
    const own = this.deps.settings.read().sipAccount;
    const account = sipAccountSchema.parse({
      ...phone,
      ...(own ? { iceServers: own.iceServers, codecs: own.codecs, dtmfMode: own.dtmfMode, audioProcessing: own.audioProcessing } : {}),
    });
    await this.stopRegistration();
    this.provisioned = true;
    this.log.info('registering the provisioned phone', { aor: account.aor, server: account.server });
    await this.register(account, password);
  }

  /** The session ended: leave the provisioned phone and go back to the agent's own account. */
  async endProvisioned(): Promise<void> {
    if (!this.provisioned) return;
    this.provisioned = false;
    await this.stopRegistration();
    this.deps.publish((s) => ({ ...s, registration: UNCONFIGURED }));
    await this.start();
  }

  async removeAccount(): Promise<void> {
    const vault = await this.deps.vault;
    const account = this.deps.settings.read().sipAccount;
    await this.stopRegistration();
    if (account) await vault.remove(vaultKey(account));
    this.deps.settings.write({ sipAccount: null });
    this.deps.publish((s) => ({ ...s, account: null, registration: UNCONFIGURED }));
    this.log.info('SIP account removed');
  }

  /** Sleep/resume, network change or the agent's "retry now". */
  async refresh(reason: string): Promise<void> {
    await this.registration?.refresh(reason);
  }

  async stop(): Promise<void> {
    await this.stopRegistration();
  }

  private async register(account: SipAccount, password: string): Promise<void> {
    this.account = account;
    const media = { iceServers: account.iceServers, codecs: account.codecs, audioProcessing: account.audioProcessing };
    try {
      this.registration = this.deps.createRegistration({
        account,
        password,
        log: this.log,
        publish: (registration) => this.deps.publish((s) => ({ ...s, registration })),
        onInvite: (invitation) => this.lines.incoming(invitation),
        sessionDescriptionHandlerFactory: this.lines.handlerFactory(media),
      });
    } catch (error) {
      this.log.error('SIP user agent could not be created', { error });
      this.deps.publish((s) => ({ ...s, registration: { status: 'server-error', code: null, retryAt: null } }));
      return;
    }
    await this.registration.start();
  }

  private async stopRegistration(): Promise<void> {
    await this.lines.dropAll();
    const registration = this.registration;
    this.registration = null;
    if (registration) await registration.stop();
  }
}
