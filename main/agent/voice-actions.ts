import { voiceActionSchema, type VoiceAction, type VoiceActionResult } from '../../common/contract/voice-actions';
import type { Logger } from '../../common/log/logger';
import { CallWatch } from './call-watch';
import { ContactCalls } from './contact-calls';
import { accept, decline, end, holdOrResume, recording, setCad, swap } from './voice-call-steps';
import { conference, consult, consultCancel, consultConfirm, outdial, transfer, transferConsult } from './voice-consult-steps';
import { refused, systemClock, until, type VoiceActionDeps, type VoiceClock } from './voice-ports';
import type { CallFailure, StepContext } from './voice-step-context';

/**
 * The agent's voice actions (PRODUCT V1–V10) in main: one action is the
 * contact center's half (an agent API request) and the phone's half (a line
 * command on the line that carries the contact), in that order, so the UI
 * never sequences them. Actions on one contact run one after another;
 * every action is validated, logged without personal data, and answers a
 * `VoiceActionResult` — never throws.
 */
export class VoiceActions {
  private readonly calls: ContactCalls;
  private readonly watch: CallWatch;
  private readonly clock: VoiceClock;
  private readonly log: Logger;
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly offChange: () => void;

  constructor(private readonly deps: VoiceActionDeps) {
    this.clock = deps.clock ?? systemClock;
    this.log = deps.log;
    this.calls = new ContactCalls(deps.phone);
    this.watch = new CallWatch(deps.phone, (contactId, failure, undo) => void this.callFailed(contactId, failure, undo));
    this.offChange = deps.onChange(() => this.changed());
  }

  /** Runs one action (IPC payloads are checked again here); actions on the same contact are serialized. */
  act(input: unknown): Promise<VoiceActionResult> {
    const parsed = voiceActionSchema.safeParse(input);
    if (!parsed.success) {
      this.log.warn('voice action refused: malformed', { issues: parsed.error.issues.length });
      return Promise.resolve(refused('malformed'));
    }
    const action = parsed.data;
    const key = 'contactId' in action ? `contact:${action.contactId}` : 'outdial';
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.run(action));
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Stops following calls (quit). */
  dispose(): void {
    this.offChange();
    this.watch.clear();
  }

  private async run(action: VoiceAction): Promise<VoiceActionResult> {
    if (!this.deps.view()) return refused('not-logged-in');
    const contactId = 'contactId' in action ? action.contactId : null;
    try {
      const result = await this.dispatch(action);
      this.log.info('voice action', { kind: action.kind, contactId, ok: result.ok, ...(result.ok ? {} : { code: result.code, reason: result.reason }) });
      return result;
    } catch (error) {
      this.log.error('voice action failed', { kind: action.kind, contactId, error });
      return refused('internal');
    }
  }

  private dispatch(action: VoiceAction): Promise<VoiceActionResult> | VoiceActionResult {
    const ctx = this.context();
    switch (action.kind) {
      case 'accept':
        return accept(ctx, action.contactId);
      case 'decline':
        return decline(ctx, action.contactId);
      case 'hold':
      case 'resume':
        return holdOrResume(ctx, action.contactId, action.kind);
      case 'consult':
        return consult(ctx, action.contactId, action.target);
      case 'consult-confirm':
        return consultConfirm(ctx, action.contactId);
      case 'consult-cancel':
        return consultCancel(ctx, action.contactId);
      case 'swap':
        return swap(ctx, action.contactId);
      case 'conference':
        return conference(ctx, action.contactId);
      case 'transfer':
        return transfer(ctx, action.contactId, action.target);
      case 'transfer-consult':
        return transferConsult(ctx, action.contactId);
      case 'end':
        return end(ctx, action.contactId);
      case 'outdial':
        return outdial(ctx, action.number, action.ani);
      case 'recording-pause':
      case 'recording-resume':
        return recording(ctx, action.contactId, action.kind === 'recording-pause');
      case 'cad-set':
        return setCad(ctx, action.contactId, action.cad);
    }
  }

  private context(): StepContext {
    return {
      contact: (contactId) => {
        const contact = this.deps.view()?.contacts.find((c) => c.contactId === contactId);
        return contact?.channel === 'voice' ? contact : null;
      },
      request: (request) => this.deps.work(request),
      phone: this.deps.phone,
      calls: this.calls,
      until: (ready, ms) => until(this.deps, this.clock, ready, ms),
      ringWaitMs: this.deps.ringWaitMs ?? 8_000,
      watchCall: (contactId, line, failure, undo) => this.watch.watch(contactId, line, failure, undo),
      unwatch: (contactId) => this.watch.unwatch(contactId),
      log: this.log,
    };
  }

  private changed(): void {
    this.watch.check();
    const view = this.deps.view();
    this.calls.prune(new Set(view?.contacts.map((c) => c.contactId) ?? []));
  }

  /** A placed call failed before it was answered: undo the contact center's half, tell the agent. */
  private async callFailed(contactId: string, failure: CallFailure, undo: () => Promise<boolean>): Promise<void> {
    const key = `contact:${contactId}`;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const work = previous.then(async () => {
      this.log.info('placed call failed before it was answered', { contactId, code: failure.code });
      if (await undo()) this.deps.reportFailure(failure);
    });
    const tail = work.catch((error: unknown) => this.log.warn('undo after a failed call failed', { contactId, error }));
    this.tails.set(key, tail);
    await tail;
  }
}
