import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectAgent } from '../../mirror/selectors';
import { contactTabSelected } from '../slice';
import { ChannelTabs } from './channel-tabs';
import './contact-list.css';

/**
 * Active-contact list (PRODUCT C1): channel tabs over the cards routed to
 * the agent. Contact cards arrive with the agent API; until then the list
 * explains when they will appear.
 */
export function ContactList() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const selected = useAppSelector((state) => state.shell.contactTab);
  const signedIn = useAppSelector(selectAgent) !== null;
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const panelId = `${baseId}-panel`;
  return (
    <section className="panel contact-list" data-testid="contact-list" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 className="panel__title" id={headingId}>
          {t('contacts.title')}
        </h2>
      </div>
      <ChannelTabs
        selected={selected}
        onSelect={(channel) => dispatch(contactTabSelected(channel))}
        panelId={panelId}
        idPrefix={`${baseId}-tab`}
      />
      <div
        className="panel__body"
        role="tabpanel"
        tabIndex={0}
        id={panelId}
        aria-labelledby={`${baseId}-tab-${selected}`}
        data-channel={selected}
      >
        <EmptyState
          icon="contacts"
          testId="contact-list-empty"
          title={t('contacts.empty.title')}
          body={signedIn ? t('contacts.empty.signedIn') : t('contacts.empty.signedOut')}
        />
      </div>
    </section>
  );
}
