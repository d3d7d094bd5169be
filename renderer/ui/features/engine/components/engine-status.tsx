import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../../app/hooks';
import { selectEngine } from '../../mirror/selectors';

/**
 * The hidden media engine's health, as main's supervisor reports it. When it
 * gave up (`failed`), `EngineAlert` below the title bar offers the restart.
 */
export function EngineStatus() {
  const { t } = useTranslation();
  const engine = useAppSelector(selectEngine);
  if (!engine) return null;
  const statusText = t(`engine.status.${engine.status}`);
  const restarts = engine.restarts > 0 ? t('engine.restarts', { count: engine.restarts }) : null;
  return (
    <div
      className={`status-chip status-chip--engine-${engine.status}`}
      data-testid="engine-status"
      data-status={engine.status}
      data-restarts={engine.restarts}
      role="status"
      title={[`${t('engine.label')}: ${statusText}`, restarts].filter(Boolean).join(' · ')}
    >
      <span className="status-chip__dot" aria-hidden="true" />
      <span className="status-chip__label">{t('engine.label')}</span>
      <span className="status-chip__text">{statusText}</span>
      {restarts ? <span className="status-chip__meta">{restarts}</span> : null}
    </div>
  );
}
