import { useTranslation } from 'react-i18next';
import { NoticeItem } from '../../../components/notice-item';
import { failureText, type SessionFailure } from '../failure';

/**
 * A refused agent-API request (state change, logout, wrap-up, …) as one
 * dismissible notice: what was attempted, then the reason in the agent's
 * language.
 */
export function FailureNotice({
  testId,
  action,
  failure,
  data = {},
  onDismiss,
}: {
  testId: string;
  action: string;
  failure: SessionFailure;
  data?: Record<string, string | undefined>;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="notices" aria-label={t('notices.label')}>
      <NoticeItem
        testId={testId}
        action={action}
        reason={failureText(t, failure)}
        data={{ ...data, source: failure.source, code: failure.code }}
        onDismiss={onDismiss}
      />
    </section>
  );
}
