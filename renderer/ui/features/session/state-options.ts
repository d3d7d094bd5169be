import type { AgentStateView, ChosenState } from '../../../../common/agent-api/agent';
import type { LabelledCode } from '../../../../common/agent-api/primitives';

/**
 * The title bar's state dropdown (PRODUCT A1–A3) as data: option values
 * are `available`, `idle:<reason code>` and `rona`; `rona` is only ever
 * shown (the ACD sets it, A2) and can never be chosen.
 */
export interface StateOption {
  value: string;
  /** A fixed label (`agentState.<key>`) or an admin-defined one as sent. */
  label: { key: 'available' | 'idle' | 'rona' } | { text: string };
  selectable: boolean;
}

const IDLE_PREFIX = 'idle:';

/** The option value of a state. */
export function stateValue(state: ChosenState | Pick<AgentStateView, 'state' | 'reasonCode'>): string {
  if (state.state === 'available' || state.state === 'rona') return state.state;
  return state.reasonCode === null ? 'idle' : `${IDLE_PREFIX}${state.reasonCode}`;
}

/** The state an option value asks for, or null for one that cannot be chosen (RONA, unknown). */
export function chosenStateOf(value: string, idleReasons: readonly LabelledCode[]): ChosenState | null {
  if (value === 'available') return { state: 'available' };
  if (!value.startsWith(IDLE_PREFIX)) return null;
  const reasonCode = value.slice(IDLE_PREFIX.length);
  return idleReasons.some((r) => r.code === reasonCode) ? { state: 'idle', reasonCode } : null;
}

/**
 * Available, then one option per admin-defined idle reason. The current
 * state is always among the options: RONA (not selectable), or an idle
 * reason the agent's list does not carry (shown by its code).
 */
export function stateOptions(current: Pick<AgentStateView, 'state' | 'reasonCode'>, idleReasons: readonly LabelledCode[]): StateOption[] {
  const options: StateOption[] = [
    { value: 'available', label: { key: 'available' }, selectable: true },
    ...idleReasons.map((r) => ({ value: `${IDLE_PREFIX}${r.code}`, label: { text: r.label }, selectable: true })),
  ];
  const value = stateValue(current);
  if (!options.some((o) => o.value === value)) {
    const label: StateOption['label'] =
      current.state === 'rona' ? { key: 'rona' }
      : current.reasonCode === null ? { key: 'idle' }
      : { text: current.reasonCode };
    options.push({ value, label, selectable: false });
  }
  return options;
}

/** The label of a chosen-but-pending state (A3), for the "after this contact" hint. */
export function pendingLabel(pending: ChosenState, idleReasons: readonly LabelledCode[]): StateOption['label'] {
  if (pending.state === 'available') return { key: 'available' };
  const reason = idleReasons.find((r) => r.code === pending.reasonCode);
  return { text: reason?.label ?? pending.reasonCode };
}
