import type { Acd, AgentView, ContactView } from '../acd';

/** Small questions the glue asks the ACD about SIP users. */

/** The logged-in agent whose phone is `dn`, if any. */
export function agentByDn(acd: Acd, dn: string): AgentView | null {
  for (const agent of acd.org.agents) {
    const view = acd.agent(agent.username);
    if (view?.dn === dn) return view;
  }
  return null;
}

/** A SIP user that names an agent: their DN, or their username (the desktop may dial either). */
export function agentByUser(acd: Acd, user: string): AgentView | null {
  return agentByDn(acd, user) ?? acd.agent(user);
}

/** The contact an agent is handling now (not ringing, not in wrap-up), if any. */
export function liveContactOf(acd: Acd, agent: AgentView): ContactView | null {
  if (agent.contactId === null || agent.state === 'wrap-up') return null;
  const contact = acd.contact(agent.contactId);
  return contact === null || contact.state === 'ended' ? null : contact;
}

export function isOrgDn(acd: Acd, user: string): boolean {
  return acd.org.phones.some((p) => p.dn === user);
}

export function queueByNumber(acd: Acd, number: string): { id: string; number: string } | undefined {
  return acd.org.queues.find((q) => q.number === number);
}
