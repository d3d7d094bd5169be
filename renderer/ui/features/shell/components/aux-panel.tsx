import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { Icon, type IconName } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { SettingsView } from '../../settings/components/settings-view';
import { DialBox } from '../../softphone/components/dial-box';
import { auxViewClosed, type AuxView } from '../slice';

/** Views that are only an explained empty state until sign-in exists. */
type PlaceholderView = Exclude<AuxView, 'settings' | 'dialpad'>;
const PLACEHOLDER_ICONS: Record<PlaceholderView, IconName> = {
  customer: 'customer',
  history: 'history',
  statistics: 'statistics',
};

/**
 * Right-hand auxiliary panel (seed ch. 2): customer information by default;
 * the navigation bar opens history, statistics, dialpad and settings here.
 */
export function AuxPanel() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const view = useAppSelector((state) => state.shell.auxView);
  const headingId = useId();
  const title = view === 'settings' ? t('settings.title') : t(`aux.${view}.title`);
  return (
    <aside
      className="panel aux-panel"
      id="aux-panel"
      data-testid="aux-panel"
      data-view={view}
      aria-labelledby={headingId}
    >
      <div className="panel__header">
        <h2 className="panel__title" id={headingId}>
          {title}
        </h2>
        {view !== 'customer' ? (
          <button
            type="button"
            className="icon-button"
            data-testid="aux-close"
            aria-label={t('aux.close')}
            title={t('aux.close')}
            onClick={() => dispatch(auxViewClosed())}
          >
            <Icon name="close" />
          </button>
        ) : null}
      </div>
      <div className="panel__body" data-testid={`aux-view-${view}`}>
        {view === 'settings' ? (
          <SettingsView />
        ) : view === 'dialpad' ? (
          <DialBox />
        ) : (
          <EmptyState icon={PLACEHOLDER_ICONS[view]} title={title} body={t(`aux.${view}.empty`)} />
        )}
      </div>
    </aside>
  );
}
