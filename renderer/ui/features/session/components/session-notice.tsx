import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { failureText } from '../failure';
import { selectSessionUi } from '../selectors';
import { sessionNoticeDismissed } from '../slice';

/**
 * A refused state change or logout: what was attempted, then the agent
 * API's reason in the agent's language (e.g. logout during a contact, S3).
 */
export function SessionNotice() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const notice = useAppSelector(selectSessionUi).notice;
  if (!notice) return null;
  const { failure } = notice;
  return (
    <section className="notices" aria-label={t('notices.label')}>
      <div
        key={notice.id}
        className="notice"
        role="alert"
        data-testid="session-notice"
        data-action={notice.action}
        data-source={failure.source}
        data-code={failure.code}
      >
        <Icon name="alert" className="notice__icon" />
        <p className="notice__text">
          <strong>{t(`session.notice.action.${notice.action}`)}</strong> {failureText(t, failure)}
        </p>
        <button
          type="button"
          className="icon-button notice__dismiss"
          aria-label={t('notices.dismiss')}
          title={t('notices.dismiss')}
          data-testid="session-notice-dismiss"
          onClick={() => dispatch(sessionNoticeDismissed())}
        >
          <Icon name="close" />
        </button>
      </div>
    </section>
  );
}
