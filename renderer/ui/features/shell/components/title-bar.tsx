import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icon';
import { useAppSelector } from '../../../app/hooks';
import { selectAgent, selectConnection } from '../../mirror/selectors';
import { EngineStatus } from '../../engine/components/engine-status';
import { LogoutButton } from '../../session/components/logout-button';
import { ReconnectingIndicator } from '../../session/components/reconnecting-indicator';
import { RegistrationStatus } from '../../softphone/components/registration-status';
import { AgentIdentity } from './agent-identity';
import { AgentStateSelect } from './agent-state-select';
import { ConnectionStatus } from './connection-status';
import './title-bar.css';

/** Top bar (PRODUCT S5): who is signed in, their state, log out, and system health. */
export function TitleBar() {
  const { t } = useTranslation();
  const agent = useAppSelector(selectAgent);
  const connection = useAppSelector(selectConnection);
  return (
    <header className="title-bar" data-testid="title-bar" aria-label={t('titleBar.label')}>
      <div className="title-bar__brand">
        <Icon name="logo" className="title-bar__logo" />
        <span className="title-bar__product">{t('app.name')}</span>
      </div>
      <div className="title-bar__agent">
        <AgentIdentity agent={agent} />
        <AgentStateSelect />
        <LogoutButton />
      </div>
      <div className="title-bar__status">
        <ReconnectingIndicator />
        {connection ? <ConnectionStatus connection={connection} /> : null}
        <RegistrationStatus />
        <EngineStatus />
      </div>
    </header>
  );
}
