'use strict';
// The Chromium side of one webContents: a CDP page target with the
// bootstrap and preload injected before page scripts (on every document,
// including after reload and crash recovery), navigation interception for
// `will-navigate`, loading events, and main → page message delivery.
const { runtime, makeEvent } = require('./runtime.cjs');
const { debug } = require('./debug-log.cjs');
const { bootstrapSource } = require('./page-bootstrap.cjs');
const { preloadSource } = require('./page-preload.cjs');
const { toChromiumUrl, fromChromiumUrl, isCustomScheme, schemeOf } = require('./protocol.cjs');
const { waitForAttach, normaliseUrl } = require('./target-attach.cjs');

const NET_ERRORS = { ERR_ABORTED: -3, ERR_FAILED: -2, ERR_FILE_NOT_FOUND: -6, ERR_CONNECTION_REFUSED: -102, ERR_NAME_NOT_RESOLVED: -105, ERR_INTERNET_DISCONNECTED: -106, ERR_EMPTY_RESPONSE: -324, ERR_UNKNOWN_URL_SCHEME: -302 };
const stripHash = (url) => String(url).split('#')[0];

class PageTarget {
  constructor(wc, { width, height, show }) {
    this.wc = wc;
    this.options = { width, height, show };
    this.targetId = null;
    this.session = null;
    this.creation = null;
    this.frames = new Map(); // frameId → { url, parentId }
    this.contexts = new Map(); // executionContextId → frameId
    this.rendererNavs = new Set();
    this.loadWaiters = [];
    // Like Electron, there is no page until the first loadURL (or an API
    // that needs one); see create() for how about:blank is kept invisible.
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch((error) => debug('target creation failed', error.message));
    this.firstCommit = new Promise((resolve) => (this.resolveFirstCommit = resolve));
  }

  /** Creates the page at `chromiumUrl` unless it already exists. */
  ensure(chromiumUrl = 'about:blank') {
    if (!this.creation) {
      this.creation = this.create(normaliseUrl(chromiumUrl)).then(this.resolveReady, (error) => {
        this.rejectReady(error);
        throw error;
      });
    }
    return this.ready;
  }

  async create(url) {
    const { root } = runtime.chromium.cdp;
    const { width, height, show } = this.options;
    const insets = runtime.windowInsets;
    // The page starts at about:blank, held by our auto-attach (see
    // onAutoAttached) until scripts are installed; the real URL is then
    // navigated to before release, so that about:blank never commits.
    const attached = waitForAttach('about:blank');
    await root.send('Target.createTarget', {
      url: 'about:blank',
      width: width + insets.width,
      height: height + insets.height,
      newWindow: true,
      background: !show,
    });
    const { sessionId, targetId } = await attached;
    runtime.ownTargets.add(targetId);
    this.targetId = targetId;
    const session = runtime.chromium.cdp.session(sessionId);
    this.session = session;
    this.wire(session);
    const preload = this.wc.getLastWebPreferences().preload;
    const cfg = {
      binding: runtime.bindingName,
      dispatch: runtime.dispatchName,
      handoff: runtime.handoffName,
      hasPreload: Boolean(preload),
      platform: process.platform,
      arch: process.arch,
      versions: { ...process.versions },
    };
    let preloadScript = null;
    if (preload) {
      try {
        preloadScript = preloadSource(cfg, preload);
      } catch (error) {
        debug('preload unreadable', preload, error.message);
        this.wc.emit('preload-error', makeEvent(), preload, error);
      }
    }
    await Promise.all([
      this.setWindowSize(width, height),
      session.send('Page.enable'),
      session.send('Runtime.enable'),
      session.send('Inspector.enable'),
      session.send('Runtime.addBinding', { name: runtime.bindingName }),
      session.send('Page.addScriptToEvaluateOnNewDocument', { source: bootstrapSource(cfg) }),
      preloadScript && session.send('Page.addScriptToEvaluateOnNewDocument', { source: preloadScript }),
      session.send('Fetch.enable', { patterns: [{ resourceType: 'Document', requestStage: 'Request' }] }),
    ]);
    const navigation = url === 'about:blank' ? null : session.send('Page.navigate', { url });
    await session.send('Runtime.runIfWaitingForDebugger');
    if (this.wc.isDestroyed()) this.close();
    const result = navigation && (await navigation);
    if (result && result.errorText) this.failLoad(result.errorText.replace(/^net::/, ''), url);
  }

  wire(session) {
    const wc = this.wc;
    const isMain = (frameId) => frameId === this.targetId;
    session.on('Page.frameNavigated', ({ frame }) => {
      const url = frame.url + (frame.urlFragment || '');
      this.frames.set(frame.id, { url, parentId: frame.parentId || null });
      if (frame.parentId) return;
      this.resolveFirstCommit();
      if (frame.unreachableUrl) {
        this.failLoad('ERR_FAILED', frame.unreachableUrl);
        return;
      }
      wc._url = url;
      wc.emit('did-navigate', makeEvent(), fromChromiumUrl(url), 200, 'OK');
    });
    session.on('Page.navigatedWithinDocument', ({ frameId, url }) => {
      const frame = this.frames.get(frameId);
      if (frame) frame.url = url;
      if (isMain(frameId)) wc._url = url;
      wc.emit('did-navigate-in-page', makeEvent(), fromChromiumUrl(url), isMain(frameId));
    });
    session.on('Page.frameStartedLoading', ({ frameId }) => {
      if (!isMain(frameId)) return;
      wc._loading = true;
      wc.emit('did-start-loading', makeEvent());
    });
    session.on('Page.frameStoppedLoading', ({ frameId }) => {
      if (!isMain(frameId)) return;
      wc._loading = false;
      wc.emit('did-stop-loading', makeEvent());
    });
    session.on('Page.domContentEventFired', () => wc.emit('dom-ready', makeEvent()));
    session.on('Page.loadEventFired', () => {
      if (wc._url === 'about:blank' && !this.loadWaiters.length) return;
      wc._loading = false;
      const waiters = this.loadWaiters.splice(0);
      wc.emit('did-finish-load', makeEvent());
      for (const waiter of waiters) waiter.resolve();
    });
    session.on('Page.frameRequestedNavigation', (event) => this.onRendererNavigation(event));
    session.on('Fetch.requestPaused', (event) => this.onDocumentRequest(event));
    session.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData && context.auxData.isDefault) this.contexts.set(context.id, context.auxData.frameId);
    });
    session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.contexts.delete(executionContextId));
    session.on('Runtime.executionContextsCleared', () => this.contexts.clear());
    session.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
      if (name !== runtime.bindingName) return;
      require('./ipc-main.cjs').routeFromPage(wc, payload, executionContextId);
    });
  }

  onRendererNavigation({ frameId, url }) {
    if (frameId !== this.targetId) return;
    if (isCustomScheme(schemeOf(url))) {
      // Chromium cannot request it; decide here and navigate ourselves.
      if (!this.emitWillNavigate(url)) this.wc.loadURL(url).catch(() => {});
      return;
    }
    this.rendererNavs.add(stripHash(url));
  }

  /** Returns true when the app prevented the navigation. */
  emitWillNavigate(chromiumUrl) {
    const url = fromChromiumUrl(chromiumUrl);
    const details = { url, isSameDocument: false, isMainFrame: true, frame: this.wc.mainFrame, initiator: null };
    const event = makeEvent(details);
    this.wc.emit('will-navigate', event, url);
    if (!event.defaultPrevented) {
      const frameEvent = makeEvent(details);
      this.wc.emit('will-frame-navigate', frameEvent);
      if (frameEvent.defaultPrevented) event.defaultPrevented = true;
    }
    return event.defaultPrevented;
  }

  onDocumentRequest({ requestId, request, frameId }) {
    const session = this.session;
    const key = stripHash(request.url);
    if (frameId !== this.targetId || !this.rendererNavs.has(key)) {
      session.sendMayFail('Fetch.continueRequest', { requestId });
      return;
    }
    this.rendererNavs.delete(key);
    if (this.emitWillNavigate(request.url)) {
      debug('navigation prevented', request.url);
      session.sendMayFail('Fetch.failRequest', { requestId, errorReason: 'Aborted' });
    } else {
      session.sendMayFail('Fetch.continueRequest', { requestId });
    }
  }

  failLoad(code, chromiumUrl) {
    this.resolveFirstCommit();
    const url = fromChromiumUrl(chromiumUrl);
    const errno = NET_ERRORS[code] ?? -2;
    const error = Object.assign(new Error(`${code} (${errno}) loading '${url}'`), { code, errno, url });
    const waiters = this.loadWaiters.splice(0);
    this.wc._loading = false;
    this.wc.emit('did-fail-load', makeEvent(), errno, code, url, true, runtime.chromium.pid, 1);
    for (const waiter of waiters) waiter.reject(error);
    return error;
  }

  async load(url) {
    const loaded = new Promise((resolve, reject) => this.loadWaiters.push({ resolve, reject }));
    loaded.catch(() => {});
    this.wc._loading = true;
    if (!this.creation) {
      const first = toChromiumUrl(url);
      this.creation = first.then((target) => {
        this.wc._url = target;
        this.creation = null;
        return this.ensure(target);
      });
      await this.creation;
      return loaded;
    }
    await this.ready;
    const target = await toChromiumUrl(url);
    this.wc._url = target; // like Electron, getURL() reports the pending URL at once
    const result = await this.session.send('Page.navigate', { url: target });
    if (result.errorText) throw this.failLoad(result.errorText.replace(/^net::/, ''), target);
    return loaded;
  }

  async reload(ignoreCache = false) {
    await this.ensure();
    this.wc._loading = true;
    await this.session.sendMayFail('Page.reload', { ignoreCache });
  }

  /** main → page: hand a message to the bootstrap's dispatcher. */
  async dispatch(message, contextId) {
    await this.ready;
    if (this.wc.isDestroyed()) return;
    const expression = `globalThis[${JSON.stringify(runtime.dispatchName)}]?.(${JSON.stringify(JSON.stringify(message))})`;
    await this.session.sendMayFail('Runtime.evaluate', contextId ? { expression, contextId } : { expression });
  }

  async evaluate(code, userGesture = true) {
    await this.ensure();
    const result = await this.session.send('Runtime.evaluate', { expression: String(code), awaitPromise: true, returnByValue: true, userGesture });
    if (result.exceptionDetails) {
      const details = result.exceptionDetails;
      throw new Error((details.exception && details.exception.description) || details.text);
    }
    return result.result.value;
  }

  /** Makes the page's viewport width × height (BrowserWindow sizes are content sizes here). */
  async resize(width, height) {
    await this.ready;
    await this.setWindowSize(width, height);
  }

  async setWindowSize(width, height) {
    const { root } = runtime.chromium.cdp;
    const found = await root.sendMayFail('Browser.getWindowForTarget', { targetId: this.targetId });
    if (!found) return;
    const insets = runtime.windowInsets;
    await root.sendMayFail('Browser.setWindowBounds', {
      windowId: found.windowId,
      bounds: { width: width + insets.width, height: height + insets.height },
    });
  }

  crash() {
    this.ready.then(() => this.session.sendMayFail('Page.crash'));
  }

  close() {
    if (!this.creation) return;
    this.ready
      .then(() => runtime.chromium.cdp.root.sendMayFail('Target.closeTarget', { targetId: this.targetId }))
      .catch(() => {});
  }

  frameInfo(contextId) {
    const frameId = (contextId && this.contexts.get(contextId)) || this.targetId;
    return { frameId, ...(this.frames.get(frameId) || { url: this.wc._url, parentId: null }) };
  }
}

module.exports = { PageTarget };
