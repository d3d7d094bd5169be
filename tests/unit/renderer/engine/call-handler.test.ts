import { withCandidates } from '../../../../renderer/engine/media/call-handler';

const offer = (candidates: string[]) =>
  ['v=0', 'o=- 1 3 IN IP4 127.0.0.1', 's=-', 't=0 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 0', 'a=mid:0', ...candidates, 'a=sendonly', ''].join('\r\n');

describe('withCandidates', () => {
  const gathered = ['a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', 'a=end-of-candidates'];

  it('copies the gathered candidates into an offer made without them', () => {
    const out = withCandidates(offer([]), offer(gathered));
    expect(out.split('\r\n').filter((l) => l.startsWith('a=candidate') || l === 'a=end-of-candidates')).toEqual(gathered);
    expect(out).toContain('a=sendonly');
    expect(out.endsWith('\r\n')).toBe(true);
  });

  it('leaves an offer that has candidates, and one with nothing to copy, unchanged', () => {
    const own = offer(['a=candidate:2 1 udp 1 127.0.0.1 40000 typ host']);
    expect(withCandidates(own, offer(gathered))).toBe(own);
    expect(withCandidates(offer([]), undefined)).toBe(offer([]));
  });
});
