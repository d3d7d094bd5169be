import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { noticeDismissed } from '../slice';
import './notice-banner.css';

/**
 * Failures main reported for the agent's requests, one dismissible line
 * each: what was attempted, then why (`errors.ipc.<code>`, or for a call
 * command the line table refused, `softphone.refusal.<reason>`).
 */
export function NoticeBanner() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const notices = useAppSelector((state) => state.notices.items);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.label')}>
      {notices.map((notice) => (
        <div
          key={notice.id}
          className="notice"
          role="alert"
          data-testid="notice"
          data-code={notice.code}
          data-action={notice.action}
          data-reason={notice.reason}
        >
          <Icon name="alert" className="notice__icon" />
          <p className="notice__text">
            <strong>{t(`notices.action.${notice.action}`)}</strong>{' '}
            {notice.reason ? t(`softphone.refusal.${notice.reason}`) : t(`errors.ipc.${notice.code}`)}
          </p>
          <button
            type="button"
            className="icon-button notice__dismiss"
            aria-label={t('notices.dismiss')}
            title={t('notices.dismiss')}
            data-testid="notice-dismiss"
            onClick={() => dispatch(noticeDismissed(notice.id))}
          >
            <Icon name="close" />
          </button>
        </div>
      ))}
    </section>
  );
}
