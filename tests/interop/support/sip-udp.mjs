// Minimal SIP-over-UDP client for harness chores: REGISTER (with digest
// auth) a contact on behalf of a far end (e.g. a sipp UAS), unregister it,
// and observe the final status (used to prove a wrong password is refused).
import crypto from 'node:crypto';
import dgram from 'node:dgram';

const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');

function parseResponse(text) {
  const [head] = text.split('\r\n\r\n');
  const lines = head.split('\r\n');
  const m = lines[0].match(/^SIP\/2\.0 (\d{3}) (.*)$/);
  const headers = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i < 0) continue;
    const k = l.slice(0, i).trim().toLowerCase();
    (headers[k] ??= []).push(l.slice(i + 1).trim());
  }
  return { status: m ? Number(m[1]) : 0, reason: m?.[2] ?? '', headers, text };
}

function parseChallenge(h) {
  const out = {};
  for (const m of h.replace(/^Digest\s+/i, '').matchAll(/(\w+)=("([^"]*)"|[^,\s]+)/g)) out[m[1].toLowerCase()] = m[3] ?? m[2];
  return out;
}

export function digestAuthorization({ method, uri, username, password, challenge, nc = 1 }) {
  const realm = challenge.realm;
  const ha1 = md5(`${username}:${realm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const qop = challenge.qop?.split(',').map((s) => s.trim()).includes('auth') ? 'auth' : null;
  const ncHex = nc.toString(16).padStart(8, '0');
  const cnonce = crypto.randomBytes(8).toString('hex');
  const response = qop ? md5(`${ha1}:${challenge.nonce}:${ncHex}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${challenge.nonce}:${ha2}`);
  let v = `Digest username="${username}", realm="${realm}", nonce="${challenge.nonce}", uri="${uri}", response="${response}", algorithm=MD5`;
  if (qop) v += `, qop=${qop}, nc=${ncHex}, cnonce="${cnonce}"`;
  if (challenge.opaque) v += `, opaque="${challenge.opaque}"`;
  return v;
}

/**
 * REGISTER `contact` for `user` at the lab (UDP), answering one digest
 * challenge. Resolves with { status, reason, responses: [status...] } — the
 * final response (200 on success, 403/401 on bad credentials).
 */
export async function sipRegister(lab, { user, password, contact, expires = 300, timeoutMs = 3000 }) {
  const u = typeof user === 'string' ? lab.user(user) : user;
  const pw = password ?? u.password;
  const sock = dgram.createSocket('udp4');
  await new Promise((r) => sock.bind(0, '127.0.0.1', r));
  const lp = sock.address().port;
  const callId = `reg-${crypto.randomBytes(8).toString('hex')}`;
  const tag = crypto.randomBytes(4).toString('hex');
  const ruri = `sip:${lab.domain}`;
  const contactUri = contact ?? `sip:${u.user}@127.0.0.1:${lp}`;
  const responses = [];
  const send = (cseq, auth) => {
    const msg = [
      `REGISTER ${ruri} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${lp};branch=z9hG4bK${crypto.randomBytes(6).toString('hex')};rport`,
      'Max-Forwards: 70',
      `From: <${u.aor}>;tag=${tag}`,
      `To: <${u.aor}>`,
      `Call-ID: ${callId}`,
      `CSeq: ${cseq} REGISTER`,
      `Contact: <${contactUri}>`,
      `Expires: ${expires}`,
      ...(auth ? [`Authorization: ${auth}`] : []),
      'User-Agent: switchboard-interop-harness',
      'Content-Length: 0', '', '',
    ].join('\r\n');
    sock.send(msg, lab.kamailio.udpPort, '127.0.0.1');
  };
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`REGISTER ${u.user}: no final response in ${timeoutMs} ms (${responses.join(',')})`)), timeoutMs);
      let cseq = 1;
      let authed = false;
      sock.on('message', (data) => {
        const r = parseResponse(data.toString());
        if (r.status < 200) return;
        responses.push(r.status);
        if ((r.status === 401 || r.status === 407) && !authed) {
          authed = true;
          const ch = parseChallenge((r.headers['www-authenticate'] ?? r.headers['proxy-authenticate'])[0]);
          send(++cseq, digestAuthorization({ method: 'REGISTER', uri: ruri, username: u.authUser ?? u.user, password: pw, challenge: ch }));
          return;
        }
        clearTimeout(timer);
        resolve({ status: r.status, reason: r.reason, responses, contact: contactUri, response: r.text });
      });
      send(cseq, null);
    });
  } finally {
    sock.close();
  }
}
