'use strict';
// app.requestSingleInstanceLock(): a real lock per userData directory.
// The lock is a pid file created atomically (O_EXCL) in userData; the first
// instance also listens on a Unix socket through which later instances send
// their argv/cwd, surfacing as `second-instance` in the first instance.
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { trackBeforeExit, makeEvent } = require('./runtime.cjs');
const { debug } = require('./debug-log.cjs');

const LOCK_FILE = 'StandinSingletonLock';

function socketPath(userData) {
  const hash = crypto.createHash('sha1').update(path.resolve(userData)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `standin-singleton-${hash}.sock`);
}

function alive(pid) {
  if (!pid || pid === process.pid) return pid === process.pid;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function createSingleInstance(app) {
  let held = null; // { lockFile, server, sock }

  function tryTakeLock(lockFile) {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
        return true;
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
        const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
        if (alive(pid)) return pid === process.pid;
        fs.rmSync(lockFile, { force: true }); // stale
      }
    }
    return false;
  }

  function listen(sock) {
    fs.rmSync(sock, { force: true });
    const server = net.createServer((socket) => {
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('end', () => {
        socket.end();
        let message;
        try {
          message = JSON.parse(data);
        } catch {
          return;
        }
        debug('second-instance', message);
        app.emit('second-instance', makeEvent(), message.argv, message.cwd, message.additionalData ?? null);
      });
    });
    server.listen(sock);
    server.unref();
    return server;
  }

  function notifyFirst(sock, additionalData) {
    const payload = JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData });
    trackBeforeExit(
      new Promise((resolve) => {
        const socket = net.connect(sock, () => socket.end(payload));
        socket.on('close', resolve);
        socket.on('error', resolve);
        socket.resume();
      }),
    );
  }

  return {
    request(additionalData) {
      if (held) return true;
      const userData = app.getPath('userData');
      fs.mkdirSync(userData, { recursive: true });
      const lockFile = path.join(userData, LOCK_FILE);
      const sock = socketPath(userData);
      if (!tryTakeLock(lockFile)) {
        notifyFirst(sock, additionalData);
        return false;
      }
      held = { lockFile, sock, server: listen(sock) };
      return true;
    },
    has() {
      return Boolean(held);
    },
    release() {
      if (!held) return;
      held.server.close();
      fs.rmSync(held.sock, { force: true });
      fs.rmSync(held.lockFile, { force: true });
      held = null;
    },
  };
}

module.exports = { createSingleInstance };
