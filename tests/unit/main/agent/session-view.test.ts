import type { AgentSnapshot, WrapUp } from '../../../../common/agent-api';
import { applyEvent } from '../../../../main/agent/session-view';
import { voiceContact } from '../../lab/api/support/fake-backend';

const empty: AgentSnapshot = {
  agentState: { state: 'available', reasonCode: null, since: 1, pending: null },
  contacts: [],
  offers: [],
  wrapUps: [],
};
const wrapUp: WrapUp = { contactId: 'c-1', codes: [{ code: 'resolved', label: 'Resolved' }], defaultCode: 'resolved', autoSubmitAt: 60_000, autoCancelled: false };

describe("the agent's view, event by event", () => {
  it('follows an offer through the call to its wrap-up', () => {
    let view = applyEvent(empty, { event: 'offer', body: { contact: voiceContact('c-1', 'offered'), expiresAt: 15_000 } });
    expect(view.offers).toEqual([{ contactId: 'c-1', expiresAt: 15_000 }]);
    expect(view.contacts.map((c) => c.state)).toEqual(['offered']);

    view = applyEvent(view, { event: 'contact', body: { change: 'updated', contact: voiceContact('c-1', 'connected') } });
    expect(view.offers).toEqual([]);
    expect(view.contacts.map((c) => c.state)).toEqual(['connected']);

    view = applyEvent(view, { event: 'contact', body: { change: 'updated', contact: voiceContact('c-1', 'wrap-up') } });
    view = applyEvent(view, { event: 'wrap-up', body: { phase: 'required', wrapUp } });
    expect(view.wrapUps).toEqual([wrapUp]);

    view = applyEvent(view, { event: 'wrap-up', body: { phase: 'done', contactId: 'c-1', by: 'timer', code: 'resolved' } });
    expect(view).toEqual(empty);
  });

  it('drops a withdrawn offer and an ended contact, and takes the new agent state', () => {
    const offered = applyEvent(empty, { event: 'offer', body: { contact: voiceContact('c-2', 'offered'), expiresAt: 15_000 } });
    expect(applyEvent(offered, { event: 'offer-withdrawn', body: { contactId: 'c-2', reason: 'rona' } })).toEqual(empty);
    expect(applyEvent(offered, { event: 'contact', body: { change: 'ended', contact: voiceContact('c-2', 'ended') } })).toEqual(empty);
    const idle = { state: 'idle' as const, reasonCode: 'lunch', since: 2, pending: null };
    expect(applyEvent(empty, { event: 'agent-state', body: idle }).agentState).toEqual(idle);
  });

  it('applying the same event twice changes nothing more (a resume may repeat some)', () => {
    const once = applyEvent(empty, { event: 'offer', body: { contact: voiceContact('c-3', 'offered'), expiresAt: 15_000 } });
    expect(applyEvent(once, { event: 'offer', body: { contact: voiceContact('c-3', 'offered'), expiresAt: 15_000 } })).toEqual(once);
    expect(applyEvent(once, { event: 'directory', body: { agents: [], queues: [] } } as never)).toBe(once);
  });
});
