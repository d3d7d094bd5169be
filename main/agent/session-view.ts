import type { AgentApiEvent, AgentSnapshot, Contact } from '../../common/agent-api';

/**
 * The agent API's events applied to the agent's view (state, contacts,
 * offers, owed wrap-ups). Pure: every event carries whole objects, so
 * applying one twice (a resume may repeat a few) changes nothing more.
 * Events that do not change the view (session, directory, error, consult
 * progress) are handled by the session itself.
 */
export function applyEvent(view: AgentSnapshot, event: AgentApiEvent): AgentSnapshot {
  switch (event.event) {
    case 'agent-state':
      return { ...view, agentState: event.body };
    case 'offer':
      return {
        ...view,
        contacts: upsert(view.contacts, event.body.contact),
        offers: [...view.offers.filter((o) => o.contactId !== event.body.contact.contactId), { contactId: event.body.contact.contactId, expiresAt: event.body.expiresAt }],
      };
    case 'offer-withdrawn': {
      const { contactId } = event.body;
      return {
        ...view,
        offers: view.offers.filter((o) => o.contactId !== contactId),
        contacts: view.contacts.filter((c) => c.contactId !== contactId || c.state !== 'offered'),
      };
    }
    case 'contact': {
      const { contact, change } = event.body;
      const offers = contact.state === 'offered' ? view.offers : view.offers.filter((o) => o.contactId !== contact.contactId);
      if (change === 'ended') return { ...view, offers, contacts: view.contacts.filter((c) => c.contactId !== contact.contactId) };
      return { ...view, offers, contacts: upsert(view.contacts, contact) };
    }
    case 'wrap-up': {
      const body = event.body;
      if (body.phase === 'required') {
        return { ...view, wrapUps: [...view.wrapUps.filter((w) => w.contactId !== body.wrapUp.contactId), body.wrapUp] };
      }
      return {
        ...view,
        wrapUps: view.wrapUps.filter((w) => w.contactId !== body.contactId),
        contacts: view.contacts.filter((c) => c.contactId !== body.contactId || c.state !== 'wrap-up'),
      };
    }
    default:
      return view;
  }
}

function upsert(contacts: readonly Contact[], contact: Contact): Contact[] {
  const index = contacts.findIndex((c) => c.contactId === contact.contactId);
  if (index === -1) return [...contacts, contact];
  const next = [...contacts];
  next[index] = contact;
  return next;
}
