import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lab } from '../../../lab/lab';
import { expect, launchSwitchboard, type RunningSwitchboard } from './app';
import { writeToneWav } from './tone-wav';
import type { AppState } from '../../../common/contract';
import type { LineCommand } from '../../../common/softphone';

/** A Switchboard agent desktop pointed at a lab, whose microphone plays a tone. */
export interface LabAgent extends RunningSwitchboard {
  state(): Promise<AppState>;
  line(command: LineCommand): Promise<void>;
}

/**
 * Launches the built app against `lab` with a `toneHz` microphone. The
 * agent's own audio preference is a raw microphone (browser noise
 * suppression would erase the test tones); the lab provisions the phone.
 */
export function launchLabAgent(lab: Lab, toneHz: number): Promise<LabAgent> {
  return launchLabAgentAt(lab.apiUrl, lab.sipUrl, toneHz);
}

/** The same, for a lab known by its URLs (e.g. one running as its own process). */
export async function launchLabAgentAt(apiUrl: string, sipUrl: string, toneHz: number): Promise<LabAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-lab-agent-'));
  const wav = writeToneWav(join(dir, 'mic.wav'), { hz: toneHz });
  const sb = await launchSwitchboard({ args: [`--lab-url=${apiUrl}`, `--use-file-for-fake-audio-capture=${wav}`] });
  const saved = await sb.ui.evaluate(
    (server) =>
      window.switchboard.softphone.saveAccount({
        account: { server, aor: 'sip:preferences@lab.test', authUser: '', displayName: '', iceServers: [], codecs: ['PCMU'], dtmfMode: 'rfc4733', audioProcessing: false },
      }),
    sipUrl,
  );
  expect(saved.ok).toBe(true);
  const state = async (): Promise<AppState> => {
    const r = await sb.ui.evaluate(() => window.switchboard.app.getSnapshot());
    if (!r.ok) throw new Error(r.error.message);
    return r.value.state;
  };
  return {
    ...sb,
    state,
    async line(command) {
      const r = await sb.ui.evaluate((c) => window.switchboard.softphone.line({ command: c }), command);
      expect(r).toMatchObject({ ok: true, value: { accepted: true } });
    },
    async close() {
      await sb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the login form, as an agent would, and waits for the provisioned phone. */
export async function loginThroughForm(agent: LabAgent, login: { username: string; password: string; dn: string; team: string }): Promise<void> {
  const { ui } = agent;
  await expect(ui.getByTestId('login-lab-status')).toHaveAttribute('data-available', 'true');
  await ui.getByTestId('login-username').fill(login.username);
  await ui.getByTestId('login-password').fill(login.password);
  await ui.getByTestId('login-dn').fill(login.dn);
  await ui.getByTestId('login-team').fill(login.team);
  await ui.getByTestId('login-submit').click();
  await expect(ui.getByTestId('login-screen')).toHaveCount(0);
  await expect.poll(async () => (await agent.state()).session.status).toBe('logged-in');
  await expect.poll(async () => (await agent.state()).softphone.registration.status, { timeout: 10_000 }).toBe('registered');
}

/** The line's state as main holds it. */
export async function lineState(agent: LabAgent, line: 'line1' | 'line2'): Promise<string> {
  return (await agent.state()).softphone.lines.phone[line].state;
}
