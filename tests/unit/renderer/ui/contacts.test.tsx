// First (through it): the components' stylesheets become empty modules under jest.
import { render, storeFor } from './static-render';
import { CONTACT_STATES, type VoiceContact } from '../../../../common/agent-api/contact';
import type { AgentSessionView } from '../../../../common/contract/agent-session';
import { en, ko } from '../../../../common/i18n/resources';
import {
  answerSecondsLeft,
  answeredAt,
  CONTACT_STATE_LABELS,
  CONTACT_TIMER_KINDS,
  contactTimer,
  queueLabel,
  stateLabel,
} from '../../../../renderer/ui/features/contacts/contact-timer';
import { selectActiveContacts, selectChannelCounts, selectTabContacts } from '../../../../renderer/ui/features/contacts/selectors';
import { ContactList } from '../../../../renderer/ui/features/shell/components/contact-list';
import { contactTabSelected } from '../../../../renderer/ui/features/shell/slice';
import { loggedIn } from './session-fixtures';

/** Active contact list (C1): timer and wording helpers, selectors, and the rendered cards. */
const T0 = 1_700_000_000_000;

const CONTACT: VoiceContact = {
  contactId: 'c-7',
  channel: 'voice',
  direction: 'inbound',
  state: 'offered',
  role: 'owner',
  queue: { queueId: 'sales', name: 'Sales' },
  customer: { display: 'Kim Jisoo', number: '+821012345678' },
  createdAt: T0,
  stateSince: T0 + 5_000,
  cad: {},
  voice: { recording: { state: 'on', autoResumeAt: null }, consult: null, ani: null },
};
const contact = (patch: Partial<VoiceContact>): VoiceContact => ({ ...CONTACT, ...patch });

describe('contact timer', () => {
  it('counts waiting from createdAt while offered or reserved for an outdial', () => {
    expect(contactTimer(CONTACT, T0 + 42_000)).toEqual({ kind: 'waiting', since: T0, text: '00:42' });
    expect(contactTimer(contact({ state: 'outdial-reserved' }), T0 + 61_000)).toMatchObject({ kind: 'waiting', text: '01:01' });
  });

  it('counts handling from the answer (else stateSince) in every handling state', () => {
    for (const state of ['connected', 'consult-requested', 'consulting', 'conference', 'transferring'] as const) {
      expect(contactTimer(contact({ state, stateSince: T0 + 10_000 }), T0 + 70_000)).toEqual({ kind: 'handling', since: T0 + 10_000, text: '01:00' });
    }
    // A consult moves stateSince on; the remembered answer time keeps counting.
    expect(contactTimer(contact({ state: 'consulting', stateSince: T0 + 50_000 }), T0 + 70_000, T0 + 10_000)).toMatchObject({ text: '01:00' });
    expect(contactTimer(contact({ state: 'connected', stateSince: T0 }), T0 + 3_725_000)).toMatchObject({ text: '1:02:05' });
  });

  it('counts wrap-up from when wrap-up began; nothing once ended; never negative', () => {
    expect(contactTimer(contact({ state: 'wrap-up', stateSince: T0 + 100_000 }), T0 + 109_999)).toEqual({ kind: 'wrap-up', since: T0 + 100_000, text: '00:09' });
    expect(contactTimer(contact({ state: 'ended' }), T0)).toBeNull();
    expect(contactTimer(CONTACT, T0 - 5_000)).toMatchObject({ text: '00:00' });
  });

  it('remembers the earliest handling stateSince as the answer time', () => {
    expect(answeredAt(CONTACT, null)).toBeNull();
    const connected = answeredAt(contact({ state: 'connected', stateSince: T0 + 10_000 }), null);
    expect(connected).toBe(T0 + 10_000);
    expect(answeredAt(contact({ state: 'consulting', stateSince: T0 + 50_000 }), connected)).toBe(T0 + 10_000);
    expect(answeredAt(contact({ state: 'wrap-up', stateSince: T0 + 90_000 }), connected)).toBe(T0 + 10_000);
  });

  it('counts the seconds left to answer, rounded up, never negative', () => {
    expect(answerSecondsLeft(T0 + 15_000, T0)).toBe(15);
    expect(answerSecondsLeft(T0 + 15_000, T0 + 14_001)).toBe(1);
    expect(answerSecondsLeft(T0 + 15_000, T0 + 20_000)).toBe(0);
    expect(answerSecondsLeft(null, T0)).toBeNull();
  });

  it('names states, queues and outdials', () => {
    expect(stateLabel(CONTACT)).toBe('ringing');
    expect(stateLabel(contact({ state: 'consulting' }))).toBe('consulting');
    expect(queueLabel(CONTACT)).toEqual({ name: 'Sales' });
    expect(queueLabel(contact({ queue: null }))).toEqual({ key: 'direct' });
    expect(queueLabel(contact({ queue: null, direction: 'outbound' }))).toEqual({ key: 'outdial' });
  });

  it('has every state, queue and timer wording in both languages', () => {
    for (const tree of [en, ko]) {
      for (const label of CONTACT_STATE_LABELS) expect(typeof (tree.contacts.state as Record<string, string>)[label]).toBe('string');
      for (const kind of CONTACT_TIMER_KINDS) expect(typeof (tree.contacts.timer as Record<string, string>)[kind]).toBe('string');
      for (const key of ['direct', 'outdial'] as const) expect(typeof tree.contacts.queue[key]).toBe('string');
    }
    expect(CONTACT_STATE_LABELS).toEqual(['ringing', ...CONTACT_STATES]);
  });
});

function with_(contacts: VoiceContact[], offers: { contactId: string; expiresAt: number }[] = []): AgentSessionView {
  const session = loggedIn();
  return { ...session, view: { ...session.view!, contacts, offers } };
}


/** The opening tags of the elements with this test id. */
const tags = (html: string, testId: string) => [...html.matchAll(new RegExp(`<[a-z]+ [^>]*data-testid="${testId}"[^>]*>`, 'g'))].map((m) => m[0]);
const tag = (html: string, testId: string): string | null => tags(html, testId)[0] ?? null;
const attr = (tagText: string | null, name: string) => (tagText ? (new RegExp(` ${name}="([^"]*)"`).exec(tagText)?.[1] ?? null) : null);
/** The text inside the first element with this test id (tags stripped). */
function text(html: string, testId: string): string | null {
  const open = tag(html, testId);
  if (!open) return null;
  const name = /^<([a-z]+)/.exec(open)![1]!;
  const rest = html.slice(html.indexOf(open) + open.length);
  // Up to the matching close tag (same-name elements may nest).
  const re = new RegExp(`<(/?)${name}[ >]`, 'g');
  let depth = 1;
  let end = rest.length;
  for (const m of rest.matchAll(re)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = m.index;
      break;
    }
  }
  return rest.slice(0, end).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('contact selectors', () => {
  it('pairs offers with their deadline, filters by tab and counts per channel', () => {
    const connected = contact({ contactId: 'c-8', state: 'connected' });
    const store = storeFor(with_([CONTACT, connected], [{ contactId: 'c-7', expiresAt: T0 + 15_000 }]));
    expect(selectActiveContacts(store.getState())).toEqual([
      { contact: CONTACT, offerExpiresAt: T0 + 15_000 },
      { contact: connected, offerExpiresAt: null },
    ]);
    expect(selectChannelCounts(store.getState())).toEqual({ all: 2, voice: 2, chat: 0, email: 0, sms: 0 });
    store.dispatch(contactTabSelected('chat'));
    expect(selectTabContacts(store.getState())).toEqual([]);
    store.dispatch(contactTabSelected('voice'));
    expect(selectTabContacts(store.getState())).toHaveLength(2);
  });
});

describe('contact list', () => {
  // The cards read the wall clock once when they mount (static render runs no effects).
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(T0 + 42_000));
  afterEach(() => jest.restoreAllMocks());

  it('shows an offered voice contact: customer, queue, Ringing, waiting timer and the answer deadline (en)', () => {
    const html = render(<ContactList />, storeFor(with_([CONTACT], [{ contactId: 'c-7', expiresAt: T0 + 50_000 }])));
    expect(tag(html, 'contact-list-empty')).toBeNull();
    const list = /<ul [^>]*role="list"[^>]*>/.exec(html)?.[0] ?? null;
    expect(attr(list, 'aria-label')).toBe('Active contacts: All');
    const card = tag(html, 'contact-card');
    expect(card?.startsWith('<li ')).toBe(true);
    expect(attr(card, 'data-contact-id')).toBe('c-7');
    expect(attr(card, 'data-state')).toBe('offered');
    expect(attr(card, 'data-channel')).toBe('voice');
    expect(text(html, 'contact-card-customer')).toBe('Kim Jisoo +821012345678');
    expect(text(html, 'contact-card-queue')).toBe('Sales');
    expect(text(html, 'contact-card-state')).toBe('Ringing');
    const timer = tag(html, 'contact-card-timer');
    expect(attr(timer, 'data-kind')).toBe('waiting');
    expect(attr(timer, 'aria-label')).toBe('Waiting time 00:42');
    expect(text(html, 'contact-card-timer')).toBe('00:42');
    expect(attr(tag(html, 'contact-card-deadline'), 'data-seconds')).toBe('8');
    expect(text(html, 'contact-card-deadline')).toBe('Answer within 8 s');
    expect(html).toContain('>Voice</span>');
    expect(tag(html, 'contact-card-consulted')).toBeNull();
    // Tab badges: All and Voice hold one contact each.
    expect(attr(tag(html, 'contact-tab-all'), 'data-count')).toBe('1');
    expect(attr(tag(html, 'contact-tab-voice'), 'aria-label')).toBe('Voice: 1 active');
    expect(attr(tag(html, 'contact-tab-chat'), 'data-count')).toBe('0');
    expect(text(html, 'contact-tab-count-voice')).toBe('1');
    expect(tag(html, 'contact-tab-count-chat')).toBeNull();
  });

  it('shows handling and wrap-up timers, Direct/Outdial and the Consulted badge', () => {
    const html = render(
      <ContactList />,
      storeFor(
        with_([
          contact({ contactId: 'a', state: 'connected', stateSince: T0 + 2_000, queue: null }),
          contact({ contactId: 'b', state: 'conference', role: 'consulted', stateSince: T0 + 30_000 }),
          contact({ contactId: 'c', state: 'wrap-up', stateSince: T0 + 40_000, queue: null, direction: 'outbound', customer: { display: '+8225550000', number: '+8225550000' } }),
        ]),
      ),
    );
    expect(tags(html, 'contact-card').map((c) => attr(c, 'data-state'))).toEqual(['connected', 'conference', 'wrap-up']);
    expect(tags(html, 'contact-card-timer').map((c) => attr(c, 'data-kind'))).toEqual(['handling', 'handling', 'wrap-up']);
    expect(tags(html, 'contact-card-timer').map((c) => attr(c, 'aria-label'))).toEqual(['Handling time 00:40', 'Handling time 00:12', 'Wrap-up time 00:02']);
    expect(html).toContain('data-testid="contact-card-queue">Direct<');
    expect(html).toContain('data-testid="contact-card-queue">Outdial<');
    expect(html).toContain('>Conference</span>');
    expect(html).toContain('>Consulted</span>');
    expect(tags(html, 'contact-card-consulted')).toHaveLength(1);
    // A number shown as the display is not repeated.
    expect(html).toContain('<span class="contact-card__name">+8225550000</span></span>');
    expect(tag(html, 'contact-card-deadline')).toBeNull();
  });

  it('renders in Korean with no English and no raw keys left', () => {
    const html = render(
      <ContactList />,
      storeFor(with_([CONTACT, contact({ contactId: 'd', state: 'consulting', role: 'consulted', queue: null })], [{ contactId: 'c-7', expiresAt: T0 + 50_000 }])),
      'ko',
    );
    for (const ko_ of ['벨 울림', '상담 중', '상담 받음', '직접 연결', '8초 안에 응답', '대기 시간 00:42', '음성: 활성 2건', '활성 연락처: 모두']) expect(html).toContain(ko_);
    for (const english of ['Ringing', 'On consult', 'Consulted', 'Direct', 'Answer within', 'Waiting time']) expect(html).not.toContain(english);
    expect(html).not.toMatch(/contacts\.[a-z]/);
  });

  it('shows only the selected channel, and the empty state when it has none', () => {
    const store = storeFor(with_([CONTACT]));
    store.dispatch(contactTabSelected('chat'));
    const html = render(<ContactList />, store);
    expect(tag(html, 'contact-card')).toBeNull();
    expect(tag(html, 'contact-list-empty')).not.toBeNull();
    expect(attr(tag(html, 'contact-tab-chat'), 'aria-selected')).toBe('true');
    store.dispatch(contactTabSelected('voice'));
    expect(tags(render(<ContactList />, store), 'contact-card')).toHaveLength(1);
  });

  it('shows the empty state when logged out or without contacts', () => {
    expect(tag(render(<ContactList />, storeFor(with_([]))), 'contact-list-empty')).not.toBeNull();
    const html = render(<ContactList />, storeFor(loggedIn({ status: 'logged-out', view: null, agent: null })));
    expect(tag(html, 'contact-list-empty')).not.toBeNull();
    expect(tag(html, 'contact-card')).toBeNull();
  });
});
