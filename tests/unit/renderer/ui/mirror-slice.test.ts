import { mirrorSlice, snapshotReceived } from '../../../../renderer/ui/features/mirror/slice';
import { makeSnapshot } from './fake-bridge';

const reduce = mirrorSlice.reducer;
const empty = reduce(undefined, { type: '@@init' });

describe('mirror slice: revision rule', () => {
  it('starts empty', () => {
    expect(empty).toEqual({ rev: null, state: null });
  });

  it('applies the first snapshot, whatever its rev (even 0)', () => {
    const next = reduce(empty, snapshotReceived(makeSnapshot(0)));
    expect(next.rev).toBe(0);
    expect(next.state?.language).toBe('en');
  });

  it('applies a newer snapshot', () => {
    const at3 = reduce(empty, snapshotReceived(makeSnapshot(3)));
    const at4 = reduce(at3, snapshotReceived(makeSnapshot(4, { language: 'ko' })));
    expect(at4.rev).toBe(4);
    expect(at4.state?.language).toBe('ko');
  });

  it('ignores an older snapshot', () => {
    const at5 = reduce(empty, snapshotReceived(makeSnapshot(5, { language: 'ko' })));
    const after = reduce(at5, snapshotReceived(makeSnapshot(4, { language: 'en' })));
    expect(after).toBe(at5);
  });

  it('ignores a snapshot with the same rev', () => {
    const at5 = reduce(empty, snapshotReceived(makeSnapshot(5)));
    const after = reduce(at5, snapshotReceived(makeSnapshot(5, { agent: { name: 'X', dn: '1', team: 'T', state: 'idle' } })));
    expect(after).toBe(at5);
    expect(after.state?.agent).toBeNull();
  });
});
