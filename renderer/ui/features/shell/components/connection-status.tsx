import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../../../../common/contract/snapshot';

/**
 * Server connection. `unconfigured` is a normal first-run state (no server
 * profile yet), so it is shown neutrally, never as an error.
 */
export function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  const { t } = useTranslation();
  const status = t(`connection.status.${connection.status}`);
  // `lab` is main's name for the built-in lab; anything else is a server's host.
  const named = connection.status === 'unconfigured' ? null : connection.profileName;
  const profile = named === 'lab' ? t('connection.builtinLab') : named;
  const text =
    profile === null ? status
    : connection.status === 'connecting' ? t('connection.connectingTo', { profile })
    : t('connection.withProfile', { status, profile });
  return (
    <div
      className={`status-chip status-chip--connection-${connection.status}`}
      data-testid="connection-status"
      data-status={connection.status}
      role="status"
      aria-label={`${t('connection.label')}: ${text}`}
      title={`${t('connection.label')}: ${text}`}
    >
      <span className="status-chip__dot" aria-hidden="true" />
      <span className="status-chip__text">{text}</span>
    </div>
  );
}
