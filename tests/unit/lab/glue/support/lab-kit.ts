import { createParty, type Party } from '../../../../../lab/parties/party';
import { LAB_PARTY_PASSWORD } from '../../../../../lab/glue/credentials';
import type { Lab } from '../../../../../lab/lab';
import { TestClient, type Frame } from '../../api/support/test-client';

export { TestClient, type Frame };

/** An agent desktop stand-in: an agent-API client plus a werift party as its softphone. */
export interface TestAgent {
  api: TestClient;
  phone: Party;
  login: Frame;
}

export async function loginAgent(lab: Lab, username: string, dn: string, teamId: string, toneHz: number): Promise<TestAgent> {
  const api = await TestClient.connect(lab.apiUrl);
  const login = await api.request('login', { username, password: 'switchboard', dn, teamId });
  if (login.ok !== true) throw new Error(`login failed: ${JSON.stringify(login.error)}`);
  const phone = (login.body as { phone: { sipServer: string; aor: string; authUser: string; password: string } }).phone;
  const party = createParty({ serverUrl: phone.sipServer, user: phone.authUser, domain: lab.org.domain, password: phone.password, toneHz });
  await party.register();
  return { api, phone: party, login };
}

export function customer(lab: Lab, user: string, toneHz: number): Party {
  return createParty({ serverUrl: lab.sipUrl, user, domain: lab.org.domain, password: LAB_PARTY_PASSWORD, toneHz });
}

export function event(name: string, match: (body: Record<string, unknown>) => boolean = () => true): (f: Frame) => boolean {
  return (f) => f.type === 'event' && f.event === name && match((f.body ?? {}) as Record<string, unknown>);
}

export function contactOf(frame: Frame): Record<string, unknown> {
  return ((frame.body as { contact?: Record<string, unknown> }).contact ?? {}) as Record<string, unknown>;
}

/**
 * Closes parties one after the other, customers first: a party closing with
 * a call up sends BYE, and the far end must still be there to answer it
 * (SIP.js keeps an unanswered BYE's timer for 32 s).
 */
export async function closeInOrder(...parties: Array<{ close(): Promise<void> } | undefined>): Promise<void> {
  for (const party of parties) await party?.close();
}
