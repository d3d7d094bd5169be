import { loadOrgFile, type OrgConfig } from './acd';
import { LAB_PARTY_PASSWORD } from './glue/credentials';
import { startLab, type Lab } from './lab';
import { labLogger } from './log';

/**
 * `npm run lab`: the built-in lab alone, as its own process (also how
 * `npm start` runs it beside the app). Prints its URLs and the demo accounts,
 * then `LAB_READY sip=<url> api=<url>` for scripts; stops on SIGINT/SIGTERM.
 *
 *   --sip-port <n>    SIP over WebSocket port (default 7381; 0 = a free port)
 *   --api-port <n>    agent API port (default 7380; 0 = a free port)
 *   --org <file>      organisation JSON (default: the bundled demo org)
 *   --scenario <file> party scenario to run once started
 */
interface Args {
  sipPort: number;
  apiPort: number;
  org: string | null;
  scenario: string | null;
}

const USAGE = 'usage: lab [--sip-port <n>] [--api-port <n>] [--org <file>] [--scenario <file>]';

export function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { sipPort: 7381, apiPort: 7380, org: null, scenario: null };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') return USAGE;
    if (value === undefined || value.startsWith('--')) return `${flag ?? ''} needs a value\n${USAGE}`;
    i += 1;
    if (flag === '--sip-port' || flag === '--api-port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) return `${flag}: not a port: ${value}`;
      if (flag === '--sip-port') args.sipPort = port;
      else args.apiPort = port;
    } else if (flag === '--org') args.org = value;
    else if (flag === '--scenario') args.scenario = value;
    else return `unknown option ${flag}\n${USAGE}`;
  }
  return args;
}

/** What a newcomer needs to log in: printed once the lab is up. */
export function banner(lab: Lab): string {
  const org = lab.org;
  const usable = org.agents.filter((a) => !a.locked && !a.passwordExpired && !a.passwordChangeRequired);
  const refused = org.agents.filter((a) => a.locked || a.passwordExpired || a.passwordChangeRequired);
  const lines = [
    '',
    `Switchboard built-in lab — ${org.name}`,
    `  agent API      ${lab.apiUrl}`,
    `  SIP over WS    ${lab.sipUrl}   (domain ${org.domain})`,
    '',
    '  Sign in as (username / password, teams):',
    ...usable.map((a) => `    ${a.username.padEnd(8)} / ${a.password}   ${a.displayName} — teams ${a.teams.join(', ')}`),
    `  DNs (phones): ${org.phones.map((p) => p.dn).join(', ')}`,
    `  Teams: ${org.teams.map((t) => `${t.id} (${t.name})`).join(', ')}`,
    `  Queues: ${org.queues.map((q) => `${q.number} ${q.name}`).join(', ')}`,
    ...(refused.length > 0 ? [`  Refused on purpose (S4): ${refused.map((a) => a.username).join(', ')}`] : []),
    `  Simulated customers and external numbers register with the lab-only SIP password "${LAB_PARTY_PASSWORD}"`,
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const log = labLogger('main');
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    process.exit(2);
  }
  let org: OrgConfig | undefined;
  if (args.org) {
    const loaded = loadOrgFile(args.org);
    if (!loaded.ok) {
      process.stderr.write(`the organisation file is not valid:\n  ${loaded.errors.join('\n  ')}\n`);
      process.exit(2);
    }
    org = loaded.org;
  }
  const lab = await startLab({ sipPort: args.sipPort, apiPort: args.apiPort, ...(org ? { org } : {}), ...(args.scenario ? { scenario: args.scenario } : {}) });
  process.stdout.write(`${banner(lab)}\nLAB_READY sip=${lab.sipUrl} api=${lab.apiUrl}\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    void lab.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`the lab could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
