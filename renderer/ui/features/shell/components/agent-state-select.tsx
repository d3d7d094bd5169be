import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentView } from '../../../../../common/contract/snapshot';

/** Agent states the UI has words for; admin-defined idle reasons show as sent. */
const KNOWN_STATES = ['available', 'idle', 'rona'] as const;
type KnownState = (typeof KNOWN_STATES)[number];

function knownState(state: string): KnownState | null {
  const key = state.trim().toLowerCase();
  return (KNOWN_STATES as readonly string[]).includes(key) ? (key as KnownState) : null;
}

/**
 * The title bar's state dropdown. The contract has no verb to change the
 * agent state yet (it arrives with the agent API), so the dropdown shows the
 * mirrored state and stays disabled, saying why, instead of pretending.
 */
export function AgentStateSelect({ agent }: { agent: AgentView | null }) {
  const { t } = useTranslation();
  const hintId = useId();
  const current = agent ? agent.state : '';
  const known = agent ? knownState(agent.state) : null;
  const tone = agent ? (known ?? 'other') : 'none';
  const label = (state: KnownState) => t(`agentState.${state}`);

  const options = agent
    ? [
        ...(known === null ? [{ value: current, text: current }] : []),
        ...KNOWN_STATES.filter((s) => s !== 'rona' || known === 'rona').map((s) => ({
          value: s === known ? current : s,
          text: label(s),
        })),
      ]
    : [{ value: '', text: '—' }];

  return (
    <div className={`state-select state-select--${tone}`}>
      <span className="state-select__dot" aria-hidden="true" />
      <select
        className="state-select__control"
        data-testid="agent-state"
        data-state={current}
        aria-label={t('titleBar.state')}
        aria-describedby={hintId}
        value={current}
        disabled
        onChange={() => undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
      <span id={hintId} className="visually-hidden">
        {agent ? t('titleBar.stateChangeUnavailable') : t('titleBar.stateNeedsSignIn')}
      </span>
    </div>
  );
}
