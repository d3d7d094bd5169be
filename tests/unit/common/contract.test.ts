import { COMMANDS, EVENTS, IPC_ERROR_CODES, isCommandChannel, ipcResultSchema, snapshotSchema } from '../../../common/contract';
import { z } from 'zod';

describe('IPC contract', () => {
  it('prefixes every channel and gives each command at least one role', () => {
    for (const [channel, spec] of Object.entries(COMMANDS)) {
      expect(channel).toMatch(/^sb:[a-z-]+:[a-z-]+$/);
      expect(spec.roles.length).toBeGreaterThan(0);
    }
    for (const channel of Object.keys(EVENTS)) expect(channel).toMatch(/^sb:/);
  });

  it('knows its own channels and nothing else', () => {
    expect(isCommandChannel('sb:app:ping')).toBe(true);
    expect(isCommandChannel('toString')).toBe(false);
    expect(isCommandChannel('__proto__')).toBe(false);
    expect(isCommandChannel('sb:nope')).toBe(false);
  });

  it('keeps the engine and the UI apart', () => {
    expect(COMMANDS['sb:engine:ready'].roles).toEqual(['engine']);
    expect(COMMANDS['sb:settings:set-language'].roles).toEqual(['ui']);
    expect(COMMANDS['sb:log:write'].roles).toEqual(['ui', 'engine']);
  });

  it('rejects malformed snapshots', () => {
    expect(snapshotSchema.safeParse({ rev: -1, state: {} }).success).toBe(false);
    expect(snapshotSchema.safeParse({ rev: 1.5 }).success).toBe(false);
  });

  it('validates results in both shapes', () => {
    const schema = ipcResultSchema(z.object({ n: z.number() }));
    expect(schema.safeParse({ ok: true, value: { n: 1 } }).success).toBe(true);
    for (const code of IPC_ERROR_CODES) {
      expect(schema.safeParse({ ok: false, error: { code, message: 'm' } }).success).toBe(true);
    }
    expect(schema.safeParse({ ok: false, error: { code: 'other', message: 'm' } }).success).toBe(false);
  });
});
