import { demoOrg } from '../../../../lab/acd';
import { labBanner } from '../../../../lab/glue/banner';
import { DEFAULT_API_PORT, DEFAULT_SIP_PORT, parseLabArgs } from '../../../../lab/glue/cli-args';
import { LAB_PARTY_PASSWORD, labCredentials } from '../../../../lab/glue/credentials';

describe('lab command line', () => {
  it('defaults to the documented ports', () => {
    expect(parseLabArgs([])).toEqual({ ok: true, args: { sipPort: DEFAULT_SIP_PORT, apiPort: DEFAULT_API_PORT } });
    expect([DEFAULT_SIP_PORT, DEFAULT_API_PORT]).toEqual([7381, 7380]);
  });

  it('reads ports, scenario and org, in both spellings', () => {
    expect(parseLabArgs(['--sip-port', '0', '--api-port=0', '--scenario', 's.json', '--org=o.json'])).toEqual({
      ok: true,
      args: { sipPort: 0, apiPort: 0, scenario: 's.json', org: 'o.json' },
    });
    expect(parseLabArgs(['--help'])).toEqual({ ok: true, help: true });
  });

  it.each([[['--sip-port']], [['--sip-port', '70000']], [['--api-port', '-1']], [['--api-port', '1e3']], [['--verbose']], [['--org', '']]])(
    'refuses %j',
    (argv) => {
      expect(parseLabArgs(argv)).toMatchObject({ ok: false });
    },
  );
});

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

describe('lab banner', () => {
  it('lists the demo credentials and ends with the LAB_READY line', () => {
    const text = labBanner(demoOrg(), 'ws://127.0.0.1:7381', 'ws://127.0.0.1:7380/agent');
    expect(text).toContain('password for all: switchboard');
    expect(text).toContain('7001 Sales [sales]');
    expect(text).toContain('1001/lab-sip-1001');
    expect(text).toMatch(/^LAB_READY sip=ws:\/\/127\.0\.0\.1:7381 api=ws:\/\/127\.0\.0\.1:7380\/agent$/m);
  });
});
