'use strict';
// `protocol`: custom schemes served to Chromium through loopback HTTP.
// Each scheme://host gets its own http://127.0.0.1:<port> origin (so e.g.
// switchboard://ui and switchboard://engine stay different origins); URLs
// are translated both ways so the app only ever sees its own scheme.
const { records } = require('./records.cjs');
const { createLoopbackServer } = require('./loopback-server.cjs');
const { onShutdown } = require('./lifecycle.cjs');

const handlers = new Map(); // scheme → handler(Request) → Response
const privileged = new Map(); // scheme → privileges
const servers = new Map(); // 'scheme://host' → { origin, server }
const byOrigin = new Map(); // 'http://127.0.0.1:port' → 'scheme://host'
const starting = new Map(); // 'scheme://host' → Promise

function isCustomScheme(scheme) {
  return handlers.has(scheme) || privileged.has(scheme);
}

function schemeOf(url) {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(String(url));
  return match ? match[1].toLowerCase() : '';
}

function splitCustom(url) {
  const parsed = new URL(url);
  return { key: `${parsed.protocol}//${parsed.host}`, rest: `${parsed.pathname || '/'}${parsed.search}${parsed.hash}` };
}

async function serverFor(key) {
  if (servers.has(key)) return servers.get(key);
  if (!starting.has(key)) {
    const [scheme] = key.split(':');
    starting.set(
      key,
      createLoopbackServer({ key, handlerFor: () => handlers.get(scheme), toCustom: fromChromiumUrl, toChromium: toChromiumUrlSync }).then(
        (entry) => {
          servers.set(key, entry);
          byOrigin.set(entry.origin, key);
          return entry;
        },
      ),
    );
  }
  return starting.get(key);
}

/** switchboard://ui/index.html → http://127.0.0.1:PORT/index.html (starting the server if needed). */
async function toChromiumUrl(url) {
  if (!isCustomScheme(schemeOf(url))) return url;
  const { key, rest } = splitCustom(url);
  const entry = await serverFor(key);
  return entry.origin + rest;
}

/** Same, for hosts whose server already runs; anything else is returned as is. */
function toChromiumUrlSync(url) {
  if (!isCustomScheme(schemeOf(url))) return url;
  const { key, rest } = splitCustom(url);
  const entry = servers.get(key);
  return entry ? entry.origin + rest : url;
}

/** http://127.0.0.1:PORT/x → switchboard://ui/x for our own servers. */
function fromChromiumUrl(url) {
  if (!url || !/^http:\/\/127\.0\.0\.1:\d+/.test(url)) return url || '';
  const parsed = new URL(url);
  const key = byOrigin.get(parsed.origin);
  return key ? key + parsed.pathname + parsed.search + parsed.hash : url;
}

function originOf(url) {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== 'null') return parsed.origin;
    return isCustomScheme(parsed.protocol.slice(0, -1)) ? `${parsed.protocol}//${parsed.host}` : 'null';
  } catch {
    return 'null';
  }
}

const protocol = {
  registerSchemesAsPrivileged(customSchemes) {
    for (const { scheme, privileges = {} } of customSchemes || []) {
      privileged.set(String(scheme).toLowerCase(), privileges);
      records.privilegedSchemes.push({ scheme, privileges });
    }
  },
  handle(scheme, handler) {
    const key = String(scheme).toLowerCase();
    if (handlers.has(key)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(key, handler);
  },
  unhandle(scheme) {
    handlers.delete(String(scheme).toLowerCase());
  },
  isProtocolHandled(scheme) {
    return handlers.has(String(scheme).toLowerCase());
  },
};

onShutdown(async () => {
  await Promise.all([...servers.values()].map((entry) => entry.close()));
});

module.exports = { protocol, toChromiumUrl, toChromiumUrlSync, fromChromiumUrl, originOf, isCustomScheme, schemeOf };
