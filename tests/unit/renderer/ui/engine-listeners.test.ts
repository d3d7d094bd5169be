import { fail } from '../../../../common/contract/result';
import { createAppStore } from '../../../../renderer/ui/app/store';
import { engineRestartRequested } from '../../../../renderer/ui/features/engine/slice';
import { createFakeBridge, deferred, flush } from './fake-bridge';

describe('restart-engine intent', () => {
  it('calls engine.restart once while a request is in flight', async () => {
    const fake = createFakeBridge();
    const reply = deferred<{ ok: true; value: { rev: number } }>();
    fake.bridge.engine.restart.mockReturnValueOnce(reply.promise);
    const store = createAppStore(fake.bridge);

    store.dispatch(engineRestartRequested());
    store.dispatch(engineRestartRequested());
    expect(store.getState().engine.restartPending).toBe(true);
    await flush();
    expect(fake.bridge.engine.restart).toHaveBeenCalledTimes(1);

    reply.resolve({ ok: true, value: { rev: 9 } });
    await flush();
    expect(store.getState().engine.restartPending).toBe(false);
    expect(store.getState().notices.items).toEqual([]);
  });

  it('turns a refusal into a notice and re-enables the button', async () => {
    const fake = createFakeBridge();
    fake.bridge.engine.restart.mockResolvedValueOnce(fail('refused', 'engine is running'));
    const store = createAppStore(fake.bridge);
    store.dispatch(engineRestartRequested());
    await flush();
    expect(store.getState().engine.restartPending).toBe(false);
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'restartEngine', code: 'refused' }),
    ]);
  });
});
