import type { SenderRole } from '../../common/contract';

/**
 * Our pages load from `switchboard://<host>/…`, never from `file://`: a
 * privileged standard scheme gives each page a real origin, lets the
 * protocol handler confine reads to the built renderer and attach the CSP.
 */
export const APP_SCHEME = 'switchboard';

/** Host per window role; also the page folder under dist/renderer. */
export const ROLE_HOSTS: Record<SenderRole, string> = { ui: 'ui', engine: 'engine' };

export function pageUrl(role: SenderRole): string {
  return `${APP_SCHEME}://${ROLE_HOSTS[role]}/index.html`;
}

/** True when `url` is one of our pages for `role` (scheme and host match). */
export function isAppUrlFor(role: SenderRole, url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === ROLE_HOSTS[role];
  } catch {
    return false;
  }
}
