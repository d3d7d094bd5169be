import { useTranslation } from 'react-i18next';
import type { AgentView } from '../../../../../common/contract/snapshot';

/** Name, DN and team of the signed-in agent (seed ch. 2, "title bar"). */
export function AgentIdentity({ agent }: { agent: AgentView | null }) {
  const { t } = useTranslation();
  if (!agent) {
    return (
      <div className="agent-identity">
        <span className="agent-identity__name agent-identity__name--muted" data-testid="agent-name">
          {t('titleBar.notSignedIn')}
        </span>
      </div>
    );
  }
  return (
    <dl className="agent-identity">
      <div className="agent-identity__item">
        <dt className="visually-hidden">{t('titleBar.agent')}</dt>
        <dd className="agent-identity__name" data-testid="agent-name" title={agent.name}>
          {agent.name}
        </dd>
      </div>
      <div className="agent-identity__item">
        <dt className="agent-identity__label">{t('titleBar.dn')}</dt>
        <dd className="agent-identity__value" data-testid="agent-dn">
          {agent.dn}
        </dd>
      </div>
      <div className="agent-identity__item">
        <dt className="agent-identity__label">{t('titleBar.team')}</dt>
        <dd className="agent-identity__value" data-testid="agent-team" title={agent.team}>
          {agent.team}
        </dd>
      </div>
    </dl>
  );
}
