// Bare SIP.js 0.21 client page for interop tests and the "bare SIP.js"
// baseline of the call benchmarks. Driven from Node through Playwright
// (window.sb.*); every notable moment is pushed to Node via
// window.__sbEvent(type, data) with Date.now() / performance.now() stamps.
import {
  UserAgent, Registerer, RegistererState, SessionState, Inviter,
} from '/sip.js/index.js';

const emit = (type, data = {}) => {
  const ev = { type, at: Date.now(), t: performance.now(), ...data };
  try { window.__sbEvent?.(ev); } catch { /* not exposed */ }
  window.__sbEvents.push(ev);
  return ev;
};
window.__sbEvents = [];

const state = { ua: null, registerer: null, session: null, opts: null, reconnecting: false, stopped: false };

function attachRemote(session) {
  const sdh = session.sessionDescriptionHandler;
  const pc = sdh?.peerConnection;
  if (!pc) return;
  const audio = document.getElementById('remote');
  audio.srcObject = sdh.remoteMediaStream;
  audio.play().catch(() => {});
  pc.addEventListener('iceconnectionstatechange', () => emit('ice', { state: pc.iceConnectionState }));
  pc.addEventListener('connectionstatechange', () => emit('pc', { state: pc.connectionState }));
}

function watchSession(session, direction) {
  state.session = session;
  session.stateChange.addListener((s) => {
    emit('session', { state: s, direction });
    if (s === SessionState.Established) attachRemote(session);
    if (s === SessionState.Terminated && state.session === session) state.session = null;
  });
  session.delegate = {
    onBye(bye) { emit('bye-received'); bye.accept(); },
    onInfo(info) {
      const body = info.request.body ?? '';
      emit('info', { body });
      info.accept();
    },
    onInvite(request, response, statusCode) { emit('reinvite-received', { statusCode }); },
    onRefer(referral) { emit('refer-received', { to: String(referral.referTo.uri) }); referral.accept(); },
  };
}

async function reconnectLoop() {
  if (state.reconnecting || state.stopped) return;
  state.reconnecting = true;
  let delay = state.opts.reconnectMinMs ?? 100;
  const t0 = performance.now();
  while (!state.stopped) {
    try {
      await state.ua.reconnect();
      emit('reconnected', { ms: performance.now() - t0 });
      break;
    } catch (e) {
      emit('reconnect-failed', { error: String(e?.message ?? e), delay });
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, state.opts.reconnectMaxMs ?? 1000);
    }
  }
  state.reconnecting = false;
  if (!state.stopped) await window.sb.register();
}

window.sb = {
  /** opts: { server, aor, user, password, autoAnswer, answerDelayMs, displayName } */
  async start(opts) {
    state.opts = opts;
    const ua = new UserAgent({
      uri: UserAgent.makeURI(opts.aor),
      displayName: opts.displayName ?? opts.user,
      authorizationUsername: opts.user,
      authorizationPassword: opts.password,
      transportOptions: { server: opts.server, traceSip: !!opts.traceSip, connectionTimeout: 5 },
      logLevel: opts.logLevel ?? 'error',
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: [] },
        iceGatheringTimeout: 500,
      },
      delegate: {
        onConnect: () => emit('connected'),
        onDisconnect: (error) => {
          emit('disconnected', { error: error ? String(error.message ?? error) : null });
          if (error && opts.reconnect !== false) reconnectLoop();
        },
        onInvite: (invitation) => {
          emit('invite', { callId: invitation.request.callId, from: String(invitation.remoteIdentity.uri) });
          watchSession(invitation, 'incoming');
          if (opts.autoAnswer) {
            const answer = () => invitation.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } })
              .then(() => emit('accepted', { callId: invitation.request.callId }))
              .catch((e) => emit('error', { where: 'accept', error: String(e) }));
            if (opts.answerDelayMs) setTimeout(answer, opts.answerDelayMs); else answer();
          }
        },
      },
    });
    state.ua = ua;
    await ua.start();
    emit('started');
    state.registerer = new Registerer(ua, { expires: opts.expires ?? 300 });
    state.registerer.stateChange.addListener((s) => emit('registration', { state: s }));
    return true;
  },
  /** Resolves with { ok, status, ms } once REGISTER got its final answer. */
  register() {
    const t0 = performance.now();
    return new Promise((resolve) => {
      state.registerer.register({
        requestDelegate: {
          onAccept: (r) => { const v = { ok: true, status: r.message.statusCode, ms: performance.now() - t0 }; emit('register-ok', v); resolve(v); },
          onReject: (r) => { const v = { ok: false, status: r.message.statusCode, reason: r.message.reasonPhrase, ms: performance.now() - t0 }; emit('register-failed', v); resolve(v); },
        },
      }).catch((e) => { const v = { ok: false, status: 0, reason: String(e), ms: performance.now() - t0 }; emit('register-failed', v); resolve(v); });
    });
  },
  async unregister() {
    if (state.registerer?.state === RegistererState.Registered) await state.registerer.unregister().catch(() => {});
  },
  accept() {
    return state.session.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
  },
  reject(statusCode = 486) { return state.session.reject({ statusCode }); },
  async call(target) {
    const inviter = new Inviter(state.ua, UserAgent.makeURI(target), {
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
    });
    watchSession(inviter, 'outgoing');
    emit('invite-sent', { target });
    await inviter.invite({
      requestDelegate: {
        onProgress: (r) => emit('progress', { status: r.message.statusCode }),
        onAccept: (r) => emit('answered', { status: r.message.statusCode }),
        onReject: (r) => emit('call-rejected', { status: r.message.statusCode }),
      },
    });
    return inviter.request.callId;
  },
  hangup() {
    const s = state.session;
    if (!s) return false;
    if (s.state === SessionState.Established) return s.bye().then(() => true);
    if (s instanceof Inviter) return s.cancel().then(() => true);
    return s.reject().then(() => true);
  },
  /** hold true/false via re-INVITE; resolves when the re-INVITE was answered. */
  hold(on) {
    return new Promise((resolve, reject) => {
      const s = state.session;
      s.sessionDescriptionHandlerOptionsReInvite = { hold: on };
      s.invite({
        requestDelegate: { onAccept: () => resolve(true), onReject: (r) => reject(new Error(`re-INVITE ${r.message.statusCode}`)) },
        sessionDescriptionHandlerOptions: { hold: on },
      }).catch(reject);
    });
  },
  dtmf(tones) { return state.session.sessionDescriptionHandler.sendDtmf(tones); },
  callId() { return state.session?.request?.callId ?? state.session?.id ?? null; },
  /** Audio RTP counters from WebRTC getStats. */
  async stats() {
    const pc = state.session?.sessionDescriptionHandler?.peerConnection;
    if (!pc) return null;
    const out = { inbound: 0, outbound: 0, bytesIn: 0, bytesOut: 0, ice: pc.iceConnectionState, codec: null, direction: null };
    const report = await pc.getStats();
    report.forEach((r) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') { out.inbound += r.packetsReceived ?? 0; out.bytesIn += r.bytesReceived ?? 0; out.codecId = r.codecId; }
      if (r.type === 'outbound-rtp' && r.kind === 'audio') { out.outbound += r.packetsSent ?? 0; out.bytesOut += r.bytesSent ?? 0; }
    });
    if (out.codecId) out.codec = report.get(out.codecId)?.mimeType ?? null;
    out.direction = pc.getTransceivers().map((t) => t.currentDirection).join(',');
    return out;
  },
  /** Capture `ms` of the remote audio as mono float PCM (for tone detection). */
  async captureRemote(ms = 1000) {
    const stream = state.session.sessionDescriptionHandler.remoteMediaStream;
    const ctx = new AudioContext();
    await ctx.resume();
    const src = ctx.createMediaStreamSource(stream);
    const proc = ctx.createScriptProcessor(4096, 1, 1);
    const chunks = [];
    proc.onaudioprocess = (e) => chunks.push(Array.from(e.inputBuffer.getChannelData(0)));
    src.connect(proc); proc.connect(ctx.destination);
    await new Promise((r) => setTimeout(r, ms));
    proc.disconnect(); src.disconnect();
    const rate = ctx.sampleRate;
    await ctx.close();
    return { rate, samples: chunks.flat() };
  },
  async stop() {
    state.stopped = true;
    try { await window.sb.unregister(); } catch { /* ignore */ }
    try { await state.ua?.stop(); } catch { /* ignore */ }
    return true;
  },
  registrationState: () => state.registerer?.state ?? null,
};
emit('page-ready');
