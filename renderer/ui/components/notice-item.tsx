import { useTranslation } from 'react-i18next';
import { Icon } from './icon';

export interface NoticeItemProps {
  /** `data-testid` of the notice; its dismiss button gets `<testId>-dismiss`. */
  testId: string;
  /** What the agent attempted, e.g. "Could not log out". */
  action: string;
  /** Why, in the agent's language. */
  reason: string;
  /** `data-*` attributes for QA (code, action, reason, source). */
  data: Record<string, string | undefined>;
  onDismiss(): void;
}

/** One dismissible failure line: what was attempted, then why. */
export function NoticeItem({ testId, action, reason, data, onDismiss }: NoticeItemProps) {
  const { t } = useTranslation();
  const attributes = Object.fromEntries(Object.entries(data).map(([key, value]) => [`data-${key}`, value]));
  return (
    <div className="notice" role="alert" data-testid={testId} {...attributes}>
      <Icon name="alert" className="notice__icon" />
      <p className="notice__text">
        <strong>{action}</strong> {reason}
      </p>
      <button
        type="button"
        className="icon-button notice__dismiss"
        aria-label={t('notices.dismiss')}
        title={t('notices.dismiss')}
        data-testid={`${testId}-dismiss`}
        onClick={onDismiss}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}
