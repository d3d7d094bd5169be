import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { FailureNotice } from '../../session/components/failure-notice';
import { selectWrapUpUi } from '../selectors';
import { wrapUpNoticeDismissed } from '../slice';

/** A refused wrap-up submit or auto wrap-up cancel, in the agent's language. */
export function WrapUpNotice() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const notice = useAppSelector(selectWrapUpUi).notice;
  if (!notice) return null;
  return (
    <FailureNotice
      key={notice.id}
      testId="wrapup-notice"
      action={t(`wrapUp.notice.action.${notice.action}`)}
      failure={notice.failure}
      data={{ action: notice.action, 'contact-id': notice.contactId }}
      onDismiss={() => dispatch(wrapUpNoticeDismissed())}
    />
  );
}
