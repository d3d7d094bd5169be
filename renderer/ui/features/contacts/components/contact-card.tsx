import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../../common/agent-api/contact';
import { Icon, type IconName } from '../../../components/icon';
import { answerSecondsLeft, answeredAt, contactTimer, queueLabel, stateLabel } from '../contact-timer';
import type { ContactCardData } from '../selectors';
import { useNow } from './use-now';
import './contacts.css';

const CHANNEL_ICONS: Record<Contact['channel'], IconName> = { voice: 'phone' };

/**
 * One active contact (C1): channel, customer, queue, state in words (with
 * a "Consulted" badge on line 2's view) and its timer, updated every second.
 */
export function ContactCard({ card }: { card: ContactCardData }) {
  const { t } = useTranslation();
  const { contact, offerExpiresAt } = card;
  // Remembered across state changes (stateSince moves on a consult); adjusted while rendering.
  const [remembered, setRemembered] = useState<number | null>(null);
  const answered = answeredAt(contact, remembered);
  if (answered !== remembered) setRemembered(answered);
  const now = useNow(contact.state !== 'ended');
  const timer = contactTimer(contact, now, answered);
  const deadline = contact.state === 'offered' ? answerSecondsLeft(offerExpiresAt, now) : null;
  const queue = queueLabel(contact);
  const number = contact.customer.number;
  const channel = t(`contacts.channels.${contact.channel}`);
  const state = t(`contacts.state.${stateLabel(contact)}`);

  return (
    <li
      className="contact-card"
      data-testid="contact-card"
      data-contact-id={contact.contactId}
      data-state={contact.state}
      data-channel={contact.channel}
    >
      <div className="contact-card__top">
        <span className="contact-card__channel" title={channel}>
          <Icon name={CHANNEL_ICONS[contact.channel]} className="contact-card__icon" />
          <span className="visually-hidden">{channel}</span>
        </span>
        <span className="contact-card__customer" data-testid="contact-card-customer">
          <span className="contact-card__name">{contact.customer.display}</span>
          {number !== null && number !== contact.customer.display ? <span className="contact-card__number">{number}</span> : null}
        </span>
        {timer ? (
          <span
            className="contact-card__timer"
            data-testid="contact-card-timer"
            data-kind={timer.kind}
            role="timer"
            aria-label={t(`contacts.timer.${timer.kind}`, { time: timer.text })}
          >
            {timer.text}
          </span>
        ) : null}
      </div>
      <div className="contact-card__bottom">
        <span className="contact-card__queue" data-testid="contact-card-queue">
          {'name' in queue ? queue.name : t(`contacts.queue.${queue.key}`)}
        </span>
        <span className="contact-card__state" data-testid="contact-card-state">
          {state}
        </span>
        {contact.role === 'consulted' ? (
          <span className="contact-card__badge" data-testid="contact-card-consulted">
            {t('contacts.card.consulted')}
          </span>
        ) : null}
      </div>
      {deadline !== null ? (
        <p className="contact-card__deadline" data-testid="contact-card-deadline" data-seconds={deadline}>
          {t('contacts.card.answerWithin', { seconds: deadline })}
        </p>
      ) : null}
    </li>
  );
}
