import type { OrgConfig } from '../acd';
import { LAB_PARTY_PASSWORD } from './credentials';

/**
 * What `npm run lab` prints once it is up: the URLs, the demo credentials
 * (lab-only values from the org file, never real secrets), and one line
 * `LAB_READY sip=<url> api=<url>` that scripts wait for.
 */
export function labBanner(org: OrgConfig, sipUrl: string, apiUrl: string): string {
  const passwords = new Set(org.agents.map((a) => a.password));
  const shared = passwords.size === 1 ? [...passwords][0] : null;
  const agentLines = org.agents.map((a) => {
    const notes = [a.supervisor ? 'supervisor' : '', a.locked ? 'locked' : '', a.passwordExpired ? 'password expired' : '', a.passwordChangeRequired ? 'must change password' : '']
      .filter((n) => n !== '')
      .join(', ');
    const password = shared === null ? `  password ${a.password}` : '';
    return `    ${a.username.padEnd(10)} ${a.displayName.padEnd(18)} teams ${a.teams.join(', ')}${password}${notes ? `  (${notes})` : ''}`;
  });
  const phones = org.phones.map((p) => `${p.dn}/${p.sipPassword}`).join('  ');
  return [
    '',
    `Switchboard lab — ${org.name} (domain ${org.domain})`,
    `  agent API  ${apiUrl}`,
    `  SIP (WS)   ${sipUrl}`,
    '',
    `  Agents${shared !== null ? ` (password for all: ${shared})` : ''}:`,
    ...agentLines,
    `  Teams: ${org.teams.map((t) => `${t.id} (${t.name})`).join(', ')}`,
    `  Queues: ${org.queues.map((q) => `${q.number} ${q.name} [${q.id}]`).join(', ')}`,
    `  DNs / SIP passwords (the desktop gets its DN's at login): ${phones}`,
    `  Simulated customers and external numbers register with password "${LAB_PARTY_PASSWORD}"`,
    '',
    `LAB_READY sip=${sipUrl} api=${apiUrl}`,
    '',
  ].join('\n');
}
