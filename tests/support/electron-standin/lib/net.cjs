'use strict';
// `net.fetch`: Node's fetch, plus file: URLs (common inside protocol.handle
// handlers) and the app's own custom schemes.
const fs = require('node:fs');
const path = require('node:path');
const { fileURLToPath } = require('node:url');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.mp3': 'audio/mpeg', '.wav': 'audio/wav', '.ogg': 'audio/ogg', '.map': 'application/json', '.txt': 'text/plain' };

async function fetchFile(url) {
  const file = fileURLToPath(url);
  try {
    const body = await fs.promises.readFile(file);
    return new Response(body, { status: 200, headers: { 'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream' } });
  } catch (error) {
    throw new TypeError(`net::ERR_FILE_NOT_FOUND ${url} (${error.code})`);
  }
}

const net = {
  async fetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file:')) return fetchFile(url);
    const { isCustomScheme, schemeOf, toChromiumUrl } = require('./protocol.cjs');
    if (isCustomScheme(schemeOf(url))) return fetch(await toChromiumUrl(url), init);
    return fetch(input, init);
  },
  isOnline: () => true,
  get online() {
    return true;
  },
};

module.exports = { net };
