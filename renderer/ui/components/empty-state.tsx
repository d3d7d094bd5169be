import { Icon, type IconName } from './icon';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  body?: string;
  testId?: string;
}

/** The honest "nothing here yet" of a panel: what will appear, and when. */
export function EmptyState({ icon, title, body, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <Icon name={icon} className="empty-state__icon" />
      <p className="empty-state__title">{title}</p>
      {body ? <p className="empty-state__body">{body}</p> : null}
    </div>
  );
}
