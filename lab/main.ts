import { demoOrg, loadOrgFile, type OrgConfig } from './acd';
import { labBanner } from './glue/banner';
import { parseLabArgs, USAGE } from './glue/cli-args';
import { startLab } from './lab';
import { labLogger } from './log';

/**
 * `npm run lab`: the built-in lab as a process. Prints its URLs and the demo
 * credentials, then `LAB_READY sip=… api=…`; stops cleanly on SIGINT/SIGTERM.
 * Runs as plain Node on the bundled JS: data comes only from the bundled
 * demo org or from files named on the command line.
 */
async function main(argv: readonly string[]): Promise<number> {
  const log = labLogger('main');
  const parsed = parseLabArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { args } = parsed;
  let org: OrgConfig;
  if (args.org !== undefined) {
    const loaded = loadOrgFile(args.org);
    if (!loaded.ok) {
      process.stderr.write(`invalid organisation:\n  ${loaded.errors.join('\n  ')}\n`);
      return 2;
    }
    org = loaded.org;
  } else {
    org = demoOrg();
  }
  const lab = await startLab({ org, sipPort: args.sipPort, apiPort: args.apiPort, ...(args.scenario !== undefined ? { scenario: args.scenario } : {}) });
  process.stdout.write(labBanner(org, lab.sipUrl, lab.apiUrl));
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      log.info('stopping', { signal });
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await lab.stop();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lab failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
