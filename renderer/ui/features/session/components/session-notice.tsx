import { useTranslation } from 'react-i18next';
import { NoticeItem } from '../../../components/notice-item';
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
      <NoticeItem
        key={notice.id}
        testId="session-notice"
        action={t(`session.notice.action.${notice.action}`)}
        reason={failureText(t, failure)}
        data={{ action: notice.action, source: failure.source, code: failure.code }}
        onDismiss={() => dispatch(sessionNoticeDismissed())}
      />
    </section>
  );
}
