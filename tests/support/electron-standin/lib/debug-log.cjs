'use strict';
// Diagnostics for the stand-in itself: silent unless STANDIN_DEBUG=1.
const enabled = process.env.STANDIN_DEBUG === '1';

function debug(...parts) {
  if (!enabled) return;
  const text = parts
    .map((p) => (typeof p === 'string' ? p : safeJson(p)))
    .join(' ');
  process.stderr.write(`[standin] ${text}\n`);
}

function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

module.exports = { debug, debugEnabled: enabled };
