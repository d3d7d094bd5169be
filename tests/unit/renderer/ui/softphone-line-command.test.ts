import { fail, ok } from '../../../../common/contract/result';
import { REFUSAL_REASONS, type LineCommand } from '../../../../common/softphone';
import { createLogger, type LogRecord } from '../../../../common/log/logger';
import { createAppStore } from '../../../../renderer/ui/app/store';
import { lineCommandRequested } from '../../../../renderer/ui/features/softphone/slice';
import { createFakeBridge, deferred, flush, makeSnapshot, type LineReply } from './fake-bridge';

function storeWithFake() {
  const fake = createFakeBridge(makeSnapshot(1));
  const records: LogRecord[] = [];
  const store = createAppStore(fake.bridge, { logger: createLogger('ui', (r) => records.push(r), 'debug') });
  return { fake, store, records };
}

describe('line command intent', () => {
  it.each<LineCommand>([
    { kind: 'answer' },
    { kind: 'hold', line: 'line1' },
    { kind: 'dial', target: 'sip:bob@example.com' },
    { kind: 'dtmf', line: 'line2', digits: '#' },
    { kind: 'mute', line: 'line1', on: true },
  ])('sends $kind to softphone.line with the command as given', async (command) => {
    const { fake, store } = storeWithFake();
    store.dispatch(lineCommandRequested(command));
    await flush();
    expect(fake.bridge.softphone.line).toHaveBeenCalledTimes(1);
    expect(fake.bridge.softphone.line).toHaveBeenCalledWith({ command });
    expect(store.getState().notices.items).toEqual([]);
    expect(store.getState().softphone.acceptedCounts).toEqual({ [command.kind]: 1 });
  });

  it('sends every press, also while an earlier one is in flight (DTMF keys)', async () => {
    const { fake, store } = storeWithFake();
    const first = deferred<LineReply>();
    fake.bridge.softphone.line.mockReturnValueOnce(first.promise);
    store.dispatch(lineCommandRequested({ kind: 'dtmf', line: 'line1', digits: '1' }));
    store.dispatch(lineCommandRequested({ kind: 'dtmf', line: 'line1', digits: '2' }));
    await flush();
    expect(fake.bridge.softphone.line.mock.calls.map((call) => call as unknown[])).toEqual([
      [{ command: { kind: 'dtmf', line: 'line1', digits: '1' } }],
      [{ command: { kind: 'dtmf', line: 'line1', digits: '2' } }],
    ]);
    first.resolve(ok({ accepted: true }));
    await flush();
    expect(store.getState().softphone.acceptedCounts.dtmf).toBe(2);
  });

  it('drops a second press of the same button while the first awaits main (double click)', async () => {
    const { fake, store } = storeWithFake();
    const first = deferred<LineReply>();
    fake.bridge.softphone.line.mockReturnValueOnce(first.promise);
    store.dispatch(lineCommandRequested({ kind: 'answer' }));
    store.dispatch(lineCommandRequested({ kind: 'answer' }));
    // Another button, or the same command on the other line, still goes out.
    store.dispatch(lineCommandRequested({ kind: 'hangup', line: 'line1' }));
    store.dispatch(lineCommandRequested({ kind: 'hangup', line: 'line2' }));
    await flush();
    expect(fake.bridge.softphone.line).toHaveBeenCalledTimes(3);
    expect(store.getState().softphone.linePending).toEqual(['answer']);
    first.resolve(ok({ accepted: true }));
    await flush();
    expect(store.getState().softphone.linePending).toEqual([]);
    store.dispatch(lineCommandRequested({ kind: 'answer' }));
    await flush();
    expect(fake.bridge.softphone.line).toHaveBeenCalledTimes(4);
    expect(store.getState().notices.items).toEqual([]);
  });

  it('turns a refusal into a notice with the reason, and does not count it as accepted', async () => {
    const { fake, store, records } = storeWithFake();
    fake.bridge.softphone.line.mockResolvedValueOnce(ok({ accepted: false, reason: 'both-held' }));
    store.dispatch(lineCommandRequested({ kind: 'hold', line: 'line2' }));
    await flush();
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'lineCommand', code: 'refused', reason: 'both-held' }),
    ]);
    expect(store.getState().softphone.acceptedCounts).toEqual({});
    expect(store.getState().softphone.linePending).toEqual([]);
    expect(records.some((r) => r.message.includes('hold refused (both-held)'))).toBe(true);
  });

  it('keeps targets out of the log', async () => {
    const { fake, store, records } = storeWithFake();
    fake.bridge.softphone.line.mockResolvedValueOnce(ok({ accepted: false, reason: 'line-busy' }));
    store.dispatch(lineCommandRequested({ kind: 'dial', target: 'sip:customer-7731@example.com' }));
    await flush();
    expect(records.length).toBeGreaterThan(0);
    expect(JSON.stringify(records)).not.toContain('customer-7731');
  });

  it('reads an unknown reason as invalid-command rather than showing a raw key', async () => {
    const { fake, store } = storeWithFake();
    fake.bridge.softphone.line.mockResolvedValueOnce(
      ok({ accepted: false, reason: 'from-the-future' as (typeof REFUSAL_REASONS)[number] }),
    );
    store.dispatch(lineCommandRequested({ kind: 'swap' }));
    await flush();
    expect(store.getState().notices.items).toEqual([expect.objectContaining({ reason: 'invalid-command' })]);
  });

  it('turns an IPC failure into the usual notice', async () => {
    const { fake, store } = storeWithFake();
    fake.bridge.softphone.line.mockResolvedValueOnce(fail('invalid-payload', 'bad command'));
    store.dispatch(lineCommandRequested({ kind: 'answer' }));
    await flush();
    const [notice] = store.getState().notices.items;
    expect(notice).toEqual(expect.objectContaining({ action: 'lineCommand', code: 'invalid-payload' }));
    expect(notice).not.toHaveProperty('reason');
    expect(store.getState().softphone.acceptedCounts).toEqual({});
  });

  it('turns a throwing bridge into an internal notice', async () => {
    const { fake, store } = storeWithFake();
    fake.bridge.softphone.line.mockRejectedValueOnce(new Error('bridge gone'));
    store.dispatch(lineCommandRequested({ kind: 'conference' }));
    await flush();
    expect(store.getState().notices.items).toEqual([
      expect.objectContaining({ action: 'lineCommand', code: 'internal' }),
    ]);
  });

  it('keeps one banner per reason', async () => {
    const { fake, store } = storeWithFake();
    fake.bridge.softphone.line
      .mockResolvedValueOnce(ok({ accepted: false, reason: 'not-ringing' }))
      .mockResolvedValueOnce(ok({ accepted: false, reason: 'not-ringing' }))
      .mockResolvedValueOnce(ok({ accepted: false, reason: 'already-held' }));
    store.dispatch(lineCommandRequested({ kind: 'answer' }));
    store.dispatch(lineCommandRequested({ kind: 'decline' }));
    store.dispatch(lineCommandRequested({ kind: 'hold', line: 'line1' }));
    await flush();
    expect(store.getState().notices.items.map((n) => n.reason)).toEqual(['not-ringing', 'already-held']);
  });
});
