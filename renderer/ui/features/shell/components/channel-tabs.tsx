import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type ContactChannel } from '../slice';

interface ChannelTabsProps {
  selected: ContactChannel;
  onSelect: (channel: ContactChannel) => void;
  /** id of the tab panel the tabs control. */
  panelId: string;
  idPrefix: string;
}

/**
 * WAI-ARIA tabs with a roving tabindex: one Tab stop for the whole list,
 * arrows/Home/End move between channels and select them.
 */
export function ChannelTabs({ selected, onSelect, panelId, idPrefix }: ChannelTabsProps) {
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
      {CONTACT_CHANNELS.map((channel) => (
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
          aria-selected={channel === selected}
          aria-controls={panelId}
          tabIndex={channel === selected ? 0 : -1}
          onClick={() => onSelect(channel)}
        >
          {t(`contacts.channels.${channel}`)}
        </button>
      ))}
    </div>
  );
}
