import { createHash } from 'node:crypto';
import { DigestAuthenticator } from '../../../../lab/sip/digest';
import { FakeClock } from './support/fake-clock';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

function answer(challenge: string, user: string, password: string, method = 'REGISTER', uri = 'sip:lab.test'): string {
  const nonce = /nonce="([^"]+)"/.exec(challenge)?.[1] ?? '';
  const ha1 = md5(`${user}:lab.test:${password}`);
  const response = md5(`${ha1}:${nonce}:00000001:abc:auth:${md5(`${method}:${uri}`)}`);
  return `Digest algorithm=MD5, username="${user}", realm="lab.test", nonce="${nonce}", uri="${uri}", response="${response}", qop=auth, cnonce="abc", nc=00000001`;
}

describe('DigestAuthenticator', () => {
  const clock = new FakeClock();
  const digest = new DigestAuthenticator('lab.test', clock, (user) => (user === '1001' ? 'pw' : undefined), 60_000);

  it('challenges with MD5 and qop=auth, and accepts a correct answer', () => {
    const challenge = digest.challenge();
    expect(challenge).toMatch(/^Digest realm="lab\.test", nonce="[^"]+", algorithm=MD5, qop="auth"$/);
    expect(digest.verify(answer(challenge, '1001', 'pw'), 'REGISTER')).toEqual({ kind: 'ok', user: '1001' });
  });

  it('binds the answer to the method and the password', () => {
    const challenge = digest.challenge();
    expect(digest.verify(answer(challenge, '1001', 'pw', 'INVITE'), 'REGISTER')).toMatchObject({ kind: 'refused' });
    expect(digest.verify(answer(challenge, '1001', 'nope'), 'REGISTER')).toMatchObject({ kind: 'refused', user: '1001' });
    expect(digest.verify(answer(challenge, '2002', 'pw'), 'REGISTER')).toMatchObject({ kind: 'refused', detail: 'unknown user' });
  });

  it('calls an expired or foreign nonce stale', () => {
    const challenge = digest.challenge();
    clock.advance(60_001);
    expect(digest.verify(answer(challenge, '1001', 'pw'), 'REGISTER')).toEqual({ kind: 'stale' });
    const forged = challenge.replace(/nonce="([^"]+)\.[0-9a-f]+"/, 'nonce="$1.deadbeef"');
    expect(digest.verify(answer(forged, '1001', 'pw'), 'REGISTER')).toEqual({ kind: 'stale' });
  });

  it('calls unreadable headers malformed', () => {
    for (const header of ['Basic abc', 'Digest', 'Digest username="1001"', 'Digest username="1001", realm=, nonce="x"', 'Digest a="1", a="2"']) {
      expect(digest.verify(header, 'REGISTER')).toMatchObject({ kind: 'malformed' });
    }
    const sha = answer(digest.challenge(), '1001', 'pw').replace('algorithm=MD5', 'algorithm=SHA-256');
    expect(digest.verify(sha, 'REGISTER')).toMatchObject({ kind: 'malformed', detail: 'unsupported algorithm' });
  });
});
