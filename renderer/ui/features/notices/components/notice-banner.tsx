import { useTranslation } from 'react-i18next';
import { NoticeItem } from '../../../components/notice-item';
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
        <NoticeItem
          key={notice.id}
          testId="notice"
          action={t(`notices.action.${notice.action}`)}
          reason={notice.reason ? t(`softphone.refusal.${notice.reason}`) : t(`errors.ipc.${notice.code}`)}
          data={{ code: notice.code, action: notice.action, reason: notice.reason }}
          onDismiss={() => dispatch(noticeDismissed(notice.id))}
        />
      ))}
    </section>
  );
}
