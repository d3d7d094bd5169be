import { createLogger, formatRecord, type LogRecord } from '../../../common/log/logger';
import { maskDigits, redactText, redactValue } from '../../../common/log/redact';

describe('redaction', () => {
  it('removes SIP digest credentials from headers', () => {
    const header =
      'Authorization: Digest username="1001", realm="lab", nonce="abc", uri="sip:lab", response="6629fae49393a05397450978507c4ef1"';
    const out = redactText(`REGISTER sip:lab SIP/2.0\r\n${header}\r\nCSeq: 2 REGISTER`);
    expect(out).toContain('Authorization: Digest [redacted]');
    expect(out).not.toContain('6629fae4');
    expect(out).not.toContain('nonce="abc"');
    expect(out).toContain('CSeq: 2 REGISTER');
    expect(redactText('Proxy-Authorization: Digest response="x1"')).toBe('Proxy-Authorization: Digest [redacted]');
    expect(redactText('WWW-Authenticate: Digest realm="a", nonce="b"')).toBe('WWW-Authenticate: Digest [redacted]');
  });

  it('removes passwords and tokens in key=value and JSON text', () => {
    expect(redactText('login password=hunter2 user=bob')).toBe('login password=[redacted] user=bob');
    expect(redactText('{"password":"hunter2","user":"bob"}')).toBe('{"password":"[redacted]","user":"bob"}');
    expect(redactText('sipPassword: s3cret;')).not.toContain('s3cret');
    expect(redactText('api_key=ABCDEF token=xyz')).not.toMatch(/ABCDEF|xyz/);
  });

  it('masks phone numbers, e-mail addresses and card numbers, keeping the last four digits', () => {
    expect(redactText('caller +1 (123) 456 7890 on hold')).toBe('caller *******7890 on hold');
    expect(redactText('from +447966197542')).toBe('from ********7542');
    expect(redactText('mail melissa@gmail.com now')).toBe('mail m***@gmail.com now');
    expect(redactText('card 4111 1111 1111 1111')).toBe('card ************1111');
    expect(maskDigits('12')).toBe('**');
  });

  it('leaves ordinary text alone', () => {
    expect(redactText('engine ready after 3 restarts at 12:30')).toBe('engine ready after 3 restarts at 12:30');
  });

  it('drops secret-named fields in structured data, deeply and without looping', () => {
    const cyclic: Record<string, unknown> = { user: 'bob', password: 'hunter2', nested: { authToken: 't', dn: '+447966197542' } };
    cyclic.self = cyclic;
    const out = redactValue(cyclic) as Record<string, unknown>;
    expect(out.password).toBe('[redacted]');
    expect(out.self).toBe('[cycle]');
    expect(out.nested).toEqual({ authToken: '[redacted]', dn: '********7542' });
    expect(redactValue(new Error('bad password=x'))).toEqual({ name: 'Error', message: 'bad password=[redacted]' });
  });

  it('is applied by the logger before any sink sees a record', () => {
    const records: LogRecord[] = [];
    const log = createLogger('sip', (r) => records.push(r)).child('transport');
    log.info('sent Authorization: Digest response="abc"', { password: 'p', caller: 'melissa@gmail.com' });
    log.debug('below the level');
    expect(records).toHaveLength(1);
    const line = formatRecord(records[0]!);
    expect(line).toContain('[sip:transport]');
    expect(line).not.toMatch(/abc|"p"|melissa/);
  });

  it('survives a sink that throws', () => {
    const log = createLogger('x', () => {
      throw new Error('disk full');
    });
    expect(() => log.error('still fine')).not.toThrow();
  });
});
