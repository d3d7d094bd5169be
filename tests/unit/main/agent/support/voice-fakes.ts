import type { AgentSnapshot, VoiceContact } from '../../../../../common/agent-api';
import type { AgentWorkRequest, AgentWorkResult } from '../../../../../common/contract/agent-session';
import type { VoiceActionResult } from '../../../../../common/contract/voice-actions';
import {
  apply,
  decide,
  INITIAL_PHONE_STATE,
  LINE_IDS,
  type LineCommand,
  type LineEvent,
  type LineId,
  type PhoneState,
} from '../../../../../common/softphone';
import { VoiceActions } from '../../../../../main/agent/voice-actions';
import type { VoiceClock, VoicePhone } from '../../../../../main/agent/voice-ports';
import { memoryLogger } from '../../../support/memory-logger';

/** A voice contact as the agent API shows it; override what the test is about. */
export function voiceContact(overrides: Partial<VoiceContact> & { contactId: string }): VoiceContact {
  return {
    direction: 'inbound',
    state: 'connected',
    role: 'owner',
    queue: { queueId: 'sales', name: 'Sales' },
    customer: { display: 'Customer', number: '+15550100' },
    createdAt: 1_000,
    stateSince: 2_000,
    cad: {},
    channel: 'voice',
    voice: { recording: { state: 'on', autoResumeAt: null }, consult: null, ani: null },
    ...overrides,
  };
}

/** Timers that fire only when the test advances them. */
export class ManualClock implements VoiceClock {
  private now = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.now) continue;
      this.timers.delete(id);
      timer.fn();
    }
  }
  get pending(): number {
    return this.timers.size;
  }
}

/**
 * The softphone's lines on the real pure line table (decide / apply), with
 * the contact each incoming call says it belongs to; SIP facts are injected.
 */
export class FakePhone implements VoicePhone {
  current: PhoneState = INITIAL_PHONE_STATE;
  readonly tags: Partial<Record<LineId, string | null>> = {};
  readonly commands: LineCommand[] = [];
  constructor(private readonly changed: () => void) {}

  state(): PhoneState {
    return this.current;
  }
  command(command: LineCommand) {
    this.commands.push(command);
    const decision = decide(this.current, command);
    if (!decision.ok) return { accepted: false as const, reason: decision.reason };
    this.set(decision.next);
    return { accepted: true as const };
  }
  contactOf(line: LineId): string | null {
    return this.tags[line] ?? null;
  }
  /** An INVITE for `contactId` (null: without the header) arrives and rings. */
  ring(contactId: string | null): LineId {
    const next = apply(this.current, { kind: 'incoming' }).next;
    const line = LINE_IDS.find((l) => next[l].state === 'ringing' && this.current[l].state !== 'ringing');
    if (!line) throw new Error('nothing rang');
    this.tags[line] = contactId;
    this.set(next);
    return line;
  }
  /** A SIP fact on the lines. */
  event(event: LineEvent): void {
    this.set(apply(this.current, event).next);
  }
  /** The customer of contactId is on line 1 and talking (answered earlier). */
  connectCustomer(contactId: string): void {
    this.ring(contactId);
    this.command({ kind: 'answer' });
    this.commands.length = 0;
  }
  private set(next: PhoneState): void {
    this.current = next;
    for (const line of LINE_IDS) if (next[line].state === 'idle') delete this.tags[line];
    this.changed();
  }
}

type Reply = (request: AgentWorkRequest) => AgentWorkResult;

/** The agent API: the agent's view, and scripted replies (default: ok with the contact as it is). */
export class FakeCenter {
  view: AgentSnapshot = { agentState: { state: 'available', reasonCode: null, since: 0, pending: null }, contacts: [], offers: [], wrapUps: [] };
  readonly requests: AgentWorkRequest[] = [];
  readonly replies = new Map<string, Reply>();
  /** Resolves the next reply only when the test says so (ordering tests). */
  gate: Promise<void> | null = null;
  constructor(private readonly changed: () => void) {}

  async work(request: AgentWorkRequest): Promise<AgentWorkResult> {
    this.requests.push(request);
    if (this.gate) await this.gate;
    const reply = this.replies.get(request.op);
    if (reply) return reply(request);
    const contactId = (request.body as { contactId?: string }).contactId;
    const contact = this.view.contacts.find((c) => c.contactId === contactId);
    return { ok: true, body: contact ? { contact } : {} };
  }
  put(contact: VoiceContact): void {
    this.view = { ...this.view, contacts: [...this.view.contacts.filter((c) => c.contactId !== contact.contactId), contact] };
    this.changed();
  }
  remove(contactId: string): void {
    this.view = { ...this.view, contacts: this.view.contacts.filter((c) => c.contactId !== contactId) };
    this.changed();
  }
  ops(): string[] {
    return this.requests.map((r) => r.op);
  }
}

export interface VoiceRig {
  voice: VoiceActions;
  phone: FakePhone;
  center: FakeCenter;
  clock: ManualClock;
  failures: { code: string; number?: number }[];
  records: ReturnType<typeof memoryLogger>['records'];
  act(action: unknown): Promise<VoiceActionResult>;
}

export function voiceRig(): VoiceRig {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const phone = new FakePhone(changed);
  const center = new FakeCenter(changed);
  const clock = new ManualClock();
  const failures: { code: string; number?: number }[] = [];
  const { log, records } = memoryLogger();
  const voice = new VoiceActions({
    work: (request) => center.work(request),
    view: () => center.view,
    phone,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reportFailure: (failure) => failures.push(failure),
    log,
    clock,
    ringWaitMs: 5_000,
  });
  return { voice, phone, center, clock, failures, records, act: (action) => voice.act(action) };
}

/** Lets pending promise callbacks run (no timers involved). */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
