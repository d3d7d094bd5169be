/**
 * Only plain web links leave the app, in the OS browser. No `file:`, no
 * custom schemes (which could launch other programs), no credentials in the
 * URL, nothing absurdly long.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username || parsed.password) return false;
  return parsed.hostname.length > 0;
}
