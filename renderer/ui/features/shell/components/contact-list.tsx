import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { ContactCard } from '../../contacts/components/contact-card';
import { ContactTabs } from '../../contacts/components/contact-tabs';
import { selectChannelCounts, selectTabContacts } from '../../contacts/selectors';
import { selectAgent } from '../../mirror/selectors';
import { contactTabSelected } from '../slice';
import './contact-list.css';

/**
 * Active-contact list (PRODUCT C1): channel tabs (with counts) over one
 * card per contact routed to the agent; the empty state explains when
 * cards will appear.
 */
export function ContactList() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const selected = useAppSelector((state) => state.shell.contactTab);
  const signedIn = useAppSelector(selectAgent) !== null;
  const cards = useAppSelector(selectTabContacts);
  const counts = useAppSelector(selectChannelCounts);
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
      <ContactTabs
        selected={selected}
        onSelect={(channel) => dispatch(contactTabSelected(channel))}
        counts={counts}
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
        {cards.length > 0 ? (
          <ul className="contact-cards" role="list" aria-label={t('contacts.listLabel', { channel: t(`contacts.channels.${selected}`) })}>
            {cards.map((card) => (
              <ContactCard key={card.contact.contactId} card={card} />
            ))}
          </ul>
        ) : (
          <EmptyState
            icon="contacts"
            testId="contact-list-empty"
            title={t('contacts.empty.title')}
            body={signedIn ? t('contacts.empty.signedIn') : t('contacts.empty.signedOut')}
          />
        )}
      </div>
    </section>
  );
}
