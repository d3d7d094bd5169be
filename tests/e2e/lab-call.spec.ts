import { silentLogger } from '../../lab/log';
import { startLab, type Lab } from '../../lab/lab';
import { createParty, type Party } from '../../lab/parties/party';
import { LAB_PARTY_PASSWORD } from '../../lab/glue/credentials';
import { heardTones, presentTones } from '../interop/support/engine-ear.mjs';
import { expect, test } from './support/app';
import { launchLabAgent, lineState, loginThroughForm, type LabAgent } from './support/lab-agent';

/**
 * Issue 4's end-to-end proof: two Switchboard agents (the real built app)
 * against the built-in lab, a lab customer with a real WebRTC stack calling
 * a queue. Who hears whom is proven by tones: the customer 440 Hz, agent 1
 * 1000 Hz, agent 2 1400 Hz.
 */
const CUSTOMER = 440;
const AGENT1 = 1000;
const AGENT2 = 1400;
const TONES = [CUSTOMER, AGENT1, AGENT2];

let lab: Lab;
let agent1: LabAgent;
let agent2: LabAgent;
let customer: Party;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  lab = await startLab({ logger: silentLogger() });
});

test.afterAll(async () => {
  await Promise.all([agent1?.close(), agent2?.close(), customer?.close()]);
  await lab?.stop();
});

const agentHears = async (agent: LabAgent) => presentTones(await heardTones(await agent.engine(), TONES));

test('a customer call through the lab: answer, consult, conference, the consulted agent leaves, end, wrap-up @lab', async () => {
  [agent1, agent2] = await Promise.all([launchLabAgent(lab, AGENT1), launchLabAgent(lab, AGENT2)]);
  await loginThroughForm(agent1, { username: 'alice', password: 'switchboard', dn: '1001', team: 'sales' });
  await loginThroughForm(agent2, { username: 'bob', password: 'switchboard', dn: '1002', team: 'sales' });
  expect(lab.sip.registrations().map((r) => r.user).sort()).toEqual(['1001', '1002']);
  await expect(agent1.ui.getByTestId('title-bar')).toContainText('Alice Walker');

  // Agent 1 becomes Available (agent 2 stays Idle, so the call is theirs).
  await agent1.ui.getByTestId('agent-state').selectOption('available');
  await expect(agent1.ui.getByTestId('agent-state')).toHaveAttribute('data-state', 'available');
  expect(lab.acd.agent('alice')).toMatchObject({ state: 'available' });

  // A customer calls Sales; the offer reaches agent 1's desktop and phone.
  customer = createParty({ serverUrl: lab.sipUrl, user: 'customer-1', domain: lab.org.domain, password: LAB_PARTY_PASSWORD, toneHz: CUSTOMER });
  const call = await customer.call('7001');
  await expect.poll(async () => (await agent1.state()).session.view?.contacts.map((c) => c.state)).toEqual(['offered']);
  await expect(agent1.ui.getByTestId('line-card-line1')).toHaveAttribute('data-state', 'ringing');
  const contactId = (await agent1.state()).session.view!.contacts[0]!.contactId;
  // Agent 1's contact list shows the offer: customer, queue, a waiting timer.
  const card = agent1.ui.getByTestId('contact-list').getByTestId('contact-card');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-contact-id', contactId);
  await expect(card).toHaveAttribute('data-state', 'offered');
  await expect(card).toHaveAttribute('data-channel', 'voice');
  await expect(card.getByTestId('contact-card-queue')).toHaveText('Sales');
  const { customer: caller } = (await agent1.state()).session.view!.contacts[0]!;
  await expect(card.getByTestId('contact-card-customer')).toContainText(caller.display);
  if (caller.number !== null) await expect(card.getByTestId('contact-card-customer')).toContainText(caller.number);
  await expect(card.getByTestId('contact-card-timer')).toHaveAttribute('data-kind', 'waiting');
  await expect(card.getByTestId('contact-card-timer')).toHaveText(/^\d{2}:\d{2}$/);

  // Answer from the call card: both hear each other.
  await agent1.ui.getByTestId('call-answer').click();
  await call.waitConnected(10_000);
  await customer.waitForTone(AGENT1, { timeoutMs: 10_000 });
  await expect.poll(() => agentHears(agent1)).toEqual([CUSTOMER]);
  await expect.poll(async () => lab.acd.contact(contactId)?.state).toBe('connected');
  await expect(card).toHaveAttribute('data-state', 'connected');
  await expect(card.getByTestId('contact-card-timer')).toHaveAttribute('data-kind', 'handling');

  // Consult agent 2 on line 2: the customer is held and hears nobody.
  await agent1.line({ kind: 'consult', target: '1002' });
  await expect.poll(() => lineState(agent2, 'line1')).toBe('ringing');
  await agent2.line({ kind: 'answer' });
  await expect.poll(() => lineState(agent1, 'line2')).toBe('consulting');
  await expect.poll(() => agentHears(agent2)).toEqual([AGENT1]);
  await customer.waitForSilence({ frequencyHz: AGENT1, timeoutMs: 10_000 });

  // Conference: each of the three hears the other two.
  await agent1.line({ kind: 'conference' });
  const conferenced = await agent1.ui.evaluate((id) => window.switchboard.agent.request({ op: 'conference', body: { contactId: id } }), contactId);
  expect(conferenced).toMatchObject({ ok: true, value: { ok: true } });
  await customer.waitForTone(AGENT1, { timeoutMs: 10_000 });
  await customer.waitForTone(AGENT2, { timeoutMs: 10_000 });
  await expect.poll(() => agentHears(agent2)).toEqual([CUSTOMER, AGENT1]);
  await expect.poll(() => agentHears(agent1)).toEqual([CUSTOMER, AGENT2]);

  // Agent 2 leaves: agent 1 and the customer keep talking.
  await agent2.line({ kind: 'hangup', line: 'line1' });
  await expect.poll(() => lineState(agent2, 'line1')).toBe('idle');
  await customer.waitForSilence({ frequencyHz: AGENT2, timeoutMs: 10_000 });
  expect(customer.hears(AGENT1)).toBe(true);
  await expect.poll(() => agentHears(agent1)).toEqual([CUSTOMER]);

  // Agent 1 ends the call: wrap-up is owed by agent 1 only, submitted, recorded by the lab.
  await agent1.line({ kind: 'hangup', line: 'line1' });
  await call.waitEnded(10_000);
  await expect.poll(async () => (await agent1.state()).session.view?.wrapUps.map((w) => w.contactId)).toEqual([contactId]);
  expect((await agent2.state()).session.view?.wrapUps).toEqual([]);
  // Through the wrap-up panel: pick the code, submit.
  const panel = agent1.ui.getByTestId('wrapup-panel');
  await expect(panel).toHaveAttribute('data-contact-id', contactId);
  await expect(card).toHaveAttribute('data-state', 'wrap-up');
  await expect(card.getByTestId('contact-card-timer')).toHaveAttribute('data-kind', 'wrap-up');
  await expect(card.getByTestId('contact-card-queue')).toHaveText('Sales');
  await panel.getByTestId('wrapup-code').selectOption('resolved');
  await panel.getByTestId('wrapup-submit').click();
  await expect.poll(() => lab.acd.wrapUpRecords({ contactId })).toEqual([expect.objectContaining({ username: 'alice', code: 'resolved', queueId: 'sales' })]);
  await expect.poll(async () => (await agent1.state()).session.view?.wrapUps).toEqual([]);
  await expect(agent1.ui.getByTestId('wrapup-panel')).toHaveCount(0);
  await expect(agent1.ui.getByTestId('wrapup-notice')).toHaveCount(0);
});
