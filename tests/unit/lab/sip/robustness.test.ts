import { randomBytes } from 'node:crypto';
import type { SipServer } from '../../../../lab/sip';
import { RawSipClient, startLine } from './support/raw-client';
import { Phone, startServer } from './support/sip-kit';

jest.setTimeout(10_000);

/** A deterministic pseudo-random source, so a failing garble can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('lab SIP server: hostile and broken input', () => {
  let server: SipServer;
  let raw: RawSipClient;

  beforeEach(async () => {
    server = await startServer();
    raw = await RawSipClient.connect(server.url);
  });

  afterEach(async () => {
    await raw.close();
    await server.close();
  });

  it('answers 400 to a request missing Call-ID and drops a response nobody asked for', async () => {
    const broken = raw.request('OPTIONS', 'sip:1001@lab.test', { from: '1001' }).replace(/^Call-ID: .*\r\n/m, '');
    raw.send(broken);
    const reply = await raw.next((text) => text.startsWith('SIP/2.0'));
    expect(startLine(reply)).toMatch(/^SIP\/2\.0 400 /);
    expect(reply).toContain(`Via: SIP/2.0/WSS ${raw.host}`);
    raw.send('SIP/2.0 200 OK\r\nVia: SIP/2.0/WS 127.0.0.1;branch=z9hG4bKnobody\r\nFrom: <sip:a@lab.test>;tag=1\r\nTo: <sip:b@lab.test>\r\nCall-ID: x\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n');
    raw.send(raw.request('OPTIONS', 'sip:lab.test', { from: '1001' }));
    expect(startLine(await raw.next((text) => text.startsWith('SIP/2.0')))).toBe('SIP/2.0 200 OK');
  });

  it('answers 483 when Max-Forwards is used up', async () => {
    raw.send(raw.request('OPTIONS', 'sip:1001@lab.test', { from: '1001' }).replace('Max-Forwards: 70', 'Max-Forwards: 0'));
    expect(startLine(await raw.next((text) => text.startsWith('SIP/2.0')))).toMatch(/^SIP\/2\.0 483 /);
  });

  it('answers 400 to an unreadable Authorization and 401 with a fresh nonce to an unknown one', async () => {
    const register = (auth: string): string =>
      raw.request('REGISTER', 'sip:lab.test', { from: '1001', to: '<sip:1001@lab.test>', headers: ['Expires: 600', `Authorization: ${auth}`] });
    raw.send(register('Digest this is not, a digest'));
    expect(startLine(await raw.next((text) => text.startsWith('SIP/2.0')))).toMatch(/^SIP\/2\.0 400 /);
    raw.send(register('Digest username="1001", realm="lab.test", nonce="forged.0000", uri="sip:lab.test", response="00", qop=auth, nc=00000001, cnonce="x"'));
    const stale = await raw.next((text) => text.startsWith('SIP/2.0'));
    expect(startLine(stale)).toMatch(/^SIP\/2\.0 401 /);
    expect(stale).toContain('stale=true');
  });

  it('refuses to register someone else’s AOR (403) and accepts the right one', async () => {
    // 1002's valid credentials used to register 1001: the digest is fine, the AOR is not theirs.
    await expect(raw.register('1002', 'secret-1002', 600, '1001')).resolves.toBe('SIP/2.0 403 Forbidden (AOR is not yours)');
    expect(server.registrations()).toEqual([]);
    await expect(raw.register('1002', 'secret-1002')).resolves.toBe('SIP/2.0 200 OK');
    expect(server.registrations().map((r) => r.user)).toEqual(['1002']);
  });

  it('closes a connection that does not speak the sip subprotocol', async () => {
    const stranger = await RawSipClient.connect(server.url, null);
    await expect(stranger.whenClosed()).resolves.toBe(1002);
  });

  it('survives hundreds of garbled, truncated and oversized frames and still registers users', async () => {
    const random = seeded(7);
    const valid = raw.request('INVITE', 'sip:1002@lab.test', {
      from: '1001',
      headers: ['Content-Type: application/sdp'],
      body: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n',
    });
    const garbles: Array<string | Buffer> = [];
    for (let i = 0; i < 300; i++) {
      const kind = i % 6;
      if (kind === 0) garbles.push(randomBytes(1 + Math.floor(random() * 400)));
      else if (kind === 1) garbles.push(valid.slice(0, Math.floor(random() * valid.length)));
      else if (kind === 2) {
        const at = Math.floor(random() * valid.length);
        garbles.push(valid.slice(0, at) + String.fromCharCode(Math.floor(random() * 256)) + valid.slice(at + 1));
      } else if (kind === 3) {
        const lines = valid.split('\r\n');
        lines.splice(1 + Math.floor(random() * 7), 1);
        garbles.push(lines.join('\r\n'));
      } else if (kind === 4) garbles.push(valid.replace(/Content-Length: \d+/, `Content-Length: ${Math.floor(random() * 1e6)}`));
      else garbles.push(`${'SIP/2.0 '.repeat(Math.floor(random() * 5))}\r\nVia: ${'x'.repeat(Math.floor(random() * 50))}\r\n\r\n`);
    }
    garbles.push('A'.repeat(70 * 1024)); // over the 64 KiB cap
    garbles.push('\r\n\r\n'); // a keep-alive ping amid the noise
    for (const garble of garbles) raw.send(garble);
    await raw.next((text) => text === '\r\n'); // processed in order: everything before the ping was handled

    expect(server.connectionCount()).toBe(1);
    const phone = await new Phone(server, '1001').start(false);
    try {
      await expect(phone.register()).resolves.toBe(200);
      expect(server.registrations().map((r) => r.user)).toEqual(['1001']);
    } finally {
      await phone.stop();
    }
  });
});
