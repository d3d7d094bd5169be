// rtpengine "ng" control protocol client (bencode over UDP), loopback only.
import crypto from 'node:crypto';
import dgram from 'node:dgram';

export function bencode(v) {
  if (Buffer.isBuffer(v)) return Buffer.concat([Buffer.from(`${v.length}:`), v]);
  if (typeof v === 'string') return bencode(Buffer.from(v));
  if (typeof v === 'number' || typeof v === 'bigint') return Buffer.from(`i${Math.trunc(Number(v))}e`);
  if (typeof v === 'boolean') return bencode(v ? 1 : 0);
  if (Array.isArray(v)) return Buffer.concat([Buffer.from('l'), ...v.map(bencode), Buffer.from('e')]);
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return Buffer.concat([Buffer.from('d'), ...keys.flatMap((k) => [bencode(k), bencode(v[k])]), Buffer.from('e')]);
  }
  throw new TypeError(`cannot bencode ${typeof v}`);
}

export function bdecode(buf) {
  let i = 0;
  const parse = () => {
    const c = String.fromCharCode(buf[i]);
    if (c === 'i') {
      const end = buf.indexOf(0x65, i); // 'e'
      const n = Number(buf.subarray(i + 1, end).toString());
      i = end + 1;
      return n;
    }
    if (c === 'l') {
      i++;
      const out = [];
      while (buf[i] !== 0x65) out.push(parse());
      i++;
      return out;
    }
    if (c === 'd') {
      i++;
      const out = {};
      while (buf[i] !== 0x65) {
        const k = parse();
        out[k] = parse();
      }
      i++;
      return out;
    }
    const colon = buf.indexOf(0x3a, i);
    const len = Number(buf.subarray(i, colon).toString());
    const s = buf.subarray(colon + 1, colon + 1 + len).toString();
    i = colon + 1 + len;
    return s;
  };
  return parse();
}

/** Send one ng command ({command:'ping'} etc.), resolve with the decoded reply. */
export function ngCommand(port, msg, { host = '127.0.0.1', timeoutMs = 1000 } = {}) {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket('udp4');
    const cookie = crypto.randomBytes(6).toString('hex');
    const timer = setTimeout(() => { sock.close(); reject(new Error(`rtpengine ng ${msg.command}: no reply in ${timeoutMs} ms`)); }, timeoutMs);
    sock.on('message', (data) => {
      const sp = data.indexOf(0x20);
      if (data.subarray(0, sp).toString() !== cookie) return;
      clearTimeout(timer);
      sock.close();
      try { resolve(bdecode(data.subarray(sp + 1))); } catch (e) { reject(e); }
    });
    sock.on('error', (e) => { clearTimeout(timer); sock.close(); reject(e); });
    sock.send(Buffer.concat([Buffer.from(`${cookie} `), bencode(msg)]), port, host);
  });
}

/**
 * Summarise a `query` reply: per tag (party), packets/bytes it sent to
 * rtpengine ("in") — i.e. what rtpengine received from that party.
 */
export function summarizeQuery(q) {
  const parties = {};
  for (const [tag, t] of Object.entries(q?.tags ?? {})) {
    let packets = 0; let bytes = 0;
    const addrs = [];
    for (const media of t.medias ?? []) {
      for (const s of media.streams ?? []) {
        packets += s.stats?.packets ?? 0;
        bytes += s.stats?.bytes ?? 0;
        if (s.endpoint?.address) addrs.push(`${s.endpoint.address}:${s.endpoint.port}`);
      }
    }
    parties[tag] = { packets, bytes, addrs, label: t.label, protocol: t.medias?.[0]?.protocol };
  }
  return { totals: q?.totals, parties };
}
