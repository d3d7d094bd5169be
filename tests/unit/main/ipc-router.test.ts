import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { IpcRouter, type RoleResolver } from '../../../main/ipc/router';
import { createRoleResolver } from '../../../main/ipc/sender-roles';
import { ok } from '../../../common/contract';
import { memoryLogger } from '../support/memory-logger';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

const uiContents = { id: 1 } as unknown as WebContents;
const engineContents = { id: 2 } as unknown as WebContents;
const strangerContents = { id: 3 } as unknown as WebContents;

function eventFrom(sender: WebContents, url: string, parent: unknown = null): IpcMainInvokeEvent {
  return { sender, senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

function setup(resolver?: RoleResolver) {
  const ipc = fakeIpcMain();
  const { log, records } = memoryLogger();
  const roles = resolver ?? createRoleResolver(() => ({ ui: uiContents, engine: engineContents }));
  const router = new IpcRouter(ipc as never, roles, log);
  const pings: unknown[] = [];
  router.register('sb:app:ping', (request) => {
    pings.push(request);
    return ok({ nonce: request.nonce, receivedAt: 1 });
  });
  const call = (event: IpcMainInvokeEvent, payload: unknown) => ipc.handlers.get('sb:app:ping')!(event, payload);
  return { ipc, router, records, pings, call };
}

describe('IpcRouter', () => {
  it('runs the handler for our UI window with a valid payload', async () => {
    const { call, pings } = setup();
    const result = await call(eventFrom(uiContents, 'switchboard://ui/index.html'), { nonce: 'n1' });
    expect(result).toEqual({ ok: true, value: { nonce: 'n1', receivedAt: 1 } });
    expect(pings).toEqual([{ nonce: 'n1' }]);
  });

  it.each([
    ['a foreign webContents', eventFrom(strangerContents, 'switchboard://ui/index.html')],
    ['our UI window showing another page', eventFrom(uiContents, 'https://evil.example/index.html')],
    ['a subframe of the UI', eventFrom(uiContents, 'switchboard://ui/index.html', { url: 'x' })],
    ['the engine calling a UI-only command', eventFrom(engineContents, 'switchboard://engine/index.html')],
    ['the UI contents on the engine host', eventFrom(uiContents, 'switchboard://engine/index.html')],
    ['an event without a frame', { sender: uiContents, senderFrame: null } as unknown as IpcMainInvokeEvent],
  ])('refuses %s and logs it', async (_name, event) => {
    const { call, pings, records } = setup();
    const result = await call(event, { nonce: 'n1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(pings).toEqual([]);
    expect(records.some((r) => r.level === 'warn' && r.message.includes('foreign sender'))).toBe(true);
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['a missing field', {}],
    ['a wrong type', { nonce: 42 }],
    ['an extra field', { nonce: 'n', evil: true }],
    ['an oversized value', { nonce: 'x'.repeat(65) }],
    ['an array', [1, 2]],
  ])('refuses %s as payload without calling the handler', async (_name, payload) => {
    const { call, pings, records } = setup();
    const result = await call(eventFrom(uiContents, 'switchboard://ui/index.html'), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(pings).toEqual([]);
    expect(records.some((r) => r.message.includes('malformed payload'))).toBe(true);
  });

  it('turns a throwing handler into an internal error', async () => {
    const ipc = fakeIpcMain();
    const { log, records } = memoryLogger();
    const router = new IpcRouter(ipc as never, () => 'ui', log);
    router.register('sb:app:ping', () => {
      throw new Error('boom password=hunter2');
    });
    const result = await ipc.handlers.get('sb:app:ping')!(eventFrom(uiContents, 'x'), { nonce: 'a' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(records)).not.toContain('hunter2');
  });

  it('treats a throwing role resolver as a foreign sender', async () => {
    const { call } = setup(() => {
      throw new Error('frame destroyed');
    });
    const result = await call(eventFrom(uiContents, 'switchboard://ui/index.html'), { nonce: 'a' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses registering a channel twice and removes handlers on dispose', () => {
    const { router, ipc } = setup();
    expect(() => router.register('sb:app:ping', () => ok({ nonce: '', receivedAt: 0 }))).toThrow(/already/);
    router.dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});
