import type { OrgConfig } from '../acd';

/**
 * Who may register with the lab's SIP server, and with what password.
 *
 * - A DN of the organisation (`phones[]`): its own SIP password; the agent
 *   desktop gets it in the login result (`phone`).
 * - A queue number or an agent's username: nobody (queues are the ACD's, and
 *   a username is not a phone).
 * - Any other plain user name (`customer-1001`, `5550100`, …): the lab's
 *   simulated customers and external numbers, all with the shared lab-only
 *   password `LAB_PARTY_PASSWORD`. The lab's own scenarios use it; it only
 *   ever guards a loopback lab, never a real account.
 *
 * This is the lab's auth policy: every request is authenticated (digest),
 * customers included, rather than letting calls to queues in like a trunk.
 */
export const LAB_PARTY_PASSWORD = 'lab-party';

const PARTY_USER = /^[A-Za-z0-9._+-]{1,64}$/;

export function labCredentials(org: OrgConfig): (user: string) => string | undefined {
  const phones = new Map(org.phones.map((p) => [p.dn, p.sipPassword]));
  const reserved = new Set<string>([...org.queues.map((q) => q.number), ...org.agents.map((a) => a.username)]);
  return (user) => {
    const dnPassword = phones.get(user);
    if (dnPassword !== undefined) return dnPassword;
    if (reserved.has(user) || !PARTY_USER.test(user)) return undefined;
    return LAB_PARTY_PASSWORD;
  };
}
