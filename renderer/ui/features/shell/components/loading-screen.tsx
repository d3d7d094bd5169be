import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { snapshotRequested } from '../../mirror/intents';
import { NoticeBanner } from '../../notices/components/notice-banner';

/**
 * Shown until the first snapshot is applied. If fetching it failed, the
 * notice says why and the agent can try again (events may still arrive).
 */
export function LoadingScreen() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const failed = useAppSelector((state) => state.notices.items.length > 0);
  return (
    <div className="loading-screen">
      <NoticeBanner />
      <div className="loading-screen__content" role="status">
        <Icon name="logo" className="loading-screen__logo" />
        <p className="loading-screen__title">{t('app.loading')}</p>
        <p className="loading-screen__hint">{t('app.loadingHint')}</p>
        {failed ? (
          <button
            type="button"
            className="button button--primary"
            data-testid="snapshot-retry"
            onClick={() => dispatch(snapshotRequested())}
          >
            {t('app.retry')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
