import { auxViewClosed, auxViewOpened, auxViewToggled, contactTabSelected, shellSlice } from '../../../../renderer/ui/features/shell/slice';
import { isHelpShortcut } from '../../../../renderer/ui/features/help/use-help-shortcut';

const reduce = shellSlice.reducer;

describe('shell slice', () => {
  it('opens a navigation view in the aux panel, and toggles it closed', () => {
    let state = reduce(undefined, auxViewToggled('settings'));
    expect(state.auxView).toBe('settings');
    state = reduce(state, auxViewToggled('history'));
    expect(state.auxView).toBe('history');
    state = reduce(state, auxViewToggled('history'));
    expect(state.auxView).toBe('customer');
    state = reduce(reduce(state, auxViewToggled('dialpad')), auxViewClosed());
    expect(state.auxView).toBe('customer');
  });

  it('opens a view without toggling it closed (the registration chip)', () => {
    let state = reduce(undefined, auxViewOpened('settings'));
    expect(state.auxView).toBe('settings');
    state = reduce(state, auxViewOpened('settings'));
    expect(state.auxView).toBe('settings');
  });

  it('selects a channel tab', () => {
    expect(reduce(undefined, contactTabSelected('sms')).contactTab).toBe('sms');
  });
});

describe('help shortcut', () => {
  const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });
  it('is Alt+F1 and nothing else', () => {
    expect(isHelpShortcut(key('F1', { altKey: true }))).toBe(true);
    expect(isHelpShortcut(key('F1'))).toBe(false);
    expect(isHelpShortcut(key('F1', { altKey: true, ctrlKey: true }))).toBe(false);
    expect(isHelpShortcut(key('F2', { altKey: true }))).toBe(false);
  });
});
