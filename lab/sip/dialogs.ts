import type { SipEventEmitter } from './sip-events';

/**
 * Dialogs set up through the proxy, by Call-ID, only so the ACD hears when
 * one ends: by a BYE, or because the connection of one side closed (a crashed
 * or quit app never sends its BYE). Each dialog ends once.
 */
interface TrackedDialog {
  callId: string;
  fromUser: string;
  toUser: string;
  callerConnection: number;
  calleeConnection: number;
}

export class DialogTracker {
  private readonly dialogs = new Map<string, TrackedDialog>();

  constructor(private readonly events: SipEventEmitter) {}

  established(dialog: TrackedDialog & { fromTag: string; toTag: string; targetUser?: string }): void {
    const { fromTag, toTag, targetUser, ...tracked } = dialog;
    this.dialogs.set(dialog.callId, tracked);
    this.events.emit('dialog-established', {
      callId: dialog.callId,
      fromUser: dialog.fromUser,
      toUser: dialog.toUser,
      fromTag,
      toTag,
      ...(targetUser !== undefined ? { targetUser } : {}),
    });
  }

  /** A BYE for this Call-ID passed; `byUser` is the From user of the BYE. */
  bye(callId: string, byUser: string): void {
    if (!this.dialogs.delete(callId)) return;
    this.events.emit('dialog-ended', { callId, byUser, reason: 'bye' });
  }

  connectionClosed(connectionId: number): void {
    for (const dialog of [...this.dialogs.values()]) {
      const byUser =
        dialog.callerConnection === connectionId
          ? dialog.fromUser
          : dialog.calleeConnection === connectionId
            ? dialog.toUser
            : undefined;
      if (byUser === undefined) continue;
      this.dialogs.delete(dialog.callId);
      this.events.emit('dialog-ended', { callId: dialog.callId, byUser, reason: 'connection-closed' });
    }
  }

  get size(): number {
    return this.dialogs.size;
  }
}
