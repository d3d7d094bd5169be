import { parseArgs } from '../../../lab/main';

describe('lab command line', () => {
  it('takes ports, an org file and a scenario, with the default ports', () => {
    expect(parseArgs([])).toEqual({ sipPort: 7381, apiPort: 7380, org: null, scenario: null });
    expect(parseArgs(['--sip-port', '0', '--api-port', '9000', '--org', 'o.json', '--scenario', 's.json'])).toEqual({
      sipPort: 0,
      apiPort: 9000,
      org: 'o.json',
      scenario: 's.json',
    });
  });

  it('refuses what it does not understand, saying how it is used', () => {
    expect(parseArgs(['--sip-port', '70000'])).toMatch(/not a port/);
    expect(parseArgs(['--sip-port'])).toMatch(/needs a value/);
    expect(parseArgs(['--org', '--scenario', 'x'])).toMatch(/needs a value/);
    expect(parseArgs(['--bind', '0.0.0.0'])).toMatch(/unknown option --bind[\s\S]*usage/);
    expect(parseArgs(['--help'])).toMatch(/^usage/);
  });
});
