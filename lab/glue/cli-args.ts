/**
 * Command line of `npm run lab` (lab/main.ts):
 *   --sip-port <n>   SIP over WebSocket port (default 7381; 0 = a free port)
 *   --api-port <n>   agent API port (default 7380; 0 = a free port)
 *   --scenario <f>   run a scenario file (lab/scenarios/scripts/*.json) once started
 *   --org <f>        organisation file instead of the bundled demo org
 *   --help
 * Also `--name=value`. Unknown options are errors.
 */
export interface LabArgs {
  sipPort: number;
  apiPort: number;
  scenario?: string;
  org?: string;
}

export type ParsedArgs = { ok: true; args: LabArgs } | { ok: false; error: string } | { ok: true; help: true };

export const DEFAULT_SIP_PORT = 7381;
export const DEFAULT_API_PORT = 7380;

export const USAGE = `usage: lab [--sip-port N] [--api-port N] [--scenario FILE] [--org FILE]
  --sip-port N    SIP over WebSocket port (default ${DEFAULT_SIP_PORT}; 0 = a free port)
  --api-port N    agent API port (default ${DEFAULT_API_PORT}; 0 = a free port)
  --scenario FILE run a scenario's parties once the lab is up
  --org FILE      organisation (JSON) instead of the bundled demo org`;

export function parseLabArgs(argv: readonly string[]): ParsedArgs {
  const args: LabArgs = { sipPort: DEFAULT_SIP_PORT, apiPort: DEFAULT_API_PORT };
  for (let i = 0; i < argv.length; i += 1) {
    const item = argv[i] ?? '';
    if (item === '--help' || item === '-h') return { ok: true, help: true };
    const eq = item.indexOf('=');
    const name = eq > 0 ? item.slice(0, eq) : item;
    const inline = eq > 0 ? item.slice(eq + 1) : undefined;
    if (!['--sip-port', '--api-port', '--scenario', '--org'].includes(name)) return { ok: false, error: `unknown option ${JSON.stringify(item.slice(0, 40))}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return { ok: false, error: `${name} needs a value` };
    if (name === '--sip-port' || name === '--api-port') {
      const port = /^[0-9]{1,5}$/.test(value) ? Number(value) : NaN;
      if (!(port >= 0 && port <= 65535)) return { ok: false, error: `${name} must be a port number (0–65535)` };
      if (name === '--sip-port') args.sipPort = port;
      else args.apiPort = port;
    } else if (name === '--scenario') args.scenario = value;
    else args.org = value;
  }
  return { ok: true, args };
}
