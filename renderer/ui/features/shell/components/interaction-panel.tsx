import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';

/** Centre panel: the interaction being worked on (voice lines, chat, email later). */
export function InteractionPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <main className="panel interaction-panel" data-testid="interaction-panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 className="panel__title" id={headingId}>
          {t('interaction.label')}
        </h2>
      </div>
      <div className="panel__body panel__body--centered">
        <EmptyState
          icon="interaction"
          testId="interaction-empty"
          title={t('interaction.empty.title')}
          body={t('interaction.empty.body')}
        />
      </div>
    </main>
  );
}
