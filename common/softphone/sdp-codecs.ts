/**
 * Reorders the payload types of each audio m-line so the agent's preferred
 * codecs come first (SDP offer/answer picks the first common one). Codecs
 * not listed keep their relative order after the preferred ones; telephone-
 * event (RFC 4733 DTMF) and comfort noise are never dropped.
 */
export function preferCodecs(sdp: string, codecs: readonly string[]): string {
  if (codecs.length === 0) return sdp;
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(eol);
  const names = new Map<string, string>();
  for (const line of lines) {
    const match = /^a=rtpmap:(\d+) ([^/]+)\//.exec(line);
    if (match) names.set(match[1]!, match[2]!.toLowerCase());
  }
  const rank = (pt: string): number => {
    const index = codecs.findIndex((c) => c.toLowerCase() === names.get(pt));
    return index === -1 ? codecs.length : index;
  };
  return lines
    .map((line) => {
      const match = /^(m=audio \S+ \S+) (.+)$/.exec(line);
      if (!match) return line;
      const pts = match[2]!.split(' ');
      const sorted = pts.map((pt, i) => ({ pt, i })).sort((a, b) => rank(a.pt) - rank(b.pt) || a.i - b.i);
      return `${match[1]} ${sorted.map((x) => x.pt).join(' ')}`;
    })
    .join(eol);
}
