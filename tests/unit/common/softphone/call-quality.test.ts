import { estimateMos, networkWarning } from '../../../../common/softphone';

describe('E-model MOS estimate', () => {
  it('rates a clean loopback call near the narrowband maximum', () => {
    expect(estimateMos({ rttMs: 1, jitterMs: 1, lossPct: 0, codec: 'PCMU' })).toBeGreaterThanOrEqual(4.3);
  });
  it('falls with loss and with delay, monotonically', () => {
    const losses = [0, 1, 3, 5, 10, 20].map((lossPct) => estimateMos({ rttMs: 40, jitterMs: 5, lossPct, codec: 'PCMU' }));
    expect([...losses].sort((a, b) => b - a)).toEqual(losses);
    expect(losses.at(-1)).toBeLessThan(2.7);
    const delays = [0, 100, 300, 600, 1000].map((rttMs) => estimateMos({ rttMs, jitterMs: 5, lossPct: 0, codec: 'PCMU' }));
    expect([...delays].sort((a, b) => b - a)).toEqual(delays);
    expect(delays.at(-1)).toBeLessThan(3.2);
  });
  it('tolerates loss better with Opus than with G.711', () => {
    expect(estimateMos({ rttMs: 40, jitterMs: 5, lossPct: 5, codec: 'opus' })).toBeGreaterThan(estimateMos({ rttMs: 40, jitterMs: 5, lossPct: 5, codec: 'PCMU' }));
  });
  it('stays within 1…4.5 for absurd inputs', () => {
    expect(estimateMos({ rttMs: 100_000, jitterMs: 10_000, lossPct: 100, codec: 'x' })).toBe(1);
    expect(estimateMos({ rttMs: null, jitterMs: 0, lossPct: 0, codec: 'PCMA' })).toBeLessThanOrEqual(4.5);
  });
});

describe('network warning (D6)', () => {
  it('warns above 250 ms RTT or 1 % loss', () => {
    expect(networkWarning({ rttMs: 100, lossPct: 0.5 })).toBeNull();
    expect(networkWarning({ rttMs: 251, lossPct: 0 })).toBe('rtt');
    expect(networkWarning({ rttMs: 10, lossPct: 1.5 })).toBe('loss');
    expect(networkWarning({ rttMs: null, lossPct: 0 })).toBeNull();
  });
});
