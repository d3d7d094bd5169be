'use strict';
// One loopback HTTP server per custom scheme://host. Each request becomes a
// WHATWG Request for the ORIGINAL custom URL, handed to the app's
// protocol.handle() handler; its Response (status, headers such as
// Content-Security-Policy, body) goes back to Chromium unchanged, after
// session.webRequest.onHeadersReceived listeners have had their say.
const http = require('node:http');
const { Readable } = require('node:stream');
const { debug } = require('./debug-log.cjs');
const { webRequestHooks } = require('./session.cjs');

function createLoopbackServer({ key, handlerFor, toCustom, toChromium }) {
  const server = http.createServer((req, res) => {
    serve(req, res).catch((error) => {
      debug(`protocol handler for ${key}${req.url} failed:`, error && error.stack);
      res.destroy();
    });
  });

  async function serve(req, res) {
    const url = key + req.url;
    const handler = handlerFor();
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`net::ERR_UNKNOWN_URL_SCHEME (no protocol.handle for ${url})`);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === 'host' || name === 'connection') continue;
      const text = Array.isArray(value) ? value.join(', ') : value;
      headers.set(name, name === 'origin' || name === 'referer' ? translateOrigin(text, toCustom) : text);
    }
    const hasBody = !['GET', 'HEAD'].includes(req.method);
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? Readable.toWeb(req) : undefined,
      duplex: hasBody ? 'half' : undefined,
    });
    const response = await handler(request);
    if (!response || typeof response.status !== 'number') throw new Error('protocol handler did not return a Response');

    let statusCode = response.status;
    let responseHeaders = {};
    response.headers.forEach((value, name) => {
      if (name === 'set-cookie') return;
      responseHeaders[name] = [name === 'location' ? toChromium(new URL(value, url).href) : value];
    });
    const cookies = response.headers.getSetCookie ? response.headers.getSetCookie() : [];
    if (cookies.length) responseHeaders['set-cookie'] = cookies;
    const verdict = await webRequestHooks.headersReceived({ url, method: req.method, statusCode, responseHeaders });
    if (verdict.cancel) {
      res.destroy();
      return;
    }
    responseHeaders = verdict.responseHeaders;
    if (verdict.statusCode) statusCode = verdict.statusCode;
    res.writeHead(statusCode, responseHeaders);
    if (!response.body || req.method === 'HEAD') {
      res.end();
      return;
    }
    Readable.fromWeb(response.body).on('error', () => res.destroy()).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function translateOrigin(value, toCustom) {
  const custom = toCustom(value);
  // Origin headers carry no path; drop the one URL parsing adds back.
  return custom !== value && !/\/\/[^/]+\/./.test(value) ? custom.replace(/\/$/, '') : custom;
}

module.exports = { createLoopbackServer };
