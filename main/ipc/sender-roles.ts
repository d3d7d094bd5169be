import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { SenderRole } from '../../common/contract';
import { isAppUrlFor } from '../security/app-scheme';
import type { RoleResolver } from './router';

/** The live webContents of each of our windows (null while absent). */
export type WindowContents = () => Record<SenderRole, WebContents | null>;

/**
 * A sender has a role only if it is one of our own windows, the message came
 * from its top frame (never an iframe), and that frame shows our page for the
 * role. Anything else — another window, a navigated page, a subframe — is
 * foreign.
 */
export function createRoleResolver(windows: WindowContents): RoleResolver {
  return (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return null;
    const live = windows();
    for (const role of ['ui', 'engine'] as const) {
      const contents = live[role];
      if (contents && contents === event.sender && isAppUrlFor(role, frame.url)) return role;
    }
    return null;
  };
}
