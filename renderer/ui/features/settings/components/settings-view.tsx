import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectAppInfo } from '../../mirror/selectors';
import { pingRequested } from '../slice';
import { AudioDevicesSection } from '../../softphone/components/audio-devices';
import { SipAccountForm } from '../../softphone/components/sip-account-form';
import { LanguageSelect } from './language-select';
import './settings-view.css';

const PLATFORM_KEYS = ['linux', 'darwin', 'win32'] as const;
type KnownPlatform = (typeof PLATFORM_KEYS)[number];
const isKnownPlatform = (p: string): p is KnownPlatform => (PLATFORM_KEYS as readonly string[]).includes(p);

/** Settings in the auxiliary panel: language, audio devices, phone (SIP account), diagnostics, about. */
export function SettingsView() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const info = useAppSelector(selectAppInfo);
  const ping = useAppSelector((state) => state.settings.ping);
  const platform = info ? (isKnownPlatform(info.platform) ? t(`platforms.${info.platform}`) : info.platform) : '';

  return (
    <div className="settings-view" data-testid="settings-view">
      <section className="settings-view__section">
        <LanguageSelect />
      </section>

      <AudioDevicesSection />

      <SipAccountForm />

      <section className="settings-view__section" aria-labelledby="settings-diagnostics">
        <h3 className="settings-view__heading" id="settings-diagnostics">
          {t('settings.diagnostics.title')}
        </h3>
        <button
          type="button"
          className="button"
          data-testid="settings-ping"
          disabled={ping.status === 'pending'}
          onClick={() => dispatch(pingRequested())}
        >
          {ping.status === 'pending' ? t('settings.diagnostics.pinging') : t('settings.diagnostics.ping')}
        </button>
        <p className="field__hint" role="status" data-testid="settings-ping-result" data-status={ping.status}>
          {ping.status === 'answered' ? t('settings.diagnostics.answered', { ms: ping.roundTripMs ?? 0 }) : null}
          {ping.status === 'failed' ? t('settings.diagnostics.failed') : null}
        </p>
      </section>

      <section className="settings-view__section" aria-labelledby="settings-about">
        <h3 className="settings-view__heading" id="settings-about">
          {t('settings.about.title')}
        </h3>
        <dl className="facts">
          <dt>{t('settings.about.version')}</dt>
          <dd data-testid="app-version">
            {info?.name} {info?.version}
          </dd>
          <dt>{t('settings.about.platform')}</dt>
          <dd data-testid="app-platform">{platform}</dd>
        </dl>
      </section>
    </div>
  );
}
