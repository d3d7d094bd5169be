import { useTranslation } from 'react-i18next';
import { NoticeItem } from '../../../components/notice-item';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { failureText } from '../../session/failure';
import { selectWrapUpUi } from '../selectors';
import { wrapUpNoticeDismissed } from '../slice';

/** A refused wrap-up submit or auto wrap-up cancel, in the agent's language. */
export function WrapUpNotice() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const notice = useAppSelector(selectWrapUpUi).notice;
  if (!notice) return null;
  const { failure } = notice;
  return (
    <section className="notices" aria-label={t('notices.label')}>
      <NoticeItem
        key={notice.id}
        testId="wrapup-notice"
        action={t(`wrapUp.notice.action.${notice.action}`)}
        reason={failureText(t, failure)}
        data={{ action: notice.action, source: failure.source, code: failure.code, 'contact-id': notice.contactId }}
        onDismiss={() => dispatch(wrapUpNoticeDismissed())}
      />
    </section>
  );
}
