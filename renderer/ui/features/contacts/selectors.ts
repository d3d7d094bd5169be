import { createSelector } from '@reduxjs/toolkit';
import type { Contact } from '../../../../common/agent-api/contact';
import type { RootState } from '../../app/root-reducer';
import { CONTACT_CHANNELS, type ContactChannel } from '../shell/slice';

/** A contact as its card shows it: with the offer's answer deadline while offered. */
export interface ContactCardData {
  contact: Contact;
  offerExpiresAt: number | null;
}

const selectView = (state: RootState) => state.mirror.state?.session.view ?? null;
const selectTab = (state: RootState) => state.shell.contactTab;

/** Every active contact in main's order, each with its offer deadline; empty when logged out. */
export const selectActiveContacts = createSelector([selectView], (view): ContactCardData[] =>
  (view?.contacts ?? []).map((contact) => ({
    contact,
    offerExpiresAt: view?.offers.find((o) => o.contactId === contact.contactId)?.expiresAt ?? null,
  })),
);

/** The contacts of the selected channel tab (All: every channel). */
export const selectTabContacts = createSelector([selectActiveContacts, selectTab], (cards, tab) =>
  tab === 'all' ? cards : cards.filter((c) => c.contact.channel === tab),
);

/** How many contacts each tab holds (its badge). */
export const selectChannelCounts = createSelector([selectActiveContacts], (cards) => {
  const counts = Object.fromEntries(CONTACT_CHANNELS.map((c) => [c, 0])) as Record<ContactChannel, number>;
  for (const { contact } of cards) counts[contact.channel] += 1;
  counts.all = cards.length;
  return counts;
});
