import type { EngineState } from '../../../common/contract';
import { EngineSupervisor, type EngineEvents } from '../../../main/engine/engine-supervisor';
import { memoryLogger } from '../support/memory-logger';

/** A supervisor over fake windows and a manual clock. */
function setup(options: Partial<ConstructorParameters<typeof EngineSupervisor>[0]['options']> = {}) {
  let now = 1_000;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  const engines: { contents: object; events: EngineEvents; destroyed: boolean }[] = [];
  const published: EngineState[] = [];
  const { log } = memoryLogger();
  const supervisor = new EngineSupervisor({
    create: (events) => {
      const engine = { contents: { n: engines.length }, events, destroyed: false };
      engines.push(engine);
      return { contents: engine.contents, destroy: () => (engine.destroyed = true) };
    },
    publish: (s) => published.push(s),
    log,
    now: () => now,
    setTimer: (fn, ms) => {
      const timer = { at: now + ms, fn, id: nextId++ };
      timers.push(timer);
      return timer.id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    options: { handshakeTimeoutMs: 5_000, backoffMs: [100, 1_000], maxCrashes: 3, crashWindowMs: 60_000, ...options },
  });
  const advance = (ms: number) => {
    now += ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers.splice(timers.indexOf(due), 1);
      due.fn();
    }
  };
  const statuses = () => published.map((s) => s.status);
  return { supervisor, engines, published, statuses, advance };
}

describe('EngineSupervisor', () => {
  it('starts the engine and becomes ready on its handshake', () => {
    const { supervisor, engines, statuses } = setup();
    supervisor.start();
    expect(supervisor.current.status).toBe('starting');
    expect(supervisor.acceptReady(engines[0]!.contents)).toBe(true);
    expect(statuses()).toEqual(['starting', 'ready']);
    expect(supervisor.contents).toBe(engines[0]!.contents);
  });

  it('ignores a handshake from anything but the current engine', () => {
    const { supervisor, statuses } = setup();
    supervisor.start();
    expect(supervisor.acceptReady({})).toBe(false);
    expect(statuses()).toEqual(['starting']);
  });

  it('recreates a crashed engine after a backoff and counts the restart', () => {
    const { supervisor, engines, statuses, advance, published } = setup();
    supervisor.start();
    supervisor.acceptReady(engines[0]!.contents);
    engines[0]!.events.onGone('crashed');
    expect(engines[0]!.destroyed).toBe(true);
    expect(supervisor.current).toMatchObject({ status: 'crashed', lastCrashReason: 'crashed' });
    advance(99);
    expect(engines).toHaveLength(1);
    advance(1);
    expect(engines).toHaveLength(2);
    supervisor.acceptReady(engines[1]!.contents);
    expect(statuses()).toEqual(['starting', 'ready', 'crashed', 'restarting', 'ready']);
    expect(published.at(-1)!.restarts).toBe(1);
    // The dead incarnation can no longer claim readiness or crash us again.
    expect(supervisor.acceptReady(engines[0]!.contents)).toBe(false);
    engines[0]!.events.onGone('killed');
    expect(supervisor.current.status).toBe('ready');
  });

  it('treats a handshake that never comes as a crash', () => {
    const { supervisor, engines, advance } = setup();
    supervisor.start();
    advance(5_000);
    expect(supervisor.current).toMatchObject({ status: 'crashed', lastCrashReason: 'handshake-timeout' });
    expect(engines[0]!.destroyed).toBe(true);
    advance(100);
    expect(engines).toHaveLength(2);
  });

  it('gives up after repeated crashes and restarts only by hand', () => {
    const { supervisor, engines, advance } = setup();
    supervisor.start();
    engines[0]!.events.onGone('crashed');
    advance(100);
    engines[1]!.events.onGone('crashed');
    advance(1_000);
    engines[2]!.events.onGone('oom');
    expect(supervisor.current.status).toBe('failed');
    advance(60_000);
    expect(engines).toHaveLength(3);
    supervisor.restart();
    expect(engines).toHaveLength(4);
    expect(supervisor.current.status).toBe('restarting');
    expect(supervisor.acceptReady(engines[3]!.contents)).toBe(true);
  });

  it('forgets crashes older than the window', () => {
    const { supervisor, engines, advance } = setup();
    supervisor.start();
    engines[0]!.events.onGone('crashed');
    advance(100);
    engines[1]!.events.onGone('crashed');
    advance(61_000);
    engines[2]!.events.onGone('crashed');
    expect(supervisor.current.status).toBe('crashed');
  });

  it('survives a window that cannot be created and stops cleanly', () => {
    const { supervisor, advance } = setup();
    let fail = true;
    const s2 = new EngineSupervisor({
      create: () => {
        if (fail) throw new Error('no display');
        return { contents: {}, destroy: () => undefined };
      },
      publish: () => undefined,
      log: memoryLogger().log,
      options: { backoffMs: [0] },
    });
    s2.start();
    expect(s2.current).toMatchObject({ status: 'crashed', lastCrashReason: 'create-failed' });
    fail = false;
    s2.stop();
    supervisor.start();
    supervisor.stop();
    advance(10_000);
    expect(supervisor.contents).toBeNull();
  });
});
