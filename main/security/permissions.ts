import type { Session, WebContents } from 'electron';
import type { SenderRole } from '../../common/contract';
import type { Logger } from '../../common/log/logger';

/**
 * Deny-by-default permission table. A permission is granted only to the
 * window roles listed here; every other permission, every other page and
 * every unknown requester is refused.
 */
export const PERMISSION_TABLE: Readonly<Record<string, readonly SenderRole[]>> = {
  // The engine window captures the headset microphone for calls (audio only,
  // see isPermissionAllowed).
  media: ['engine'],
  // Output-device selection (setSinkId) for the speaker and ringer devices.
  speaker_selection: ['engine'],
  // Offer and message notifications are shown from the UI.
  notifications: ['ui'],
  // Copying a (masked) customer number or a call id to the clipboard.
  'clipboard-sanitized-write': ['ui'],
};

export interface PermissionRequest {
  role: SenderRole | null;
  permission: string;
  /** For `media`: what is asked for ('audio', 'video'). */
  mediaTypes?: readonly string[];
}

/** Pure decision, unit-tested against the table. */
export function isPermissionAllowed({ role, permission, mediaTypes }: PermissionRequest): boolean {
  if (role === null) return false;
  const roles = Object.hasOwn(PERMISSION_TABLE, permission) ? PERMISSION_TABLE[permission] : undefined;
  if (!roles?.includes(role)) return false;
  // A softphone never needs the camera or the screen.
  if (permission === 'media' && mediaTypes?.some((t) => t !== 'audio')) return false;
  return true;
}

/** Installs the table on a session for both request and check paths. */
export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  roleOf: (contents: WebContents | null) => SenderRole | null,
  log: Logger,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes as string[] | undefined) : undefined;
    const request: PermissionRequest = { role: roleOf(contents), permission, mediaTypes: mediaTypes ?? [] };
    const allowed = isPermissionAllowed(request);
    if (!allowed) log.warn('permission request denied', request);
    callback(allowed);
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) => {
    const mediaType = (details as { mediaType?: string }).mediaType;
    return isPermissionAllowed({
      role: roleOf(contents),
      permission,
      mediaTypes: mediaType && mediaType !== 'unknown' ? [mediaType] : [],
    });
  });
}
