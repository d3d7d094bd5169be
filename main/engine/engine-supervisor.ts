import type { EngineState, EngineStatus } from '../../common/contract';
import type { Logger } from '../../common/log/logger';

/** One incarnation of the hidden engine window. */
export interface EngineHandle {
  /** Stable identity of this incarnation's renderer (webContents). */
  readonly contents: object;
  destroy(): void;
}

export interface EngineEvents {
  /** The renderer process went away (Electron's `render-process-gone`). */
  onGone(reason: string): void;
}

export interface EngineSupervisorOptions {
  /** How long a new engine may take to say it is ready. */
  handshakeTimeoutMs: number;
  /** Delay before each successive restart; the last value repeats. */
  backoffMs: readonly number[];
  /** Crashes within `crashWindowMs` after which we stop and say so. */
  maxCrashes: number;
  crashWindowMs: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineSupervisorOptions = {
  handshakeTimeoutMs: 20_000,
  backoffMs: [250, 1_000, 3_000],
  maxCrashes: 5,
  crashWindowMs: 60_000,
};

export interface EngineSupervisorDeps {
  create(events: EngineEvents): EngineHandle;
  publish(state: EngineState): void;
  log: Logger;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  options?: Partial<EngineSupervisorOptions>;
}

/**
 * Keeps the hidden engine window alive: creates it, waits for its ready
 * handshake, and when its renderer dies (crash, OOM, killed, or a handshake
 * that never comes) recreates it with backoff. Repeated crashes in a short
 * time end in `failed`, which the UI shows with a manual restart. Live calls
 * re-attach to a new engine in the softphone issue; this class only reports
 * each new `ready` through `publish`.
 */
export class EngineSupervisor {
  private handle: EngineHandle | null = null;
  private state: EngineState;
  private crashTimes: number[] = [];
  private timer: unknown = null;
  private stopped = false;
  private readonly options: EngineSupervisorOptions;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly deps: EngineSupervisorDeps) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout));
    this.state = { status: 'starting', restarts: 0, lastCrashReason: null, since: this.now() };
  }

  get current(): EngineState {
    return this.state;
  }

  /** The live engine's webContents, for the IPC role check. */
  get contents(): object | null {
    return this.handle?.contents ?? null;
  }

  start(): void {
    this.spawn('starting');
  }

  /** The engine page's handshake; only the current incarnation counts. */
  acceptReady(contents: object): boolean {
    if (this.stopped || !this.handle || contents !== this.handle.contents) return false;
    this.cancelTimer();
    this.setStatus('ready');
    this.deps.log.info('engine ready', { restarts: this.state.restarts });
    return true;
  }

  /** Manual restart, e.g. from the UI after `failed`. */
  restart(): void {
    if (this.stopped) return;
    this.crashTimes = [];
    this.cancelTimer();
    this.dispose();
    this.state = { ...this.state, restarts: this.state.restarts + 1 };
    this.spawn('restarting');
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
    this.dispose();
  }

  private spawn(status: EngineStatus): void {
    this.setStatus(status);
    let handle: EngineHandle | null = null;
    const events: EngineEvents = { onGone: (reason) => handle && this.onGone(handle, reason) };
    try {
      handle = this.deps.create(events);
    } catch (error) {
      this.deps.log.error('engine window could not be created', { error });
      this.crashed('create-failed');
      return;
    }
    this.handle = handle;
    this.timer = this.setTimer(() => {
      this.deps.log.warn('engine did not complete its handshake in time');
      this.crashed('handshake-timeout');
    }, this.options.handshakeTimeoutMs);
  }

  private onGone(handle: EngineHandle, reason: string): void {
    if (this.stopped || handle !== this.handle) return;
    this.deps.log.warn('engine renderer gone', { reason });
    this.crashed(reason);
  }

  private crashed(reason: string): void {
    this.cancelTimer();
    this.dispose();
    const now = this.now();
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < this.options.crashWindowMs), now];
    this.state = { ...this.state, lastCrashReason: reason };
    if (this.crashTimes.length >= this.options.maxCrashes) {
      this.setStatus('failed');
      this.deps.log.error('engine keeps crashing; automatic restarts stopped', { crashes: this.crashTimes.length });
      return;
    }
    this.setStatus('crashed');
    const { backoffMs } = this.options;
    const delay = backoffMs[Math.min(this.crashTimes.length - 1, backoffMs.length - 1)] ?? 0;
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.state = { ...this.state, restarts: this.state.restarts + 1 };
      this.spawn('restarting');
    }, delay);
  }

  private dispose(): void {
    const handle = this.handle;
    this.handle = null;
    if (!handle) return;
    try {
      handle.destroy();
    } catch (error) {
      this.deps.log.warn('engine window could not be destroyed', { error });
    }
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private setStatus(status: EngineStatus): void {
    this.state = { ...this.state, status, since: this.now() };
    this.deps.publish(this.state);
  }
}
