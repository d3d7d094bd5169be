import { startLabProcess } from '../../scripts/lib/lab-process.mjs';
import { ROOT } from './support/backend';
import { expect, test } from './support/app';
import { launchLabAgentAt, loginThroughForm, type LabAgent } from './support/lab-agent';

/**
 * What `npm start` gives a newcomer: the lab as its own process (as
 * scripts/start.mjs runs it, with the newcomer demo scenario) and the app
 * pointed at it. Log in with the README's demo account, go Available, and
 * take the call of the customer already waiting — well within a minute.
 */
test('npm start’s setup: the lab process, the login screen with the lab running, a demo customer’s call answered @lab', async () => {
  test.setTimeout(90_000);
  const lab = await startLabProcess(ROOT, { args: ['--sip-port', '0', '--api-port', '0', '--scenario', 'lab/scenarios/scripts/newcomer-demo.json'] });
  let agent: LabAgent | null = null;
  try {
    expect(lab.output()).toContain('alice    / switchboard');
    agent = await launchLabAgentAt(lab.apiUrl, lab.sipUrl, 1000);
    const startedAt = Date.now();
    await loginThroughForm(agent, { username: 'alice', password: 'switchboard', dn: '1001', team: 'sales' });
    await agent.ui.getByTestId('agent-state').selectOption('available');
    await expect(agent.ui.getByTestId('line-card-line1')).toHaveAttribute('data-state', 'ringing', { timeout: 20_000 });
    await agent.ui.getByTestId('call-answer').click();
    await expect(agent.ui.getByTestId('line-card-line1')).toHaveAttribute('data-state', 'connected');
    await expect.poll(async () => (await agent!.state()).session.view?.contacts.map((c) => [c.state, c.queue?.name])).toEqual([['connected', 'Sales']]);
    expect(Date.now() - startedAt).toBeLessThan(60_000);
  } finally {
    await agent?.close();
    await lab.stop();
  }
});
