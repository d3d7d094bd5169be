import type { Logger } from '../log';
import type { Clock } from './clock';
import type { PartyCallInfo, PartyCallState } from './party-call';
import type { CallOptions } from './party-options';
import type { PartyScript, ScriptStep } from './script-schema';

/** The call verbs a script uses (a `PartyCall` has them). */
export interface ScriptCall {
  readonly state: PartyCallState;
  answer(): Promise<void>;
  decline(statusCode?: number): Promise<void>;
  hangup(): Promise<void>;
  waitConnected(timeoutMs: number): Promise<void>;
  readonly ended: Promise<PartyCallInfo>;
}

/** The party verbs a script uses (a `Party` has them); tests pass a fake. */
export interface ScriptParty {
  readonly current: ScriptCall | null;
  register(): Promise<void>;
  call(target: string, options?: CallOptions): Promise<ScriptCall>;
  waitForIncoming(timeoutMs: number): Promise<ScriptCall>;
  waitForTransfer(timeoutMs: number): Promise<ScriptCall>;
  waitForTone(frequencyHz: number, options?: { timeoutMs?: number }): Promise<void>;
  hold(): Promise<void>;
  resume(): Promise<void>;
  sendDtmf(digits: string): Promise<void>;
  stats(): { calls: PartyCallInfo[] };
}

export interface StepResult {
  index: number;
  action: ScriptStep['action'];
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** What happened, in a few words (`answered`, `abandoned`, `ended by far end`, an error). */
  note?: string;
}

export interface ScriptResult {
  user: string;
  /** completed: every step ran; abandoned: gave up waiting; failed: a step failed. */
  outcome: 'completed' | 'abandoned' | 'failed';
  error?: string;
  steps: StepResult[];
  /** Frequencies confirmed by `expect-tone` steps. */
  tonesHeard: number[];
  calls: PartyCallInfo[];
}

export interface RunOptions {
  clock: Clock;
  logger: Logger;
  /** Register before the first step. */
  register: boolean;
}

const DEFAULT_TIMEOUT_MS = 30_000;

class Abandoned extends Error {}

/**
 * Runs one party's script step by step on the given clock. Never throws:
 * a failing step ends the script with outcome `failed` and the reason.
 */
export async function runScript(script: PartyScript, party: ScriptParty, options: RunOptions): Promise<ScriptResult> {
  const { clock } = options;
  const result: ScriptResult = { user: script.party.user, outcome: 'completed', steps: [], tonesHeard: [], calls: [] };
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => clock.setTimeout(resolve, ms));
  /** Whether `promise` settles within `ms`; the timer never outlives the race. */
  const within = (promise: Promise<unknown>, ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = clock.setTimeout(() => resolve(false), ms);
      void promise.then(() => {
        clock.clearTimeout(timer);
        resolve(true);
      });
    });
  const currentCall = (): ScriptCall => {
    const call = party.current;
    if (!call) throw new Error('no call');
    return call;
  };

  const run = async (step: ScriptStep): Promise<string | undefined> => {
    switch (step.action) {
      case 'call':
        await party.call(step.target, { extraHeaders: step.headers ?? [] });
        return undefined;
      case 'wait':
        await sleep(step.ms);
        return undefined;
      case 'abandon-after': {
        const call = currentCall();
        try {
          await call.waitConnected(Math.max(1, step.ms));
          return 'answered';
        } catch (error) {
          if (call.state === 'ended') throw error;
          await call.hangup();
          throw new Abandoned(`abandoned after ${step.ms} ms unanswered`);
        }
      }
      case 'wait-connected':
        await currentCall().waitConnected(step.timeoutMs);
        return 'answered';
      case 'answer':
        await (await party.waitForIncoming(step.timeoutMs ?? DEFAULT_TIMEOUT_MS)).answer();
        return undefined;
      case 'answer-after': {
        const call = await party.waitForIncoming(step.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        await sleep(step.ms);
        if (call.state !== 'ringing') throw new Error(`caller gave up before answer (${call.state})`);
        await call.answer();
        return undefined;
      }
      case 'decline':
        await (await party.waitForIncoming(step.timeoutMs ?? DEFAULT_TIMEOUT_MS)).decline(step.status ?? 486);
        return undefined;
      case 'hangup-after': {
        const call = currentCall();
        if (await within(call.ended, step.ms)) return 'ended by far end';
        if (call.state !== 'ended') await call.hangup();
        return undefined;
      }
      case 'hangup':
        await currentCall().hangup();
        return undefined;
      case 'wait-end': {
        const call = currentCall();
        if (!(await within(call.ended, step.timeoutMs))) throw new Error(`call still up after ${step.timeoutMs} ms`);
        return 'ended by far end';
      }
      case 'expect-tone':
        await party.waitForTone(step.hz, { timeoutMs: step.timeoutMs ?? 5_000 });
        if (!result.tonesHeard.includes(step.hz)) result.tonesHeard.push(step.hz);
        return `heard ${step.hz} Hz`;
      case 'accept-refer': {
        const call = await party.waitForTransfer(step.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        await call.waitConnected(step.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        return 'transferred';
      }
      case 'hold':
        await party.hold();
        return undefined;
      case 'resume':
        await party.resume();
        return undefined;
      case 'dtmf':
        await party.sendDtmf(step.digits);
        return undefined;
    }
  };

  try {
    if (options.register) await party.register();
    for (const [index, step] of script.steps.entries()) {
      const startedAt = clock.now();
      try {
        const note = await run(step);
        result.steps.push({ index, action: step.action, startedAt, endedAt: clock.now(), ok: true, ...(note ? { note } : {}) });
      } catch (error) {
        const abandoned = error instanceof Abandoned;
        const note = error instanceof Error ? error.message : String(error);
        result.steps.push({ index, action: step.action, startedAt, endedAt: clock.now(), ok: abandoned, note });
        result.outcome = abandoned ? 'abandoned' : 'failed';
        if (!abandoned) result.error = `step ${index} (${step.action}): ${note}`;
        break;
      }
    }
  } catch (error) {
    result.outcome = 'failed';
    result.error = `register: ${error instanceof Error ? error.message : String(error)}`;
  }
  result.calls = party.stats().calls;
  options.logger.info('script done', { user: result.user, outcome: result.outcome, error: result.error });
  return result;
}
