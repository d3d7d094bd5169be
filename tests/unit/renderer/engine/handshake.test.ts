import { createLogger, type LogRecord } from '../../../../common/log/logger';
import { fail, ok } from '../../../../common/contract/result';
import { announceReady, readEngineBridge } from '../../../../renderer/engine/handshake';

function setup(reply: ReturnType<typeof ok<{ accepted: boolean }>> | ReturnType<typeof fail>) {
  const records: LogRecord[] = [];
  const bridge = {
    ready: jest.fn(() => Promise.resolve(reply)),
    mediaReply: jest.fn(() => Promise.resolve(ok({ accepted: true }))),
    callQuality: jest.fn(() => Promise.resolve(ok({ accepted: true }))),
    devices: jest.fn(() => Promise.resolve(ok({ accepted: true }))),
    inputLevel: jest.fn(() => Promise.resolve(ok({ accepted: true }))),
    onMediaRequest: jest.fn(() => () => undefined),
    log: jest.fn(() => Promise.resolve(ok({ written: true }))),
  };
  const logger = createLogger('engine', (r) => records.push(r), 'debug');
  return { bridge, logger, records };
}

describe('engine handshake', () => {
  it('reports the user agent and media devices to main', async () => {
    const { bridge, logger } = setup(ok({ accepted: true }));
    await expect(announceReady(bridge, { userAgent: 'Chrome/130', mediaDevices: true }, logger)).resolves.toBe(true);
    expect(bridge.ready).toHaveBeenCalledWith({ userAgent: 'Chrome/130', mediaDevices: true });
  });

  it('warns when media devices are missing and still announces itself', async () => {
    const { bridge, logger, records } = setup(ok({ accepted: true }));
    await announceReady(bridge, { userAgent: 'x'.repeat(900), mediaDevices: false }, logger);
    expect(bridge.ready).toHaveBeenCalledWith({ userAgent: 'x'.repeat(512), mediaDevices: false });
    expect(records.some((r) => r.level === 'warn' && r.message.includes('mediaDevices'))).toBe(true);
  });

  it('logs a refusal instead of throwing', async () => {
    const { bridge, logger, records } = setup(fail('forbidden-sender', 'not the engine'));
    await expect(announceReady(bridge, { userAgent: 'u', mediaDevices: true }, logger)).resolves.toBe(false);
    expect(records.at(-1)?.level).toBe('error');
  });

  it('reads the bridge only when the preload exposed one', () => {
    expect(readEngineBridge({})).toBeNull();
    const bridge = { ready: () => undefined, log: () => undefined };
    expect(readEngineBridge({ switchboardEngine: bridge })).toBe(bridge);
  });
});
