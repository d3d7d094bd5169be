import type { SipEventEmitter } from './sip-events';

/**
 * Dialogs set up through the proxy, by Call-ID, so the ACD hears when one
 * ends (a BYE, or the connection of one side closed: a crashed or quit app
 * never sends its BYE) and so the application can end one itself
 * (`SipServer.endDialog`). Each dialog ends once.
 */
export interface TrackedDialog {
  callId: string;
  fromUser: string;
  toUser: string;
  callerConnection: number;
  calleeConnection: number;
  fromTag: string;
  /** The caller's From and the callee's To header values, tags included. */
  fromHeader: string;
  toHeader: string;
  /** Remote targets (Contact URIs) of each side, where in-dialog requests go. */
  callerTarget: string;
  calleeTarget: string;
  /** Highest CSeq each side has used in this dialog (a request we make must go above it). */
  callerCSeq: number;
  calleeCSeq: number;
}

export type EstablishedDialog = Omit<TrackedDialog, 'calleeCSeq'> & { toTag: string; targetUser?: string };

export class DialogTracker {
  private readonly dialogs = new Map<string, TrackedDialog>();

  constructor(private readonly events: SipEventEmitter) {}

  established(dialog: EstablishedDialog): void {
    const { toTag, targetUser, ...tracked } = dialog;
    this.dialogs.set(dialog.callId, { ...tracked, calleeCSeq: 0 });
    this.events.emit('dialog-established', {
      callId: dialog.callId,
      fromUser: dialog.fromUser,
      toUser: dialog.toUser,
      fromTag: dialog.fromTag,
      toTag,
      ...(targetUser !== undefined ? { targetUser } : {}),
    });
  }

  /** An in-dialog request passed: remember its CSeq for the side that sent it. */
  sawRequest(callId: string, fromTag: string | undefined, cseq: number): void {
    const dialog = this.dialogs.get(callId);
    if (dialog === undefined || !Number.isInteger(cseq)) return;
    if (fromTag === dialog.fromTag) dialog.callerCSeq = Math.max(dialog.callerCSeq, cseq);
    else dialog.calleeCSeq = Math.max(dialog.calleeCSeq, cseq);
  }

  /** A BYE for this Call-ID passed; `byUser` is the From user of the BYE. */
  bye(callId: string, byUser: string): void {
    if (!this.dialogs.delete(callId)) return;
    this.events.emit('dialog-ended', { callId, byUser, reason: 'bye' });
  }

  /** Removes a dialog the application ends itself (no `dialog-ended` event: it knows). */
  take(callId: string): TrackedDialog | undefined {
    const dialog = this.dialogs.get(callId);
    this.dialogs.delete(callId);
    return dialog;
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
