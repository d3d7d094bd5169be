import { ok } from '../../../../common/contract/result';
import { createUnavailableBridge, readUiBridge } from '../../../../renderer/ui/app/bridge';
import { createRendererLogger, formatForBridge } from '../../../../renderer/ui/app/logger';
import { createFakeBridge, flush } from './fake-bridge';

describe('readUiBridge', () => {
  it('returns null when the preload did not run or left something else', () => {
    expect(readUiBridge({})).toBeNull();
    expect(readUiBridge({ switchboard: 'nope' })).toBeNull();
    expect(readUiBridge({ switchboard: { app: {} } })).toBeNull();
  });

  it('returns the bridge the preload exposed', () => {
    const { bridge } = createFakeBridge();
    expect(readUiBridge({ switchboard: bridge })).toBe(bridge);
  });
});

describe('createUnavailableBridge', () => {
  it('answers every verb with an internal failure instead of throwing', async () => {
    const bridge = createUnavailableBridge();
    await expect(bridge.app.getSnapshot()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(bridge.settings.setLanguage({ language: 'ko' })).resolves.toMatchObject({ ok: false });
    expect(typeof bridge.onSnapshot(() => undefined)).toBe('function');
  });
});

describe('renderer logger', () => {
  it('forwards redacted records to main through the log verb', async () => {
    const log = jest.fn(() => Promise.resolve(ok({ written: true })));
    const logger = createRendererLogger({ log }, 'ui');
    logger.warn('call from +1 (123) 456 7890', { password: 'hunter2' });
    await flush();
    expect(log).toHaveBeenCalledWith({
      level: 'warn',
      scope: 'ui',
      message: 'call from *******7890 {"password":"[redacted]"}',
    });
  });

  it('never throws when the bridge rejects', async () => {
    const logger = createRendererLogger({ log: () => Promise.reject(new Error('gone')) });
    expect(() => logger.error('x')).not.toThrow();
    await flush();
  });

  it('keeps messages within the contract limit', () => {
    const text = formatForBridge({ time: '', level: 'info', scope: 'ui', message: 'a'.repeat(5000) });
    expect(text.length).toBe(2000);
  });
});
