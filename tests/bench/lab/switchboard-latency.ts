import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Inviter } from 'sip.js';
import { LAB_PARTY_PASSWORD } from '../../../lab/glue/credentials';
import { createParty } from '../../../lab/parties/party';
import { BENCH_AGENT_PASSWORD, BENCH_QUEUE, BENCH_TEAM, benchAgentSpec } from './bench-org';
import { installInviteClock, inviteSentAt } from './invite-clock';

export interface SwitchboardLatency {
  /** Customer's first INVITE left its socket → the app's UI store has line 1 ringing (ms). */
  runs: number[];
  backend: 'electron' | 'standin';
}

interface Snapshotish {
  state: { session: { status: string; view: { agentState: { state: string }; contacts: unknown[] } | null }; softphone: { registration: { status: string }; lines: { phone: { line1: { state: string } } } } };
}

async function uiPage(app: ElectronApplication): Promise<Page> {
  for (let i = 0; i < 100; i += 1) {
    for (const page of app.windows()) {
      const url = await (await app.browserWindow(page)).evaluate((w) => w.webContents.getURL()).catch(() => '');
      if (url.startsWith('switchboard://ui/')) return page;
    }
    await app.waitForEvent('window', { timeout: 300 }).catch(() => undefined);
  }
  throw new Error('the UI window never appeared');
}

const snapshot = (ui: Page): Promise<Snapshotish> =>
  ui.evaluate(async () => {
    const r = await window.switchboard.app.getSnapshot();
    if (!r.ok) throw new Error(r.error.message);
    return r.value as unknown as Snapshotish;
  });

async function until(ui: Page, check: (s: Snapshotish) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (check(await snapshot(ui))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Switchboard never got ${what}`);
}

/**
 * Offer latency with the real app as the agent's softphone: the built app
 * (Electron, or the stand-in) logs in to the lab as the bench agent
 * `agentIndex` and goes Available, alone; one customer calls the queue
 * `runs` times (after an untimed warm-up), each time timed from the
 * customer's first INVITE to the snapshot with line 1 ringing reaching the
 * UI's listener (the UI store), then cancels. The agent logs out at the end
 * so the ramp's calls never reach it.
 */
export async function measureSwitchboardOfferLatency(o: {
  root: string;
  /** Electron, or the stand-in (`scripts/lib/electron-binary.mjs`). */
  executablePath: string;
  backend: 'electron' | 'standin';
  apiUrl: string;
  sipUrl: string;
  domain: string;
  agentIndex: number;
  runs: number;
}): Promise<SwitchboardLatency> {
  installInviteClock();
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-lab-app-'));
  const app = await _electron.launch({
    executablePath: o.executablePath,
    args: [o.root, `--user-data-dir=${join(dir, 'profile')}`, `--lab-url=${o.apiUrl}`],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
    timeout: 30_000,
  });
  const customer = createParty({ serverUrl: o.sipUrl, user: 'app-latency-customer', domain: o.domain, password: LAB_PARTY_PASSWORD, toneHz: 440 });
  const runs: number[] = [];
  try {
    const ui = await uiPage(app);
    await ui.waitForSelector('[data-testid=app-ready]');
    const spec = benchAgentSpec(o.agentIndex);
    const login = await ui.evaluate(
      (l) => window.switchboard.agent.login({ username: l.username, password: l.password, dn: l.dn, teamId: l.teamId, remember: false }),
      { username: spec.username, password: BENCH_AGENT_PASSWORD, dn: spec.dn, teamId: BENCH_TEAM },
    );
    if (!login.ok || !login.value.ok) throw new Error(`the app could not log in: ${JSON.stringify(login)}`);
    await until(ui, (s) => s.state.softphone.registration.status === 'registered', 'its provisioned phone registered');
    const available = await ui.evaluate(() => window.switchboard.agent.setState({ state: 'available' }));
    if (!available.ok || !available.value.ok) throw new Error('the app could not go Available');
    await ui.evaluate(() => {
      const w = window as unknown as { __ringing: number[] };
      w.__ringing = [];
      window.switchboard.onSnapshot((s) => {
        if (s.state.softphone.lines.phone.line1.state === 'ringing') w.__ringing.push(performance.timeOrigin + performance.now());
      });
    });
    await customer.connect();
    for (let i = 0; i <= o.runs; i += 1) {
      const seen = await ui.evaluate(() => (window as unknown as { __ringing: number[] }).__ringing.length);
      const call = await customer.call(BENCH_QUEUE);
      const handle = await ui.waitForFunction((n) => (window as unknown as { __ringing: number[] }).__ringing[n], seen, { polling: 5, timeout: 10_000 });
      const rangAt = (await handle.jsonValue()) as number;
      const sent = inviteSentAt((call.session as Inviter).request.callId);
      if (!sent) throw new Error('the INVITE was not seen leaving the customer');
      if (i > 0) runs.push(rangAt - (performance.timeOrigin + sent.first));
      await call.hangup();
      await call.waitEnded(5_000);
      await until(ui, (s) => s.state.softphone.lines.phone.line1.state === 'idle' && s.state.session.view?.agentState.state === 'available' && s.state.session.view.contacts.length === 0, 'free again');
    }
    const out = await ui.evaluate(() => window.switchboard.agent.logout());
    if (!out.ok || !out.value.ok) throw new Error('the app could not log out');
  } finally {
    await customer.close().catch(() => undefined);
    await app.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs, backend: o.backend };
}
