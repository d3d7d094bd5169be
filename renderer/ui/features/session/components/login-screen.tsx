import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { auxViewOpened } from '../../shell/slice';
import { selectSession } from '../selectors';
import { EndedBanner } from './ended-banner';
import { LoginForm } from './login-form';
import './login-screen.css';
import './session-controls.css';

/**
 * Shown instead of the contact list and interaction panel while the agent
 * is not logged in (or logging in). Navigation, settings (devices, phone,
 * language) and help stay reachable around it, so the agent can set up
 * before logging in.
 */
export function LoginScreen() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const session = useAppSelector(selectSession);
  const titleId = useId();
  if (!session) return null;
  return (
    <section className="panel login-screen" data-testid="login-screen" data-status={session.status} aria-labelledby={titleId}>
      <div className="login-screen__body">
        <div className="login-screen__card">
          <div className="login-screen__brand">
            <Icon name="logo" className="login-screen__logo" />
            <h1 className="login-screen__title" id={titleId}>
              {t('session.login.heading')}
            </h1>
          </div>
          <EndedBanner reason={session.endedBecause} />
          <LoginForm session={session} labelledBy={titleId} />
          <p className="login-screen__setup">
            {t('session.login.setupHint')}{' '}
            <button type="button" className="login-screen__link" data-testid="login-open-settings" onClick={() => dispatch(auxViewOpened('settings'))}>
              {t('session.login.openSettings')}
            </button>
          </p>
        </div>
      </div>
    </section>
  );
}
