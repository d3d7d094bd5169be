import { fail } from '../../../../common/contract/result';
import { createAppStore } from '../../../../renderer/ui/app/store';
import { mirrorStarted } from '../../../../renderer/ui/features/mirror/intents';
import { languageChosen, pingRequested } from '../../../../renderer/ui/features/settings/slice';
import { createFakeBridge, flush, makeSnapshot } from './fake-bridge';

async function startedStore(options: Parameters<typeof createAppStore>[1] = {}) {
  const fake = createFakeBridge(makeSnapshot(1));
  const store = createAppStore(fake.bridge, options);
  store.dispatch(mirrorStarted());
  await flush();
  return { fake, store };
}

describe('set-language intent', () => {
  it('calls settings.setLanguage and changes the UI language only when the snapshot says so', async () => {
    const applyLanguage = jest.fn();
    const { fake, store } = await startedStore({ applyLanguage });
    expect(applyLanguage).toHaveBeenCalledWith('en');
    applyLanguage.mockClear();

    store.dispatch(languageChosen('ko'));
    expect(store.getState().settings.pendingLanguage).toEqual({ preference: 'ko', untilRev: null });
    await flush();
    expect(fake.bridge.settings.setLanguage).toHaveBeenCalledWith({ language: 'ko' });
    expect(store.getState().settings.pendingLanguage).toEqual({ preference: 'ko', untilRev: 2 });
    expect(applyLanguage).not.toHaveBeenCalled();

    fake.emit(makeSnapshot(2, { language: 'ko', settings: { language: 'ko' } }));
    expect(applyLanguage).toHaveBeenCalledWith('ko');
    expect(store.getState().settings.pendingLanguage).toBeNull();
    expect(store.getState().notices.items).toEqual([]);
  });

  it('does not re-apply the language for snapshots that keep it', async () => {
    const applyLanguage = jest.fn();
    const { fake } = await startedStore({ applyLanguage });
    applyLanguage.mockClear();
    fake.emit(makeSnapshot(2, { connection: { status: 'connecting', profileName: 'Lab' } }));
    expect(applyLanguage).not.toHaveBeenCalled();
  });

  it('turns a refusal into a notice and drops the pending choice', async () => {
    const { fake, store } = await startedStore();
    fake.bridge.settings.setLanguage.mockResolvedValueOnce(fail('refused', 'locked by policy'));
    store.dispatch(languageChosen('ko'));
    await flush();
    expect(store.getState().settings.pendingLanguage).toBeNull();
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'setLanguage', code: 'refused' }),
    ]);
    expect(store.getState().mirror.state?.settings.language).toBe('system');
  });
});

describe('ping intent', () => {
  it('measures the round trip with the injected clock', async () => {
    let now = 1000;
    const { fake, store } = await startedStore({ now: () => now });
    fake.bridge.app.ping.mockImplementationOnce(async (request) => {
      now += 7;
      return { ok: true, value: { nonce: request.nonce, receivedAt: now } };
    });
    store.dispatch(pingRequested());
    expect(store.getState().settings.ping.status).toBe('pending');
    await flush();
    expect(store.getState().settings.ping).toEqual({ status: 'answered', roundTripMs: 7 });
  });

  it('reports a failed ping as a notice', async () => {
    const { fake, store } = await startedStore();
    fake.bridge.app.ping.mockResolvedValueOnce(fail('internal', 'x'));
    store.dispatch(pingRequested());
    await flush();
    expect(store.getState().settings.ping.status).toBe('failed');
    expect(store.getState().notices.items[0]).toMatchObject({ action: 'ping', code: 'internal' });
  });
});
