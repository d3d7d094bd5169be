import type { SipAccount, SoftphoneState } from '../../../../common/contract';
import { sipAccountSchema } from '../../../../common/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../../../main/settings/settings-schema';
import { classifyRegisterFailure, reconnectDelayMs } from '../../../../main/softphone/reconnect-policy';
import { addressFingerprint, watchNetwork } from '../../../../main/softphone/network-watcher';
import { SoftphoneService, vaultKey } from '../../../../main/softphone/softphone-service';
import type { RegistrationDeps } from '../../../../main/softphone/sip-registration';
import { createSessionOnlyVault } from '../../../../main/vault/credential-vault';
import { EngineRpc } from '../../../../main/softphone/media/engine-rpc';
import { IDLE_LINES } from '../../../../common/contract/softphone';
import { DEFAULT_DEVICE_CHOICE } from '../../../../common/contract/audio-devices';
import { memoryLogger } from '../../support/memory-logger';

const account: SipAccount = sipAccountSchema.parse({ server: 'ws://127.0.0.1:5066', aor: 'sip:1001@lab.local' });

function setup(initial: Partial<Settings> = {}) {
  let saved: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const settings = { read: () => saved, write: (c: Partial<Settings>) => (saved = { ...saved, ...c }) };
  const vault = createSessionOnlyVault();
  let state: SoftphoneState = { account: null, registration: { status: 'unconfigured', code: null, retryAt: null }, vault: 'unknown', lines: IDLE_LINES, devices: { available: { inputs: [], outputs: [] }, chosen: DEFAULT_DEVICE_CHOICE } };
  const made: { deps: RegistrationDeps; events: string[] }[] = [];
  const service = new SoftphoneService({
    rpc: new EngineRpc(() => false, memoryLogger().log),
    settings,
    vault: Promise.resolve(vault),
    createRegistration: (deps) => {
      const entry = { deps, events: [] as string[] };
      made.push(entry);
      return {
        start: async () => void entry.events.push('start'),
        refresh: async (reason) => void entry.events.push(`refresh:${reason}`),
        stop: async () => void entry.events.push('stop'),
      };
    },
    publish: (change) => (state = change(state)),
    log: memoryLogger().log,
  });
  return { service, vault, made, state: () => state, saved: () => saved };
}

describe('SoftphoneService', () => {
  it('stays unconfigured without an account', async () => {
    const { service, made, state } = setup();
    await service.start();
    expect(made).toHaveLength(0);
    expect(state()).toMatchObject({ account: null, vault: 'session-only', registration: { status: 'unconfigured' } });
  });

  it('registers at start with the saved account and its vault password', async () => {
    const { service, vault, made, state } = setup({ sipAccount: account });
    await vault.set(vaultKey(account), 's3cret');
    await service.start();
    expect(made[0]!.deps.password).toBe('s3cret');
    expect(made[0]!.events).toEqual(['start']);
    expect(state().account).toEqual({ account, hasPassword: true });
  });

  it('waits for a password before registering a saved account', async () => {
    const { service, made, state } = setup({ sipAccount: account });
    await service.start();
    expect(made).toHaveLength(0);
    expect(state().account).toEqual({ account, hasPassword: false });
  });

  it('re-registers on save, keeps the stored password when none is given, and moves it when the AOR changes', async () => {
    const { service, vault, made, saved } = setup();
    await service.saveAccount(account, 'one');
    await service.saveAccount({ ...account, displayName: 'Ana' }, undefined);
    expect(made.map((m) => m.deps.password)).toEqual(['one', 'one']);
    expect(made[0]!.events).toEqual(['start', 'stop']);
    expect(saved().sipAccount?.displayName).toBe('Ana');
    const other = { ...account, aor: 'sip:1002@lab.local' };
    await service.saveAccount(other, 'two');
    expect(await vault.get(vaultKey(account))).toBeNull();
    expect(await vault.get(vaultKey(other))).toBe('two');
  });

  it('forgets account and password on removal and passes refreshes through', async () => {
    const { service, vault, made, state, saved } = setup();
    await service.saveAccount(account, 'one');
    await service.refresh('resume');
    expect(made[0]!.events).toEqual(['start', 'refresh:resume']);
    await service.removeAccount();
    expect(made[0]!.events.at(-1)).toBe('stop');
    expect(await vault.get(vaultKey(account))).toBeNull();
    expect(saved().sipAccount).toBeNull();
    expect(state()).toMatchObject({ account: null, registration: { status: 'unconfigured' } });
  });
});

describe('reconnect policy', () => {
  it('retries quickly at first and backs off to 30 s', () => {
    expect([0, 1, 2, 3].map(reconnectDelayMs)).toEqual([250, 500, 1_000, 2_000]);
    expect(reconnectDelayMs(100)).toBe(30_000);
    expect(reconnectDelayMs(-1)).toBe(250);
  });
  it('stops retrying on wrong credentials only', () => {
    expect(classifyRegisterFailure(401)).toEqual({ status: 'auth-failed', retry: false });
    expect(classifyRegisterFailure(403)).toEqual({ status: 'auth-failed', retry: false });
    expect(classifyRegisterFailure(503)).toEqual({ status: 'server-error', retry: true });
    expect(classifyRegisterFailure(408)).toEqual({ status: 'server-error', retry: true });
  });
});

describe('network watcher', () => {
  it('fingerprints external addresses only', () => {
    const print = addressFingerprint({
      lo: [{ address: '127.0.0.1', internal: true } as never],
      eth0: [{ address: '10.0.0.2', internal: false } as never],
    });
    expect(print).toBe('eth0/10.0.0.2');
  });
  it('calls back when the addresses change', () => {
    jest.useFakeTimers();
    let current = 'a';
    const changes: number[] = [];
    const stop = watchNetwork(() => changes.push(1), 1_000, () => current);
    jest.advanceTimersByTime(3_000);
    current = 'b';
    jest.advanceTimersByTime(1_000);
    jest.advanceTimersByTime(1_000);
    stop();
    jest.useRealTimers();
    expect(changes).toHaveLength(1);
  });
});

describe('SIP account schema', () => {
  it.each([
    [{ server: 'ws://127.0.0.1:5066', aor: 'sip:1001@lab' }, true],
    [{ server: 'wss://pbx.example.com/ws', aor: 'sips:ana@example.com', codecs: ['PCMU'], dtmfMode: 'info' }, true],
    [{ server: 'http://pbx', aor: 'sip:1@x' }, false],
    [{ server: 'ws://pbx', aor: '1001' }, false],
    [{ server: 'ws://pbx', aor: 'sip:1@x', codecs: [] }, false],
    [{ server: 'ws://pbx', aor: 'sip:1@x', codecs: ['speex'] }, false],
    [{ server: 'ws://pbx', aor: 'sip:1@x', iceServers: [{ urls: 'http://x' }] }, false],
    [{ server: 'ws://pbx', aor: 'sip:1@x', password: 'no' }, false],
  ])('%p valid: %p', (input, valid) => {
    expect(sipAccountSchema.safeParse(input).success).toBe(valid);
  });
});
