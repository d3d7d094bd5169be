import { fail, ok } from '../../../../common/contract/result';
import { createAppStore } from '../../../../renderer/ui/app/store';
import { mirrorStarted, mirrorStopped, snapshotRequested } from '../../../../renderer/ui/features/mirror/intents';
import { createFakeBridge, flush, makeSnapshot } from './fake-bridge';

describe('mirror startup: subscribe first, then fetch', () => {
  it('subscribes before it fetches', async () => {
    const fake = createFakeBridge(makeSnapshot(1));
    const store = createAppStore(fake.bridge);
    store.dispatch(mirrorStarted());
    await flush();
    expect(fake.calls).toEqual(['onSnapshot', 'getSnapshot']);
    expect(store.getState().mirror.rev).toBe(1);
  });

  it('keeps a newer event that overtakes an older getSnapshot reply', async () => {
    const fake = createFakeBridge();
    const reply = fake.holdSnapshot();
    const store = createAppStore(fake.bridge);
    store.dispatch(mirrorStarted());
    await flush();

    fake.emit(makeSnapshot(8, { language: 'ko' }));
    expect(store.getState().mirror.rev).toBe(8);

    reply.resolve(ok(makeSnapshot(7, { language: 'en' })));
    await flush();
    expect(store.getState().mirror.rev).toBe(8);
    expect(store.getState().mirror.state?.language).toBe('ko');
  });

  it('applies a newer event that follows the getSnapshot reply', async () => {
    const fake = createFakeBridge();
    const reply = fake.holdSnapshot();
    const store = createAppStore(fake.bridge);
    store.dispatch(mirrorStarted());
    await flush();

    reply.resolve(ok(makeSnapshot(7)));
    await flush();
    expect(store.getState().mirror.rev).toBe(7);

    fake.emit(makeSnapshot(6, { language: 'ko' }));
    expect(store.getState().mirror.rev).toBe(7);
    fake.emit(makeSnapshot(9, { language: 'ko' }));
    expect(store.getState().mirror.rev).toBe(9);
    expect(store.getState().mirror.state?.language).toBe('ko');
  });

  it('ignores a malformed event and says so, keeping the last good state', async () => {
    const fake = createFakeBridge(makeSnapshot(2));
    const store = createAppStore(fake.bridge);
    store.dispatch(mirrorStarted());
    await flush();
    fake.emit({ rev: 3, state: { language: 'xx' } });
    expect(store.getState().mirror.rev).toBe(2);
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'receiveState', code: 'invalid-payload' }),
    ]);
  });

  it('turns a failed fetch into a notice, and a retry fetches again', async () => {
    const fake = createFakeBridge(makeSnapshot(4));
    fake.bridge.app.getSnapshot.mockResolvedValueOnce(fail('internal', 'boom'));
    const store = createAppStore(fake.bridge);
    store.dispatch(mirrorStarted());
    await flush();
    expect(store.getState().mirror.rev).toBeNull();
    expect(store.getState().notices.items).toEqual([expect.objectContaining({ action: 'loadState', code: 'internal' })]);

    store.dispatch(snapshotRequested());
    await flush();
    expect(store.getState().mirror.rev).toBe(4);
  });

  it('survives a bridge that throws', async () => {
    const fake = createFakeBridge();
    fake.bridge.app.getSnapshot.mockRejectedValueOnce(new Error('preload gone'));
    const store = createAppStore(fake.bridge);
    store.dispatch(mirrorStarted());
    await flush();
    expect(store.getState().notices.items[0]).toMatchObject({ action: 'loadState', code: 'internal' });
  });

  it('unsubscribes on stop, and a second start does not double the subscription', async () => {
    const fake = createFakeBridge();
    const store = createAppStore(fake.bridge);
    store.dispatch(mirrorStarted());
    await flush();
    store.dispatch(mirrorStarted());
    await flush();
    expect(fake.listenerCount()).toBe(1);
    store.dispatch(mirrorStopped());
    await flush();
    expect(fake.listenerCount()).toBe(0);
  });
});
