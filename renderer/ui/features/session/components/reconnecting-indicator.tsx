import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../../app/hooks';
import { selectSessionStatus } from '../selectors';
import './session-controls.css';

/** The agent API connection dropped and main is resuming the session (within the server's window). */
export function ReconnectingIndicator() {
  const { t } = useTranslation();
  const status = useAppSelector(selectSessionStatus);
  return (
    <span role="status" className="session-reconnecting-region">
      {status === 'reconnecting' ? (
        <span className="status-chip session-reconnecting" data-testid="session-reconnecting" title={t('session.reconnecting.hint')}>
          <span className="session-reconnecting__spinner" aria-hidden="true" />
          <span className="status-chip__text">{t('session.reconnecting.label')}</span>
        </span>
      ) : null}
    </span>
  );
}
