import { isPermissionAllowed, installPermissionHandlers, PERMISSION_TABLE } from '../../../main/security/permissions';
import { memoryLogger } from '../support/memory-logger';

describe('permission table', () => {
  it('allows audio capture to the engine only', () => {
    expect(isPermissionAllowed({ role: 'engine', permission: 'media', mediaTypes: ['audio'] })).toBe(true);
    expect(isPermissionAllowed({ role: 'ui', permission: 'media', mediaTypes: ['audio'] })).toBe(false);
    expect(isPermissionAllowed({ role: 'engine', permission: 'media', mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(isPermissionAllowed({ role: 'engine', permission: 'media', mediaTypes: ['video'] })).toBe(false);
  });

  it('allows notifications to the UI only', () => {
    expect(isPermissionAllowed({ role: 'ui', permission: 'notifications' })).toBe(true);
    expect(isPermissionAllowed({ role: 'engine', permission: 'notifications' })).toBe(false);
  });

  it.each(['geolocation', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'display-capture', 'hid', 'serial', 'usb', 'clipboard-read', 'idle-detection', 'toString', '__proto__', 'constructor'])(
    'denies %s to every role',
    (permission) => {
      for (const role of ['ui', 'engine', null] as const) {
        expect(isPermissionAllowed({ role, permission })).toBe(false);
      }
    },
  );

  it('denies everything to unknown senders', () => {
    for (const permission of Object.keys(PERMISSION_TABLE)) {
      expect(isPermissionAllowed({ role: null, permission, mediaTypes: ['audio'] })).toBe(false);
    }
  });

  it('wires both the request and the check handler of a session', () => {
    let request: ((...a: unknown[]) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    };
    const engine = {};
    const { log, records } = memoryLogger();
    installPermissionHandlers(session as never, (c) => (c === engine ? 'engine' : null), log);
    const answers: boolean[] = [];
    request!(engine, 'media', (v: boolean) => answers.push(v), { mediaTypes: ['audio'] });
    request!({}, 'media', (v: boolean) => answers.push(v), { mediaTypes: ['audio'] });
    expect(answers).toEqual([true, false]);
    expect(records.filter((r) => r.message.includes('denied'))).toHaveLength(1);
    expect(check!(engine, 'media', 'switchboard://engine', { mediaType: 'audio' })).toBe(true);
    expect(check!(engine, 'media', 'switchboard://engine', { mediaType: 'video' })).toBe(false);
    expect(check!(engine, 'geolocation', 'switchboard://engine', {})).toBe(false);
  });
});
