import type { Invitation } from 'sip.js';
import { contactIdHeader } from '../../../../main/softphone/lines/bound-call';

/** The contact an offer or consult INVITE belongs to is read from X-Contact-Id, and only when well formed. */
describe('contactIdHeader', () => {
  const invite = (value: string | undefined) => ({ request: { getHeader: (name: string) => (name.toLowerCase() === 'x-contact-id' ? value : undefined) } }) as unknown as Invitation;

  it('reads a well-formed contact id', () => {
    expect(contactIdHeader(invite('c-1001'))).toBe('c-1001');
    expect(contactIdHeader(invite(' c-1001 '))).toBe('c-1001');
  });

  it('ignores a missing or malformed header', () => {
    expect(contactIdHeader(invite(undefined))).toBeNull();
    expect(contactIdHeader(invite('__proto__'))).toBeNull();
    expect(contactIdHeader(invite('c 1; drop'))).toBeNull();
    expect(contactIdHeader(invite('x'.repeat(500)))).toBeNull();
  });
});
