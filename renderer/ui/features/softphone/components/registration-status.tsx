import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectSoftphone } from '../../mirror/selectors';
import { auxViewOpened } from '../../shell/slice';
import { registrationText } from '../registration-text';
import './registration-status.css';

/**
 * The SIP registration chip in the title bar, next to the server
 * connection. It is a button: a click (or Enter/Space) opens the settings
 * view, where the account is set up and "Reconnect now" lives.
 */
export function RegistrationStatus() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const softphone = useAppSelector(selectSoftphone);
  if (!softphone) return null;
  const { registration } = softphone;
  const text = registrationText(t, registration);
  const label = `${t('softphone.registration.label')}: ${text}`;
  return (
    <span className="registration-status" role="status">
      <button
        type="button"
        className={`status-chip status-chip--button status-chip--registration-${registration.status}`}
        data-testid="registration-status"
        data-status={registration.status}
        data-code={registration.code ?? undefined}
        aria-label={`${label}. ${t('softphone.registration.openSettings')}`}
        title={`${label} · ${t('softphone.registration.openSettings')}`}
        onClick={() => dispatch(auxViewOpened('settings'))}
      >
        <Icon name="phone" className="status-chip__icon" />
        <span className="status-chip__text">{text}</span>
      </button>
    </span>
  );
}
