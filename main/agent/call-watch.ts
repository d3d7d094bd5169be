import type { LineId, LineState } from '../../common/softphone';
import type { CallFailure } from './voice-step-context';
import type { VoicePhone } from './voice-ports';

interface Watched {
  line: LineId;
  failure: CallFailure;
  undo: () => Promise<boolean>;
}

const ANSWERED: readonly LineState[] = ['connected', 'consulting', 'held', 'conference'];

/**
 * Follows the consult and outdial calls a voice action placed, until they
 * are answered. A call that fails first (the far end refused, nobody
 * answered) makes the contact center's half undone and the failure
 * reported; a call the agent ended (the line went through `ending`) or that
 * was answered is dropped from watch.
 */
export class CallWatch {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly phone: VoicePhone,
    private readonly failed: (contactId: string, failure: CallFailure, undo: () => Promise<boolean>) => void,
  ) {}

  watch(contactId: string, line: LineId, failure: CallFailure, undo: () => Promise<boolean>): void {
    this.watched.set(contactId, { line, failure, undo });
    this.check();
  }

  unwatch(contactId: string): void {
    this.watched.delete(contactId);
  }

  get size(): number {
    return this.watched.size;
  }

  /** After every change of the lines. */
  check(): void {
    const state = this.phone.state();
    for (const [contactId, watched] of [...this.watched]) {
      const now = state[watched.line].state;
      if (ANSWERED.includes(now) || now === 'ending') {
        this.watched.delete(contactId);
      } else if (now === 'idle') {
        this.watched.delete(contactId);
        this.failed(contactId, watched.failure, watched.undo);
      }
    }
  }

  clear(): void {
    this.watched.clear();
  }
}
