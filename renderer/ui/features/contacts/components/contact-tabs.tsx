import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type ContactChannel } from '../../shell/slice';

interface ContactTabsProps {
  selected: ContactChannel;
  onSelect: (channel: ContactChannel) => void;
  /** How many active contacts each tab holds (its badge). */
  counts: Record<ContactChannel, number>;
  /** id of the tab panel the tabs control. */
  panelId: string;
  idPrefix: string;
}

/**
 * The contact list's channel tabs (C1: All plus one per channel), each with
 * a count badge. WAI-ARIA tabs with a roving tabindex: one Tab stop,
 * arrows/Home/End move between channels and select them.
 */
export function ContactTabs({ selected, onSelect, counts, panelId, idPrefix }: ContactTabsProps) {
  const { t } = useTranslation();
  const refs = useRef(new Map<ContactChannel, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = CONTACT_CHANNELS.indexOf(selected);
    const last = CONTACT_CHANNELS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % CONTACT_CHANNELS.length
      : event.key === 'ArrowLeft' ? (index + last) % CONTACT_CHANNELS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const channel = CONTACT_CHANNELS[next];
    if (!channel) return;
    onSelect(channel);
    refs.current.get(channel)?.focus();
  };

  return (
    <div className="channel-tabs" role="tablist" aria-label={t('contacts.tabsLabel')} onKeyDown={move}>
      {CONTACT_CHANNELS.map((channel) => {
        const label = t(`contacts.channels.${channel}`);
        const count = counts[channel];
        return (
          <button
            key={channel}
            ref={(el) => {
              if (el) refs.current.set(channel, el);
              else refs.current.delete(channel);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-${channel}`}
            className="channel-tabs__tab"
            data-testid={`contact-tab-${channel}`}
            data-count={count}
            aria-selected={channel === selected}
            aria-controls={panelId}
            aria-label={t('contacts.tabCount', { channel: label, count })}
            tabIndex={channel === selected ? 0 : -1}
            onClick={() => onSelect(channel)}
          >
            {label}
            {count > 0 ? (
              <span className="channel-tabs__badge" aria-hidden="true" data-testid={`contact-tab-count-${channel}`}>
                {count}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
