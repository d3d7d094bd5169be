import {
  chosenStateOf,
  pendingLabel,
  stateOptions,
  stateValue,
} from '../../../../renderer/ui/features/session/state-options';
import { AGENT } from './session-fixtures';

const reasons = AGENT.idleReasons;

describe('state dropdown options (A1–A3)', () => {
  it('lists Available then one option per idle reason', () => {
    expect(stateOptions({ state: 'available', reasonCode: null }, reasons)).toEqual([
      { value: 'available', label: { key: 'available' }, selectable: true },
      { value: 'idle:lunch', label: { text: 'Lunch' }, selectable: true },
      { value: 'idle:meeting', label: { text: 'Meeting' }, selectable: true },
    ]);
  });

  it('shows RONA only when the ACD set it, and never as a choice (A2)', () => {
    const options = stateOptions({ state: 'rona', reasonCode: null }, reasons);
    expect(options.at(-1)).toEqual({ value: 'rona', label: { key: 'rona' }, selectable: false });
    expect(stateOptions({ state: 'idle', reasonCode: 'lunch' }, reasons).some((o) => o.value === 'rona')).toBe(false);
    expect(chosenStateOf('rona', reasons)).toBeNull();
  });

  it('keeps an idle reason the list does not carry (shown by its code, not selectable)', () => {
    expect(stateOptions({ state: 'idle', reasonCode: 'training' }, reasons).at(-1)).toEqual({
      value: 'idle:training',
      label: { text: 'training' },
      selectable: false,
    });
    expect(stateOptions({ state: 'idle', reasonCode: null }, []).at(-1)).toEqual({ value: 'idle', label: { key: 'idle' }, selectable: false });
  });

  it('maps option values to set-state requests and back', () => {
    expect(chosenStateOf('available', reasons)).toEqual({ state: 'available' });
    expect(chosenStateOf('idle:meeting', reasons)).toEqual({ state: 'idle', reasonCode: 'meeting' });
    expect(chosenStateOf('idle:training', reasons)).toBeNull();
    expect(chosenStateOf('idle', reasons)).toBeNull();
    expect(stateValue({ state: 'idle', reasonCode: 'meeting' })).toBe('idle:meeting');
    expect(stateValue({ state: 'available' })).toBe('available');
    expect(stateValue({ state: 'rona', reasonCode: null })).toBe('rona');
  });

  it('names a pending choice for the "after this contact" hint (A3)', () => {
    expect(pendingLabel({ state: 'idle', reasonCode: 'lunch' }, reasons)).toEqual({ text: 'Lunch' });
    expect(pendingLabel({ state: 'idle', reasonCode: 'gone' }, reasons)).toEqual({ text: 'gone' });
    expect(pendingLabel({ state: 'available' }, reasons)).toEqual({ key: 'available' });
  });
});
