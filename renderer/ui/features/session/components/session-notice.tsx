import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { FailureNotice } from './failure-notice';
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
  return (
    <FailureNotice
      key={notice.id}
      testId="session-notice"
      action={t(`session.notice.action.${notice.action}`)}
      failure={notice.failure}
      data={{ action: notice.action }}
      onDismiss={() => dispatch(sessionNoticeDismissed())}
    />
  );
}
