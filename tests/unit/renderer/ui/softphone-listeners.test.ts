import { fail } from '../../../../common/contract/result';
import type { SipAccount } from '../../../../common/contract/softphone';
import { createLogger, type LogRecord } from '../../../../common/log/logger';
import { createRendererLogger } from '../../../../renderer/ui/app/logger';
import { createAppStore } from '../../../../renderer/ui/app/store';
import {
  sipAccountRemoveRequested,
  sipAccountSaveRequested,
  sipReconnectRequested,
} from '../../../../renderer/ui/features/softphone/slice';
import { createFakeBridge, deferred, flush, makeSnapshot } from './fake-bridge';

const PASSWORD = 'Tr0ub4dor&3-secret';

const account: SipAccount = {
  server: 'wss://pbx.example.com:8089/ws',
  aor: 'sip:1001@pbx.example.com',
  authUser: '',
  displayName: 'Agent 1001',
  iceServers: [],
  codecs: ['opus', 'PCMU'],
  dtmfMode: 'rfc4733',
  audioProcessing: true,
};

/**
 * A store whose logger keeps every record (debug and up) for inspection.
 * The intents do not depend on the mirror, so it is not started.
 */
async function startedStore() {
  const fake = createFakeBridge(makeSnapshot(1));
  const records: LogRecord[] = [];
  const logger = createLogger('ui', (record) => records.push(record), 'debug');
  const store = createAppStore(fake.bridge, { logger });
  await flush();
  return { fake, store, records };
}

describe('save-account intent', () => {
  it('calls softphone.saveAccount with the account and the password', async () => {
    const { fake, store } = await startedStore();
    store.dispatch(sipAccountSaveRequested({ account, password: PASSWORD }));
    expect(store.getState().softphone.savePending).toBe(true);
    await flush();
    expect(fake.bridge.softphone.saveAccount).toHaveBeenCalledTimes(1);
    expect(fake.bridge.softphone.saveAccount).toHaveBeenCalledWith({ account, password: PASSWORD });
    expect(store.getState().softphone).toMatchObject({ savePending: false, savedCount: 1 });
    expect(store.getState().notices.items).toEqual([]);
  });

  it('omits the password when none was typed (main keeps the stored one)', async () => {
    const { fake, store } = await startedStore();
    store.dispatch(sipAccountSaveRequested({ account }));
    store.dispatch(sipAccountSaveRequested({ account: { ...account, displayName: 'x' } }));
    await flush();
    // The second press arrived while the first save was in flight.
    expect(fake.bridge.softphone.saveAccount).toHaveBeenCalledTimes(1);
    const request = (fake.bridge.softphone.saveAccount.mock.calls[0] as unknown[])[0];
    expect(request).toEqual({ account });
    expect(Object.keys(request as object)).not.toContain('password');
  });

  it('also omits an empty password', async () => {
    const { fake, store } = await startedStore();
    store.dispatch(sipAccountSaveRequested({ account, password: '' }));
    await flush();
    expect(fake.bridge.softphone.saveAccount).toHaveBeenCalledWith({ account });
  });

  it('turns a refusal into a notice and does not count it as saved', async () => {
    const { fake, store } = await startedStore();
    fake.bridge.softphone.saveAccount.mockResolvedValueOnce(fail('invalid-payload', 'bad account'));
    store.dispatch(sipAccountSaveRequested({ account, password: PASSWORD }));
    await flush();
    expect(store.getState().softphone).toMatchObject({ savePending: false, savedCount: 0 });
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'saveSipAccount', code: 'invalid-payload' }),
    ]);
  });

  it('never puts the password in the store state or in a log record', async () => {
    const { fake, store, records } = await startedStore();
    const sent: string[] = [];
    const original = fake.bridge.log.getMockImplementation();
    fake.bridge.log.mockImplementation((request?: unknown) => {
      sent.push(JSON.stringify(request));
      return original!();
    });
    const seen: string[] = [];
    store.subscribe(() => seen.push(JSON.stringify(store.getState())));

    // Success, refusal (logged as a warning) and a throwing bridge (logged as an error).
    store.dispatch(sipAccountSaveRequested({ account, password: PASSWORD }));
    await flush();
    fake.bridge.softphone.saveAccount.mockResolvedValueOnce(fail('refused', 'vault locked'));
    store.dispatch(sipAccountSaveRequested({ account, password: PASSWORD }));
    await flush();
    fake.bridge.softphone.saveAccount.mockRejectedValueOnce(new Error('bridge gone'));
    store.dispatch(sipAccountSaveRequested({ account, password: PASSWORD }));
    await flush();

    expect(fake.bridge.softphone.saveAccount).toHaveBeenCalledTimes(3);
    expect(records.length).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    for (const state of seen) expect(state).not.toContain(PASSWORD);
    expect(JSON.stringify(store.getState())).not.toContain(PASSWORD);
    expect(JSON.stringify(records)).not.toContain(PASSWORD);
    expect(sent.join('\n')).not.toContain(PASSWORD);
  });

  it('keeps the password out of what the renderer logger sends to main', async () => {
    const fake = createFakeBridge(makeSnapshot(1));
    const store = createAppStore(fake.bridge, { logger: createRendererLogger(fake.bridge, 'ui', 'debug') });
    fake.bridge.softphone.saveAccount.mockResolvedValueOnce(fail('internal', 'x'));
    store.dispatch(sipAccountSaveRequested({ account, password: PASSWORD }));
    await flush();
    expect(fake.bridge.log).toHaveBeenCalled();
    expect(JSON.stringify(fake.bridge.log.mock.calls)).not.toContain(PASSWORD);
  });
});

describe('remove-account intent', () => {
  it('calls softphone.removeAccount once while in flight', async () => {
    const { fake, store } = await startedStore();
    const reply = deferred<{ ok: true; value: { rev: number } }>();
    fake.bridge.softphone.removeAccount.mockReturnValueOnce(reply.promise);
    store.dispatch(sipAccountRemoveRequested());
    store.dispatch(sipAccountRemoveRequested());
    expect(store.getState().softphone.removePending).toBe(true);
    await flush();
    expect(fake.bridge.softphone.removeAccount).toHaveBeenCalledTimes(1);
    reply.resolve({ ok: true, value: { rev: 3 } });
    await flush();
    expect(store.getState().softphone).toMatchObject({ removePending: false, removedCount: 1 });
  });

  it('turns a refusal into a notice', async () => {
    const { fake, store } = await startedStore();
    fake.bridge.softphone.removeAccount.mockResolvedValueOnce(fail('internal', 'vault error'));
    store.dispatch(sipAccountRemoveRequested());
    await flush();
    expect(store.getState().softphone).toMatchObject({ removePending: false, removedCount: 0 });
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'removeSipAccount', code: 'internal' }),
    ]);
  });
});

describe('reconnect intent', () => {
  it('calls softphone.reconnect and ends the pending state', async () => {
    const { fake, store } = await startedStore();
    store.dispatch(sipReconnectRequested());
    expect(store.getState().softphone.reconnectPending).toBe(true);
    await flush();
    expect(fake.bridge.softphone.reconnect).toHaveBeenCalledTimes(1);
    expect(store.getState().softphone.reconnectPending).toBe(false);
    expect(store.getState().notices.items).toEqual([]);
  });

  it('turns a refusal into a notice', async () => {
    const { fake, store } = await startedStore();
    fake.bridge.softphone.reconnect.mockResolvedValueOnce(fail('refused', 'no account'));
    store.dispatch(sipReconnectRequested());
    await flush();
    expect(store.getState().softphone.reconnectPending).toBe(false);
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'reconnectSip', code: 'refused' }),
    ]);
  });
});
