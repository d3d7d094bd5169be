import { IDLE_LINES } from '../../../../common/contract/softphone';
import type { ChosenState } from '../../../../common/agent-api/agent';
import {
  INITIAL_AGENT_SESSION,
  type AgentWorkResult,
  type LoginCommand,
  type ServerProfile,
  type SessionResult,
} from '../../../../common/contract/agent-session';
import type { SwitchboardBridge } from '../../../../common/contract/bridge';
import { ok, type IpcResult } from '../../../../common/contract/result';
import type { AppState, Snapshot } from '../../../../common/contract/snapshot';
import type { VoiceAction, VoiceActionResult } from '../../../../common/contract/voice-actions';

/** What `softphone.line` resolves to: accepted, refused with a reason, or an IPC failure. */
export type LineReply = Awaited<ReturnType<SwitchboardBridge['softphone']['line']>>;

/** A promise whose settlement the test controls. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export function makeState(overrides: Partial<AppState> = {}): AppState {
  return {
    app: { name: 'Switchboard', version: '0.1.0', platform: 'linux', systemLanguages: ['en-US'] },
    engine: { status: 'ready', restarts: 0, lastCrashReason: null, since: 1_700_000_000_000 },
    settings: { language: 'system' },
    language: 'en',
    connection: { status: 'unconfigured', profileName: null },
    agent: null,
    softphone: {
      account: null,
      registration: { status: 'unconfigured', code: null, retryAt: null },
      vault: 'safe-storage',
      lines: IDLE_LINES,
      devices: { available: { inputs: [], outputs: [] }, chosen: { microphoneId: null, speakerId: null, ringerId: null } },
    },
    session: INITIAL_AGENT_SESSION,
    ...overrides,
  };
}

export function makeSnapshot(rev: number, overrides: Partial<AppState> = {}): Snapshot {
  return { rev, state: makeState(overrides) };
}

/**
 * A bridge double: verbs are jest mocks (default: succeed), snapshot events
 * are pushed by the test with `emit`, and `getSnapshot` can be held open
 * with `holdSnapshot` to stage races between the event and the reply.
 */
export function createFakeBridge(initial: Snapshot = makeSnapshot(1)) {
  const listeners = new Set<(snapshot: Snapshot) => void>();
  let held: Deferred<IpcResult<Snapshot>> | null = null;
  const calls: string[] = [];

  const bridge = {
    app: {
      getSnapshot: jest.fn(() => {
        calls.push('getSnapshot');
        return held ? held.promise : Promise.resolve(ok(initial));
      }),
      ping: jest.fn((request: { nonce: string }) => Promise.resolve(ok({ nonce: request.nonce, receivedAt: 1 }))),
    },
    settings: {
      setLanguage: jest.fn((_request: { language: string }) => Promise.resolve(ok({ rev: initial.rev + 1 }))),
      setServerProfile: jest.fn((_request: { profile: ServerProfile }) => Promise.resolve(ok({ rev: initial.rev + 1 }))),
    },
    agent: {
      login: jest.fn((_request: LoginCommand): Promise<IpcResult<SessionResult>> => Promise.resolve(ok({ ok: true }))),
      logout: jest.fn((): Promise<IpcResult<SessionResult>> => Promise.resolve(ok({ ok: true }))),
      setState: jest.fn((_request: ChosenState): Promise<IpcResult<SessionResult>> => Promise.resolve(ok({ ok: true }))),
      request: jest.fn((): Promise<IpcResult<AgentWorkResult>> => Promise.resolve(ok({ ok: true, body: {} }))),
      act: jest.fn((_request: VoiceAction): Promise<IpcResult<VoiceActionResult>> => Promise.resolve(ok({ ok: true }))),
    },
    shell: { openExternal: jest.fn(() => Promise.resolve(ok({ opened: true }))) },
    engine: { restart: jest.fn(() => Promise.resolve(ok({ rev: initial.rev + 1 }))) },
    softphone: {
      saveAccount: jest.fn(() => Promise.resolve(ok({ rev: initial.rev + 1 }))),
      removeAccount: jest.fn(() => Promise.resolve(ok({ rev: initial.rev + 1 }))),
      reconnect: jest.fn(() => Promise.resolve(ok({ rev: initial.rev + 1 }))),
      setDevices: jest.fn(() => Promise.resolve(ok({ rev: initial.rev + 1 }))),
      levelMeter: jest.fn((request: { on: boolean }) => Promise.resolve(ok({ on: request.on }))),
      onInputLevel: jest.fn(() => () => undefined),
      line: jest.fn((): Promise<LineReply> => Promise.resolve(ok({ accepted: true }))),
    },
    log: jest.fn(() => Promise.resolve(ok({ written: true }))),
    onSnapshot: jest.fn((listener: (snapshot: Snapshot) => void) => {
      calls.push('onSnapshot');
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    }),
  } satisfies SwitchboardBridge;

  return {
    bridge,
    /** Order in which the store called subscribe / fetch. */
    calls,
    listenerCount: () => listeners.size,
    emit(snapshot: unknown) {
      for (const listener of [...listeners]) listener(snapshot as Snapshot);
    },
    /** The next `getSnapshot` stays pending until the test resolves it. */
    holdSnapshot(): Deferred<IpcResult<Snapshot>> {
      held = deferred<IpcResult<Snapshot>>();
      return held;
    },
  };
}

/** Lets pending promise callbacks (listener effects) run. */
export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i += 1) await new Promise<void>((r) => setImmediate(r));
}
