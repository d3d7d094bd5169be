import demoOrgJson from '../scenarios/demo-org.json';
import { parseOrg, type OrgConfig } from './org-schema';

/**
 * The demo organisation, bundled as JSON (no file access at run time) and
 * validated like any other. Throws only if the shipped file itself is broken,
 * which the unit tests rule out.
 */
export function demoOrg(): OrgConfig {
  const result = parseOrg(demoOrgJson);
  if (!result.ok) throw new Error(`demo-org.json is invalid: ${result.errors.join('; ')}`);
  return result.org;
}
