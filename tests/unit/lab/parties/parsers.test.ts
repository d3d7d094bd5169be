import { parseDtmfInfo } from '../../../../lab/parties/dtmf-info';
import { parseReplaces, replacesDialog } from '../../../../lab/parties/replaces';
import { keepLoopbackCandidates } from '../../../../lab/parties/sdp-filter';

describe('Replaces (RFC 3891)', () => {
  const dialog = { callId: 'abc@host', localTag: 'L', remoteTag: 'R' };

  it('parses and matches the named dialog, in either tag order', () => {
    const target = parseReplaces('abc@host;to-tag=L;from-tag=R;early-only');
    expect(target).toEqual({ callId: 'abc@host', toTag: 'L', fromTag: 'R' });
    expect(replacesDialog(target!, dialog)).toBe(true);
    expect(replacesDialog(parseReplaces('abc@host;to-tag=R;from-tag=L')!, dialog)).toBe(true);
  });

  it('does not match another dialog and refuses malformed values', () => {
    expect(replacesDialog(parseReplaces('other;to-tag=L;from-tag=R')!, dialog)).toBe(false);
    expect(replacesDialog(parseReplaces('abc@host;to-tag=L;from-tag=L')!, dialog)).toBe(false);
    expect(parseReplaces('abc@host;to-tag=L')).toBeNull();
    expect(parseReplaces('')).toBeNull();
    expect(parseReplaces(undefined)).toBeNull();
    expect(parseReplaces(`x;to-tag=${'a'.repeat(2_000)};from-tag=b`)).toBeNull();
  });
});

describe('DTMF INFO bodies', () => {
  it('reads dtmf-relay and plain dtmf', () => {
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=5\r\nDuration=160\r\n')).toBe('5');
    expect(parseDtmfInfo('application/dtmf-relay; charset=utf-8', 'Signal= #\r\n')).toBe('#');
    expect(parseDtmfInfo('application/dtmf', 'a')).toBe('A');
  });

  it('refuses anything else', () => {
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=55')).toBeNull();
    expect(parseDtmfInfo('application/dtmf-relay', 'Duration=160')).toBeNull();
    expect(parseDtmfInfo('text/plain', 'Signal=5')).toBeNull();
    expect(parseDtmfInfo(undefined, '5')).toBeNull();
    expect(parseDtmfInfo('application/dtmf', 'x')).toBeNull();
  });
});

describe('SDP loopback filter', () => {
  const sdp = [
    'v=0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 0',
    'a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0',
    'a=candidate:2 1 udp 2122194687 192.0.2.2 50001 typ host generation 0',
    'a=candidate:3 1 udp 2122129151 3c1f6c1e-0b6d-4d1e-9a0c-1f2e3d4c5b6a.local 50002 typ host',
    'a=candidate:4 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active',
    'a=sendonly',
    '',
  ].join('\r\n');

  it('keeps only 127.0.0.1 candidates (no LAN, no mDNS)', () => {
    const kept = keepLoopbackCandidates(sdp);
    expect(kept).toContain('127.0.0.1 50000');
    expect(kept).not.toContain('192.0.2.2');
    expect(kept).not.toContain('.local');
    expect(kept).toContain('a=sendonly');
  });
});
