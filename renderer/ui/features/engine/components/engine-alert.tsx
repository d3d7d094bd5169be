import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectEngine } from '../../mirror/selectors';
import { engineRestartRequested } from '../slice';
import './engine-alert.css';

/**
 * Shown while the engine supervisor has given up (`failed`): calls cannot
 * have audio, so the agent is told plainly and offered the manual restart.
 */
export function EngineAlert() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const engine = useAppSelector(selectEngine);
  const restartPending = useAppSelector((state) => state.engine.restartPending);
  if (engine?.status !== 'failed') return null;
  return (
    <div className="engine-alert" role="alert" data-testid="engine-alert">
      <Icon name="alert" className="engine-alert__icon" />
      <p className="engine-alert__text">
        <strong>{t('engine.failedTitle')}</strong> {t('engine.failedHint')}
      </p>
      <button
        type="button"
        className="button button--danger button--compact"
        data-testid="engine-restart"
        disabled={restartPending}
        onClick={() => dispatch(engineRestartRequested())}
      >
        <Icon name="restart" />
        {restartPending ? t('engine.restartPending') : t('engine.restart')}
      </button>
    </div>
  );
}
