import type { ClientTransactionTable } from './client-transactions';
import type { TrackedDialog } from './dialogs';
import { viaValue, type ProxyAddress } from './forwarding';
import { HeaderList } from './header-list';
import { newBranch } from './ids';
import type { SipConnection } from './sip-connection';
import type { OutgoingRequest } from './sip-message';

/**
 * The application ends a dialog (the ACD drops a call or a leg): the proxy
 * is not a B2BUA, but it saw the dialog set up, so it sends each side the
 * BYE the other side would have sent, with that side's tags, to its remote
 * target, above the CSeq it has seen. Responses are absorbed.
 */
export function hangUpDialog(
  dialog: TrackedDialog,
  connectionOf: (id: number) => SipConnection | undefined,
  clients: ClientTransactionTable,
  self: ProxyAddress,
  timeoutMs: number,
  reason: string,
): void {
  const reasonHeader = `SIP;cause=200;text="${reason.replace(/["\\\r\n]/g, '')}"`;
  const bye = (target: string, from: string, to: string, cseq: number): OutgoingRequest => {
    const branch = newBranch();
    const headers = new HeaderList()
      .append('Via', viaValue(self, branch))
      .append('Max-Forwards', '70')
      .append('From', from)
      .append('To', to)
      .append('Call-ID', dialog.callId)
      .append('CSeq', `${cseq} BYE`)
      .append('Reason', reasonHeader);
    return { method: 'BYE', uri: target, headers, body: '' };
  };
  const send = (connectionId: number, request: OutgoingRequest): void => {
    const connection = connectionOf(connectionId);
    if (connection === undefined) return;
    const branch = /branch=([^;\s]+)/.exec(request.headers.first('Via') ?? '')?.[1] ?? newBranch();
    clients.send(connection, request, branch, { onResponse: () => undefined }, timeoutMs);
  };
  // To the callee, as if from the caller; to the caller, as if from the callee.
  send(dialog.calleeConnection, bye(dialog.calleeTarget, dialog.fromHeader, dialog.toHeader, dialog.callerCSeq + 1));
  send(dialog.callerConnection, bye(dialog.callerTarget, dialog.toHeader, dialog.fromHeader, dialog.calleeCSeq + 1));
}
