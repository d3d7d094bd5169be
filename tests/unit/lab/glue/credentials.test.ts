import { demoOrg } from '../../../../lab/acd';
import { LAB_PARTY_PASSWORD, labCredentials } from '../../../../lab/glue/credentials';

describe('lab SIP credentials', () => {
  const credentials = labCredentials(demoOrg());

  it('gives DNs their own password and lab parties the shared one', () => {
    expect(credentials('1001')).toBe('lab-sip-1001');
    expect(credentials('customer-1001')).toBe(LAB_PARTY_PASSWORD);
    expect(credentials('5550100')).toBe(LAB_PARTY_PASSWORD);
  });

  it('refuses queue numbers, agent usernames and odd names', () => {
    expect(credentials('7001')).toBeUndefined();
    expect(credentials('alice')).toBeUndefined();
    expect(credentials('a b')).toBeUndefined();
    expect(credentials('x'.repeat(65))).toBeUndefined();
  });
});
