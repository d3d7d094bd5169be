import { MAX_NOTICES, noticeDismissed, noticeRaised, noticesSlice } from '../../../../renderer/ui/features/notices/slice';

const reduce = noticesSlice.reducer;

describe('notices slice', () => {
  it('raises, de-duplicates and dismisses', () => {
    let state = reduce(undefined, noticeRaised({ action: 'setLanguage', code: 'refused' }));
    state = reduce(state, noticeRaised({ action: 'ping', code: 'internal' }));
    state = reduce(state, noticeRaised({ action: 'setLanguage', code: 'refused' }));
    expect(state.items.map((n) => n.action)).toEqual(['ping', 'setLanguage']);
    const id = state.items[0]!.id;
    state = reduce(state, noticeDismissed(id));
    expect(state.items.map((n) => n.action)).toEqual(['setLanguage']);
  });

  it(`keeps at most ${MAX_NOTICES}, dropping the oldest`, () => {
    let state = reduce(undefined, { type: '@@init' });
    const codes = ['forbidden-sender', 'invalid-payload', 'unknown-command', 'refused', 'internal'] as const;
    for (const code of codes) state = reduce(state, noticeRaised({ action: 'ping', code }));
    expect(state.items.map((n) => n.code)).toEqual(codes.slice(-MAX_NOTICES));
  });
});
