/** The only address a party's ICE may use: the lab lives on loopback. */
export const LOOPBACK = '127.0.0.1';

const CANDIDATE = /^a=candidate:\S+ \d+ \S+ \d+ (\S+) \d+ typ /;

/**
 * Drops every remote ICE candidate that is not on 127.0.0.1. Besides
 * keeping traffic on loopback this matters because werift resolves
 * `*.local` (mDNS) candidates by multicast — traffic off the loopback.
 */
export function keepLoopbackCandidates(sdp: string): string {
  const lines = sdp.split(/\r?\n/);
  const kept = lines.filter((line) => {
    const match = CANDIDATE.exec(line);
    return !match || match[1] === LOOPBACK;
  });
  return kept.join('\r\n');
}
