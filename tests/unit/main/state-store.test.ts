import type { AppState } from '../../../common/contract';
import { snapshotSchema } from '../../../common/contract';
import { initialAppState, withSettings } from '../../../main/app/app-state';
import { StateStore } from '../../../main/state/state-store';
import { DEFAULT_SETTINGS } from '../../../main/settings/settings-schema';

const base: AppState = initialAppState(
  { name: 'Switchboard', version: '1', platform: 'linux', systemLanguages: ['ko-KR', 'en-US'] },
  { ...DEFAULT_SETTINGS, language: 'system' },
  { status: 'starting', restarts: 0, lastCrashReason: null, since: 0 },
);

describe('StateStore', () => {
  it('starts at rev 0 with a valid snapshot', () => {
    const store = new StateStore(base);
    expect(store.snapshot().rev).toBe(0);
    expect(snapshotSchema.parse(store.snapshot())).toEqual(store.snapshot());
    expect(store.current.language).toBe('ko');
    expect(store.current.connection.status).toBe('unconfigured');
  });

  it('bumps the revision on every change and tells subscribers synchronously', () => {
    const store = new StateStore(base);
    const seen: number[] = [];
    const stop = store.subscribe((s) => seen.push(s.rev));
    store.update((s) => withSettings(s, { ...DEFAULT_SETTINGS, language: 'en' }));
    store.update((s) => ({ ...s, engine: { ...s.engine, status: 'ready' } }));
    expect(seen).toEqual([1, 2]);
    expect(store.current.language).toBe('en');
    stop();
    store.update((s) => withSettings(s, { ...DEFAULT_SETTINGS, language: 'system' }));
    expect(seen).toEqual([1, 2]);
    expect(store.snapshot().rev).toBe(3);
  });

  it('does not bump the revision when nothing changed', () => {
    const store = new StateStore(base);
    store.update((s) => s);
    expect(store.snapshot().rev).toBe(0);
  });
});
