import { useTranslation } from 'react-i18next';
import type { LogoutReason } from '../../../../../common/agent-api/agent';
import { Icon } from '../../../components/icon';

/**
 * Why the last session ended when the agent did not ask (PRODUCT S4,
 * seed ch. 1 "logout"): supervisor, signed in elsewhere, lost connection,
 * locked account, expired password… A logout the agent asked for is not news.
 */
export function EndedBanner({ reason }: { reason: LogoutReason | null }) {
  const { t } = useTranslation();
  if (reason === null || reason === 'logout') return null;
  return (
    <div className="login-ended" role="alert" data-testid="login-ended-reason" data-reason={reason}>
      <Icon name="alert" className="login-ended__icon" />
      <div>
        <p className="login-ended__title">{t('session.ended.title')}</p>
        <p className="login-ended__text">{t(`session.ended.reason.${reason}`)}</p>
      </div>
    </div>
  );
}
