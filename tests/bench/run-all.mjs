// `npm run bench`: runs every benchmark in this folder (`*.bench.mjs`), each
// printing `name: value` lines. Other issues add their benches here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let failed = 0;
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  process.stdout.write(`# ${file}\n`);
  const run = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
