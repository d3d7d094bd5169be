// First (through it): the components' stylesheets become empty modules under jest.
import { attr, decode, render, storeFor, tag } from './static-render';
import type { VoiceContact } from '../../../../common/agent-api/contact';
import type { WrapUp } from '../../../../common/agent-api/session';
import type { AgentSessionView, AgentWorkResult } from '../../../../common/contract/agent-session';
import { fail, ok, type IpcResult } from '../../../../common/contract/result';
import { createLogger, type LogRecord } from '../../../../common/log/logger';
import { en, ko } from '../../../../common/i18n/resources';
import { createAppStore } from '../../../../renderer/ui/app/store';
import { snapshotReceived } from '../../../../renderer/ui/features/mirror/slice';
import { InteractionPanel } from '../../../../renderer/ui/features/shell/components/interaction-panel';
import { autoSecondsLeft, defaultCodeLabel } from '../../../../renderer/ui/features/wrap-up/countdown';
import { selectOwedWrapUps } from '../../../../renderer/ui/features/wrap-up/selectors';
import {
  autoWrapUpCancelled,
  WRAP_UP_ACTIONS,
  wrapUpNoticeDismissed,
  wrapUpNoticeRaised,
  wrapUpSubmitted,
} from '../../../../renderer/ui/features/wrap-up/slice';
import { createFakeBridge, deferred, flush, makeSnapshot } from './fake-bridge';
import { loggedIn, withSession } from './session-fixtures';

/** Wrap-up panel (W1): intents → agent.request bodies, the countdown, and the rendered panel. */
const CONTACT_ID = 'c-42';

const WRAP_UP: WrapUp = {
  contactId: CONTACT_ID,
  codes: [
    { code: 'resolved', label: 'Resolved' },
    { code: 'callback', label: 'Call back' },
  ],
  defaultCode: 'resolved',
  autoSubmitAt: 1_700_000_060_000,
  autoCancelled: false,
};

const CONTACT: VoiceContact = {
  contactId: CONTACT_ID,
  channel: 'voice',
  direction: 'inbound',
  state: 'wrap-up',
  role: 'owner',
  queue: { queueId: 'sales', name: 'Sales' },
  customer: { display: 'Kim Jisoo', number: '+821012345678' },
  createdAt: 1_700_000_000_000,
  stateSince: 1_700_000_030_000,
  cad: {},
  voice: { recording: { state: 'on', autoResumeAt: null }, consult: null, ani: null },
};

/** A logged-in session owing `wrapUps` (with their contacts). */
function owing(wrapUps: WrapUp[] = [WRAP_UP], contacts: VoiceContact[] = [CONTACT]): AgentSessionView {
  const session = loggedIn();
  return { ...session, view: { ...session.view!, contacts, wrapUps } };
}

function storeOwing() {
  const snapshot = makeSnapshot(1, withSession(owing()));
  const fake = createFakeBridge(snapshot);
  const records: LogRecord[] = [];
  const store = createAppStore(fake.bridge, { logger: createLogger('ui', (r) => records.push(r), 'debug') });
  store.dispatch(snapshotReceived(snapshot));
  return { fake, store, records };
}

const refused = (code: string, number?: number): Promise<IpcResult<AgentWorkResult>> =>
  Promise.resolve(ok({ ok: false, code, ...(number === undefined ? {} : { number }) } as AgentWorkResult));

describe('wrap-up submit', () => {
  it('sends wrap-up.submit with the chosen code and last-agent routing, and stays busy until main drops the wrap-up', async () => {
    const { fake, store } = storeOwing();
    store.dispatch(wrapUpSubmitted({ contactId: CONTACT_ID, code: 'callback', lastAgentRouting: true }));
    expect(store.getState().wrapUp.submitting).toEqual([CONTACT_ID]);
    await flush();
    expect(fake.bridge.agent.request).toHaveBeenCalledTimes(1);
    expect(fake.bridge.agent.request).toHaveBeenCalledWith({
      op: 'wrap-up.submit',
      body: { contactId: CONTACT_ID, code: 'callback', lastAgentRouting: true },
    });
    // Accepted: still busy while main lists the wrap-up…
    expect(store.getState().wrapUp).toMatchObject({ submitting: [CONTACT_ID], notice: null });
    // …and done once main's state no longer lists it.
    store.dispatch(snapshotReceived(makeSnapshot(2, withSession(owing([], [])))));
    expect(store.getState().wrapUp.submitting).toEqual([]);
    expect(selectOwedWrapUps(store.getState())).toEqual([]);
  });

  it('drops a second submit while the first is in flight', async () => {
    const { fake, store } = storeOwing();
    const reply = deferred<IpcResult<AgentWorkResult>>();
    fake.bridge.agent.request.mockReturnValueOnce(reply.promise);
    store.dispatch(wrapUpSubmitted({ contactId: CONTACT_ID, code: 'resolved', lastAgentRouting: false }));
    store.dispatch(wrapUpSubmitted({ contactId: CONTACT_ID, code: 'resolved', lastAgentRouting: false }));
    reply.resolve(ok({ ok: true, body: { contactId: CONTACT_ID } }));
    await flush();
    expect(fake.bridge.agent.request).toHaveBeenCalledTimes(1);
  });

  it('raises a localized-code notice when the agent API refuses, and submit is usable again', async () => {
    const { fake, store, records } = storeOwing();
    fake.bridge.agent.request.mockReturnValueOnce(refused('not-found'));
    store.dispatch(wrapUpSubmitted({ contactId: CONTACT_ID, code: 'resolved', lastAgentRouting: false }));
    await flush();
    expect(store.getState().wrapUp.submitting).toEqual([]);
    expect(store.getState().wrapUp.notice).toEqual({
      id: 1,
      action: 'submit',
      contactId: CONTACT_ID,
      failure: { source: 'agent-api', code: 'not-found' },
    });
    expect(records.some((r) => r.level === 'warn' && r.message.includes('wrap-up.submit: refused (agent-api not-found)'))).toBe(true);
    store.dispatch(wrapUpNoticeDismissed());
    expect(store.getState().wrapUp.notice).toBeNull();
  });

  it('treats an IPC refusal and a throwing bridge as failures, never as success', async () => {
    const { fake, store } = storeOwing();
    fake.bridge.agent.request.mockReturnValueOnce(Promise.resolve(fail('refused', 'nope')));
    store.dispatch(wrapUpSubmitted({ contactId: CONTACT_ID, code: 'resolved', lastAgentRouting: false }));
    await flush();
    expect(store.getState().wrapUp.notice?.failure).toEqual({ source: 'ipc', code: 'refused' });
    fake.bridge.agent.request.mockReturnValueOnce(Promise.reject(new Error('bridge gone')));
    store.dispatch(wrapUpSubmitted({ contactId: CONTACT_ID, code: 'resolved', lastAgentRouting: false }));
    await flush();
    expect(store.getState().wrapUp.notice).toMatchObject({ id: 2, failure: { source: 'ipc', code: 'internal' } });
    expect(store.getState().wrapUp.submitting).toEqual([]);
  });
});

describe('cancel auto wrap-up', () => {
  it('sends wrap-up.cancel-auto with the contact id and settles', async () => {
    const { fake, store } = storeOwing();
    store.dispatch(autoWrapUpCancelled({ contactId: CONTACT_ID }));
    expect(store.getState().wrapUp.cancelling).toEqual([CONTACT_ID]);
    await flush();
    expect(fake.bridge.agent.request).toHaveBeenCalledWith({ op: 'wrap-up.cancel-auto', body: { contactId: CONTACT_ID } });
    expect(store.getState().wrapUp).toMatchObject({ cancelling: [], notice: null });
  });

  it('raises a notice when refused; a session that ends clears it', async () => {
    const { fake, store } = storeOwing();
    fake.bridge.agent.request.mockReturnValueOnce(refused('invalid-state'));
    store.dispatch(autoWrapUpCancelled({ contactId: CONTACT_ID }));
    await flush();
    expect(store.getState().wrapUp.notice).toMatchObject({ action: 'cancelAuto', failure: { code: 'invalid-state' } });
    store.dispatch(snapshotReceived(makeSnapshot(2, withSession(loggedIn({ status: 'logged-out', view: null })))));
    expect(store.getState().wrapUp.notice).toBeNull();
  });
});

describe('owed wrap-ups and the countdown', () => {
  it('pairs each wrap-up with its contact', () => {
    const { store } = storeOwing();
    expect(selectOwedWrapUps(store.getState())).toEqual([{ wrapUp: WRAP_UP, contact: CONTACT }]);
  });

  it('counts whole seconds left, rounded up, never negative; none when cancelled or without a timer', () => {
    const at = WRAP_UP.autoSubmitAt!;
    expect(autoSecondsLeft(WRAP_UP, at - 42_000)).toBe(42);
    expect(autoSecondsLeft(WRAP_UP, at - 41_001)).toBe(42);
    expect(autoSecondsLeft(WRAP_UP, at - 999)).toBe(1);
    expect(autoSecondsLeft(WRAP_UP, at)).toBe(0);
    expect(autoSecondsLeft(WRAP_UP, at + 5_000)).toBe(0);
    expect(autoSecondsLeft({ ...WRAP_UP, autoCancelled: true }, at - 42_000)).toBeNull();
    expect(autoSecondsLeft({ ...WRAP_UP, autoSubmitAt: null }, 0)).toBeNull();
  });

  it('names the default code by its label', () => {
    expect(defaultCodeLabel(WRAP_UP)).toBe('Resolved');
    expect(defaultCodeLabel({ ...WRAP_UP, defaultCode: null })).toBeNull();
    expect(defaultCodeLabel({ ...WRAP_UP, defaultCode: 'gone' })).toBe('gone');
  });
});



describe('wrap-up panel', () => {
  // The countdown reads the wall clock once when it mounts (static render runs no effects).
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(WRAP_UP.autoSubmitAt! - 42_000));
  afterEach(() => jest.restoreAllMocks());

  it('shows the owed wrap-up at the top of the interaction panel: heading, codes, default preselected, countdown (en)', () => {
    const html = decode(render(<InteractionPanel />, storeFor(owing())));
    const panel = tag(html, 'wrapup-panel');
    expect(attr(panel, 'data-contact-id')).toBe(CONTACT_ID);
    expect(attr(panel, 'role')).toBe('region');
    // The region is named by its heading.
    const headingId = attr(panel, 'aria-labelledby');
    expect(html).toContain(`id="${headingId}">Wrap up: Kim Jisoo · Sales</h3>`);
    expect(html).toMatch(/<option value="resolved" selected="">Resolved<\/option><option value="callback">Call back<\/option>/);
    // Labels point at their inputs.
    for (const id of ['wrapup-code', 'wrapup-last-agent']) expect(html).toContain(`for="${attr(tag(html, id), 'id')}"`);
    expect(attr(tag(html, 'wrapup-last-agent'), 'type')).toBe('checkbox');
    expect(attr(tag(html, 'wrapup-last-agent'), 'checked')).toBeNull();
    expect(html).toContain("The customer's next call comes back to you.");
    expect(attr(tag(html, 'wrapup-countdown'), 'data-seconds')).toBe('42');
    expect(html).toContain('Auto wrap-up in 42 s with “Resolved”');
    expect(attr(tag(html, 'wrapup-cancel-auto'), 'disabled')).toBeNull();
    expect(html).toContain('>Cancel auto wrap-up</button>');
    expect(attr(tag(html, 'wrapup-submit'), 'type')).toBe('submit');
    expect(attr(tag(html, 'wrapup-submit'), 'disabled')).toBeNull();
    // No empty state while a wrap-up is owed.
    expect(tag(html, 'interaction-empty')).toBeNull();
  });

  it('renders in Korean with no English and no raw keys left', () => {
    const html = decode(render(<InteractionPanel />, storeFor(owing()), 'ko'));
    for (const text of ['후속 작업: Kim Jisoo · Sales', '후속 작업 코드', '마지막 상담사 라우팅', '42초 후 “Resolved”(으)로 자동 후속 작업', '자동 후속 작업 중지', '제출']) {
      expect(html).toContain(text);
    }
    for (const english of ['Wrap up', 'Auto wrap-up', 'Submit', 'Last agent']) expect(html).not.toContain(english);
    expect(html).not.toMatch(/>wrapUp\./);
  });

  it('hides the countdown once auto wrap-up is cancelled, and disables the cancel button', () => {
    const html = render(<InteractionPanel />, storeFor(owing([{ ...WRAP_UP, autoCancelled: true }])));
    expect(tag(html, 'wrapup-countdown')).toBeNull();
    expect(attr(tag(html, 'wrapup-cancel-auto'), 'disabled')).toBe('');
    expect(html).toContain('Auto wrap-up cancelled');
  });

  it('without an auto timer: no countdown, no cancel button', () => {
    const html = render(<InteractionPanel />, storeFor(owing([{ ...WRAP_UP, autoSubmitAt: null, defaultCode: null }])));
    expect(tag(html, 'wrapup-countdown')).toBeNull();
    expect(tag(html, 'wrapup-cancel-auto')).toBeNull();
    // No default: the first code is preselected.
    expect(html).toContain('<option value="resolved" selected="">');
  });

  it('disables Submit while sending', () => {
    const store = storeFor(owing());
    store.dispatch(wrapUpSubmitted({ contactId: CONTACT_ID, code: 'resolved', lastAgentRouting: false }));
    const html = render(<InteractionPanel />, store);
    expect(attr(tag(html, 'wrapup-submit'), 'disabled')).toBe('');
    expect(html).toContain('Submitting…');
  });

  it('is gone when main no longer lists the wrap-up; the empty state is back', () => {
    const html = render(<InteractionPanel />, storeFor(owing([], [])));
    expect(tag(html, 'wrapup-panel')).toBeNull();
    expect(tag(html, 'interaction-empty')).not.toBeNull();
  });

  it('shows a refusal as a localized notice (en, ko)', () => {
    const store = storeFor(owing());
    store.dispatch(wrapUpNoticeRaised({ action: 'submit', contactId: CONTACT_ID, failure: { source: 'agent-api', code: 'not-found' } }));
    const html = decode(render(<InteractionPanel />, store));
    const notice = tag(html, 'wrapup-notice');
    expect(attr(notice, 'role')).toBe('alert');
    expect(attr(notice, 'data-action')).toBe('submit');
    expect(attr(notice, 'data-code')).toBe('not-found');
    expect(html).toContain('Could not submit the wrap-up.');
    expect(html).toContain("The contact center doesn't know that choice");
    expect(tag(html, 'wrapup-notice-dismiss')).not.toBeNull();
    expect(decode(render(<InteractionPanel />, store, 'ko'))).toContain('후속 작업을 제출하지 못했습니다.');
  });

  it('has every notice action in both languages', () => {
    for (const tree of [en, ko]) for (const action of WRAP_UP_ACTIONS) expect(typeof tree.wrapUp.notice.action[action]).toBe('string');
  });
});
