// What a UDP far end really receives: tcpdump captures the RTP that
// rtpengine sends to the party's port, and we decode G.711 µ-law (PT 0) /
// A-law (PT 8) ourselves into 8 kHz samples with arrival times, so a test can
// tell which tones reached the party in any stretch of the call — also after
// re-INVITEs, where baresip's own recorder stops.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { mkTempDir, waitFor } from './util.mjs';

function ulaw(byte) {
  const u = ~byte & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return (u & 0x80 ? 0x84 - t : t - 0x84) / 32768;
}
function alaw(byte) {
  const a = byte ^ 0x55;
  const seg = (a & 0x70) >> 4;
  let t = (a & 0x0f) << 4;
  t = seg === 0 ? t + 8 : seg === 1 ? t + 0x108 : (t + 0x108) << (seg - 1);
  return (a & 0x80 ? t : -t) / 32768;
}

/** RTP packets in a pcap (Ethernet or Linux cooked), as {at (ms), pt, payload}. */
export function readRtpPcap(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 24) return [];
  const linkType = buf.readUInt32LE(20);
  const linkLen = linkType === 113 ? 16 : linkType === 276 ? 20 : 14;
  const packets = [];
  for (let off = 24; off + 16 <= buf.length; ) {
    const seconds = buf.readUInt32LE(off);
    const micros = buf.readUInt32LE(off + 4);
    const len = buf.readUInt32LE(off + 8);
    const frame = buf.subarray(off + 16, off + 16 + len);
    off += 16 + len;
    const ip = frame.subarray(linkLen);
    if (ip.length < 20 || ip[0] >> 4 !== 4 || ip[9] !== 17) continue;
    const udp = ip.subarray((ip[0] & 0x0f) * 4);
    const rtp = udp.subarray(8);
    if (rtp.length < 12 || rtp[0] >> 6 !== 2) continue;
    const pt = rtp[1] & 0x7f;
    let header = 12 + (rtp[0] & 0x0f) * 4;
    if (rtp[0] & 0x10) header += 4 + rtp.readUInt16BE(header + 2) * 4;
    packets.push({ at: seconds * 1000 + micros / 1000, pt, payload: rtp.subarray(header) });
  }
  return packets;
}

/** Decodes G.711 packets received in [from, to] (epoch ms) into 8 kHz samples. */
export function g711Samples(packets, { from = 0, to = Infinity } = {}) {
  const chosen = packets.filter((p) => (p.pt === 0 || p.pt === 8) && p.at >= from && p.at <= to);
  const samples = new Float32Array(chosen.reduce((n, p) => n + p.payload.length, 0));
  let i = 0;
  for (const p of chosen) for (const byte of p.payload) samples[i++] = p.pt === 0 ? ulaw(byte) : alaw(byte);
  return samples;
}

/** Starts capturing UDP packets sent to 127.0.0.1:`port`; `stop()` returns the packets. */
export async function captureRtpTo(port) {
  const dir = mkTempDir('sb-rtpcap-');
  const file = path.join(dir, 'rtp.pcap');
  const proc = spawn('tcpdump', ['-i', 'lo', '-U', '-n', '-w', file, 'udp', 'and', 'dst', 'host', '127.0.0.1', 'and', 'dst', 'port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  await waitFor(() => /listening on/.test(stderr), { timeoutMs: 5000, what: `tcpdump on port ${port}` });
  return {
    /** Packets so far (the capture keeps running). */
    packets: () => (fs.existsSync(file) ? readRtpPcap(file) : []),
    async stop() {
      proc.kill('SIGINT');
      await new Promise((resolve) => proc.once('exit', resolve));
      const packets = readRtpPcap(file);
      fs.rmSync(dir, { recursive: true, force: true });
      return packets;
    },
  };
}
