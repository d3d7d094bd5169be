import type { IpcMainInvokeEvent } from 'electron';
import { COMMANDS, type CommandChannel } from '../../../common/contract';
import { initialAppState } from '../../../main/app/app-state';
import { registerCommandHandlers } from '../../../main/app/command-handlers';
import { registerSoftphoneCommands } from '../../../main/app/softphone-commands';
import { registerAgentCommands, withSession } from '../../../main/app/agent-commands';
import { AgentSession } from '../../../main/agent/agent-session';
import { VoiceActions } from '../../../main/agent/voice-actions';
import { AudioDevices } from '../../../main/softphone/audio-devices';
import { EngineSupervisor } from '../../../main/engine/engine-supervisor';
import { IpcRouter } from '../../../main/ipc/router';
import { DEFAULT_SETTINGS, type Settings } from '../../../main/settings/settings-schema';
import { SoftphoneService } from '../../../main/softphone/softphone-service';
import { StateStore } from '../../../main/state/state-store';
import { createSessionOnlyVault } from '../../../main/vault/credential-vault';
import { EngineRpc } from '../../../main/softphone/media/engine-rpc';
import { memoryLogger } from '../support/memory-logger';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

// Replies are checked loosely here; their schemas are tested in the contract tests.
type Reply = { ok: boolean; value?: Record<string, unknown> & { rev?: number; written?: boolean }; error?: { code: string } };

const running: EngineSupervisor[] = [];
afterEach(() => running.splice(0).forEach((e) => e.stop()));

function setup() {
  const handlers = new Map<string, Handler>();
  const ipc = { handle: (c: string, fn: Handler) => handlers.set(c, fn), removeHandler: () => undefined };
  const { log, records } = memoryLogger();
  const ui = { id: 'ui' };
  const engineContents: object[] = [];
  let role: 'ui' | 'engine' = 'ui';
  const router = new IpcRouter(ipc as never, () => role, log);
  let saved: Settings = { ...DEFAULT_SETTINGS };
  const settings = { read: () => saved, write: (c: Partial<Settings>) => (saved = { ...saved, ...c }) };
  let store: StateStore | null = null;
  const engine = new EngineSupervisor({
    create: () => {
      const contents = { n: engineContents.length };
      engineContents.push(contents);
      return { contents, destroy: () => undefined };
    },
    publish: (e) => store?.update((s) => ({ ...s, engine: e })),
    log,
  });
  store = new StateStore(
    initialAppState({ name: 'S', version: '1', platform: 'linux', systemLanguages: ['ko-KR'] }, saved, engine.current),
  );
  const opened: string[] = [];
  const registrations: { account: { aor: string }; password: string; stopped: boolean }[] = [];
  const rpc = new EngineRpc(() => false, log);
  const softphone = new SoftphoneService({
    rpc,
    settings,
    vault: Promise.resolve(createSessionOnlyVault()),
    createRegistration: (deps) => {
      const entry = { account: deps.account, password: deps.password, stopped: false };
      registrations.push(entry);
      return { start: async () => deps.publish({ status: 'registered', code: null, retryAt: null }), refresh: async () => undefined, stop: async () => void (entry.stopped = true) };
    },
    publish: (change) => store?.update((s) => ({ ...s, softphone: change(s.softphone) })),
    log,
  });
  registerSoftphoneCommands({ router, store, softphone, devices: new AudioDevices({ settings, rpc, publish: () => undefined, emitInputLevel: () => undefined, log }), rpc });
  registerCommandHandlers({ router, store, settings, engine, log, shell: { openExternal: async (u: string) => void opened.push(u) }, now: () => 42 });
  const session = new AgentSession({
    labUrl: () => null,
    profile: () => settings.read().serverProfile,
    remembered: () => null,
    remember: () => undefined,
    vault: Promise.resolve(createSessionOnlyVault()),
    phone: { use: async () => undefined, release: async () => undefined },
    publish: (change) => store?.update((s) => withSession(s, change)),
    log,
  });
  const voice = new VoiceActions({
    work: (request) => session.work(request),
    view: () => store?.current.session.view ?? null,
    phone: { state: () => softphone.lines.state, command: (c) => softphone.lines.command(c), contactOf: (line) => softphone.lines.contactOf(line) },
    onChange: (listener) => store?.subscribe(listener) ?? (() => undefined),
    reportFailure: () => undefined,
    log,
  });
  registerAgentCommands({ router, store, settings, session, voice });
  engine.start();
  running.push(engine);
  const call = (channel: CommandChannel, payload: unknown, sender: object = ui) =>
    handlers.get(channel)!({ sender, senderFrame: { url: '', parent: null } } as never, payload) as Promise<Reply>;
  return { handlers, call, store, opened, registrations, engine, engineContents, records, setRole: (r: 'ui' | 'engine') => (role = r), saved: () => saved };
}

describe('command handlers', () => {
  it('registers a handler for every command of the contract', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('answers ping and snapshot requests', async () => {
    const { call, store } = setup();
    expect(await call('sb:app:ping', { nonce: 'abc' })).toEqual({ ok: true, value: { nonce: 'abc', receivedAt: 42 } });
    const snap = await call('sb:app:get-snapshot', undefined);
    expect(snap.value).toEqual(store.snapshot());
  });

  it('persists the language preference and publishes the resolved language', async () => {
    const { call, store, saved } = setup();
    expect(store.current.language).toBe('ko');
    const result = await call('sb:settings:set-language', { language: 'en' });
    expect(result.ok).toBe(true);
    expect(result.value?.rev).toBe(store.snapshot().rev);
    expect(store.current).toMatchObject({ language: 'en', settings: { language: 'en' } });
    expect(saved().language).toBe('en');
    expect((await call('sb:settings:set-language', { language: 'fr' })).error?.code).toBe('invalid-payload');
  });

  it('persists the server profile, refuses a non-WebSocket one, and says so when there is no lab to log in to', async () => {
    const { call, store, saved } = setup();
    expect(store.current.session).toMatchObject({ status: 'logged-out', profile: { kind: 'builtin-lab' }, labAvailable: false });
    const login = { username: 'alice', password: 'pw', dn: '1001', teamId: 'sales', remember: false };
    expect((await call('sb:agent:login', login)).value).toEqual({ ok: false, code: 'internal' });
    expect(store.current.session.error).toEqual({ code: 'internal' });
    expect((await call('sb:agent:login', { ...login, dn: '12-34' })).error?.code).toBe('invalid-payload');
    expect((await call('sb:agent:logout', {})).value).toEqual({ ok: false, code: 'not-logged-in' });
    expect((await call('sb:agent:request', { op: 'accept-offer', body: { contactId: 'c-1' } })).value).toEqual({ ok: false, code: 'not-logged-in' });
    // Work ops only, each body checked against the protocol: no session ops, no extra fields.
    expect((await call('sb:agent:request', { op: 'login', body: login })).error?.code).toBe('invalid-payload');
    expect((await call('sb:agent:request', { op: 'accept-offer', body: { contactId: 'c-1', agentId: 'bob' } })).error?.code).toBe('invalid-payload');

    const profile = { kind: 'server', agentApiUrl: 'wss://cc.example.com/agent' };
    expect((await call('sb:settings:set-server-profile', { profile })).ok).toBe(true);
    expect(saved().serverProfile).toEqual(profile);
    expect(store.current.session.profile).toEqual(profile);
    const bad = { kind: 'server', agentApiUrl: 'http://cc.example.com' };
    expect((await call('sb:settings:set-server-profile', { profile: bad })).error?.code).toBe('invalid-payload');
    expect(saved().serverProfile).toEqual(profile);
  });

  it('opens only http(s) links externally', async () => {
    const { call, opened } = setup();
    expect((await call('sb:shell:open-external', { url: 'https://example.com/help' })).ok).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com']) {
      expect((await call('sb:shell:open-external', { url })).error?.code).toBe('refused');
    }
    expect(opened).toEqual(['https://example.com/help']);
  });

  it('accepts the engine handshake only from the live engine', async () => {
    const { call, store, engineContents, setRole } = setup();
    setRole('engine');
    expect((await call('sb:engine:ready', { userAgent: 'x', mediaDevices: true }, {})).value).toEqual({ accepted: false });
    expect(store.current.engine.status).toBe('starting');
    expect((await call('sb:engine:ready', { userAgent: 'x', mediaDevices: true }, engineContents[0])).value).toEqual({ accepted: true });
    expect(store.current.engine.status).toBe('ready');
  });

  it('saves a SIP account, keeps its password out of state and settings, and registers', async () => {
    const { call, store, registrations, saved } = setup();
    const account = { server: 'wss://pbx.example.com/ws', aor: 'sip:1001@example.com' };
    const result = await call('sb:softphone:save-account', { account, password: 'hunter2' });
    expect(result.ok).toBe(true);
    expect(registrations).toEqual([expect.objectContaining({ password: 'hunter2', stopped: false })]);
    expect(store.current.softphone.account).toEqual({ account: expect.objectContaining({ ...account, dtmfMode: 'rfc4733' }), hasPassword: true });
    expect(store.current.softphone.registration.status).toBe('registered');
    expect(JSON.stringify(store.snapshot())).not.toContain('hunter2');
    expect(JSON.stringify(saved())).not.toContain('hunter2');
    expect((await call('sb:softphone:save-account', { account: { ...account, server: 'http://x' } })).error?.code).toBe('invalid-payload');
    expect((await call('sb:softphone:save-account', { account, password: 'x', extra: 1 })).error?.code).toBe('invalid-payload');
    await call('sb:softphone:remove-account', {});
    expect(registrations[0]!.stopped).toBe(true);
    expect(store.current.softphone).toMatchObject({ account: null, registration: { status: 'unconfigured' } });
  });

  it('restarts the engine on request', async () => {
    const { call, store, engineContents } = setup();
    await call('sb:engine:restart', {});
    expect(engineContents).toHaveLength(2);
    expect(store.current.engine).toMatchObject({ status: 'restarting', restarts: 1 });
  });

  it('writes renderer logs redacted, scoped by role, and rate-limited', async () => {
    const { call, records } = setup();
    const first = await call('sb:log:write', { level: 'warn', scope: 'mirror', message: 'password=hunter2' });
    expect(first.value).toEqual({ written: true });
    const line = records.find((r) => r.scope.endsWith('ui:mirror'));
    expect(line?.message).toBe('password=[redacted]');
    let refused = 0;
    for (let i = 0; i < 100; i += 1) {
      const r = await call('sb:log:write', { level: 'info', scope: 'flood', message: 'x' });
      if (!r.value?.written) refused += 1;
    }
    expect(refused).toBeGreaterThan(40);
  });
});
