import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectSession, selectSessionUi } from '../../session/selectors';
import { agentStateChosen } from '../../session/slice';
import { chosenStateOf, pendingLabel, stateOptions, stateValue, type StateOption } from '../../session/state-options';

/**
 * The title bar's state dropdown (PRODUCT A1–A3): Available, then the
 * admin-defined idle reasons. RONA shows when the ACD set it and cannot be
 * chosen (A2); a state chosen during a contact shows as "after this
 * contact" until it applies (A3). Picking one sends the intent; the
 * dropdown shows the pick until main answers, then main's state again
 * (a second pick meanwhile is dropped). Disabled, saying why, until logged
 * in and while reconnecting.
 */
export function AgentStateSelect() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const hintId = useId();
  const session = useAppSelector(selectSession);
  const pendingChoice = useAppSelector(selectSessionUi).statePending;
  const agent = session?.agent ?? null;
  const agentState = session?.view?.agentState ?? null;
  const live = session !== null && (session.status === 'logged-in' || session.status === 'reconnecting') && agent !== null && agentState !== null;

  if (!live) {
    return (
      <div className="state-select state-select--none">
        <span className="state-select__dot" aria-hidden="true" />
        <select className="state-select__control" data-testid="agent-state" data-state="" aria-label={t('titleBar.state')} aria-describedby={hintId} value="" disabled onChange={() => undefined}>
          <option value="">—</option>
        </select>
        <span id={hintId} className="visually-hidden">
          {t('titleBar.stateNeedsSignIn')}
        </span>
      </div>
    );
  }

  const labelOf = (label: StateOption['label']) => ('key' in label ? t(`agentState.${label.key}`) : label.text);
  const options = stateOptions(agentState, agent.idleReasons);
  const value = pendingChoice ? stateValue(pendingChoice) : stateValue(agentState);
  const reconnecting = session.status === 'reconnecting';
  const pending = agentState.pending;
  const pendingText = pending ? t('titleBar.pendingState', { state: labelOf(pendingLabel(pending, agent.idleReasons)) }) : null;
  const hint = reconnecting ? t('titleBar.stateWhileReconnecting') : null;

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const chosen = chosenStateOf(event.target.value, agent.idleReasons);
    if (chosen && event.target.value !== value) dispatch(agentStateChosen(chosen));
  };

  return (
    <div className={`state-select state-select--${agentState.state}`}>
      <span className="state-select__dot" aria-hidden="true" />
      <select
        className="state-select__control"
        data-testid="agent-state"
        data-state={agentState.state}
        data-reason={agentState.reasonCode ?? undefined}
        aria-label={t('titleBar.state')}
        aria-describedby={[pendingText ? `${hintId}-pending` : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined}
        aria-busy={pendingChoice !== null}
        value={value}
        disabled={reconnecting}
        onChange={onChange}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={!o.selectable}>
            {labelOf(o.label)}
          </option>
        ))}
      </select>
      {pendingText ? (
        <span id={`${hintId}-pending`} className="state-select__pending" data-testid="agent-state-pending" role="status">
          {pendingText}
        </span>
      ) : null}
      {hint ? (
        <span id={hintId} className="visually-hidden">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
