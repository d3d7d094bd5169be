import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOrg, type OrgParseResult } from './org-schema';

/** The demo organisation shipped with the lab (see docs/lab-acd.md). */
export const DEMO_ORG_PATH = path.resolve(__dirname, '..', 'scenarios', 'demo-org.json');

/**
 * Read and validate an organisation file. Never throws: a missing file or
 * bad JSON is reported like a schema error, prefixed with the file name.
 */
export function loadOrgFile(file: string): OrgParseResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${file}: not JSON (${(error as Error).message})`] };
  }
  const result = parseOrg(json);
  return result.ok ? result : { ok: false, errors: result.errors.map((e) => `${file}: ${e}`) };
}
