import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { useAppSelector } from '../../../app/hooks';
import { selectLines } from '../../mirror/selectors';
import { CallPanel } from '../../softphone/components/call-panel';
import { WrapUpList } from '../../wrap-up/components/wrap-up-list';
import { selectOwedWrapUps } from '../../wrap-up/selectors';

/**
 * Centre panel: the interaction being worked on (voice lines now; chat,
 * email later), with owed wrap-ups at the top.
 */
export function InteractionPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const lines = useAppSelector(selectLines);
  const onCall = lines !== null && (lines.phone.line1.state !== 'idle' || lines.phone.line2.state !== 'idle');
  const wrapUpsOwed = useAppSelector(selectOwedWrapUps).length > 0;
  return (
    <main className="panel interaction-panel" data-testid="interaction-panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 className="panel__title" id={headingId}>
          {onCall ? t('softphone.panelTitle') : t('interaction.label')}
        </h2>
      </div>
      <WrapUpList />
      {onCall ? (
        <div className="panel__body">
          <CallPanel lines={lines} />
        </div>
      ) : wrapUpsOwed ? null : (
        <div className="panel__body panel__body--centered">
          <EmptyState
            icon="interaction"
            testId="interaction-empty"
            title={t('interaction.empty.title')}
            body={t('interaction.empty.body')}
          />
        </div>
      )}
    </main>
  );
}
