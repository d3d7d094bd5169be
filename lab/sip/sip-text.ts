/**
 * Small text helpers for header values that SIP.js's parser keeps raw
 * (Route, Via lists, Authorization): splitting comma lists and reading
 * `name=value` parameter lists. Quotes and `<…>` are respected.
 */

/** `a, <sip:b;x=1,2>, "c, d"` → three values. */
export function splitHeaderValues(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (quoted) {
      current += ch;
      if (ch === '\\' && i + 1 < value.length) current += value[++i];
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '<') angle = true;
    else if (ch === '>') angle = false;
    if (ch === ',' && !angle) {
      if (current.trim()) parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/**
 * `username="1001", realm="lab.test", nc=00000001` → a map with lower-case
 * keys and unquoted values; undefined when the list is not well formed.
 */
export function parseAuthParams(text: string): Map<string, string> | undefined {
  const params = new Map<string, string>();
  const pattern = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))\s*(,|$)/y;
  let index = 0;
  while (index < text.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) return undefined;
    const name = (match[1] as string).toLowerCase();
    if (params.has(name)) return undefined;
    params.set(name, match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] as string));
    index = pattern.lastIndex;
    if (match[4] === '') break;
  }
  return params.size > 0 ? params : undefined;
}

