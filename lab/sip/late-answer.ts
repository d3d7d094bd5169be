import type { NameAddrHeader } from 'sip.js';
import type { ClientTransactionTable } from './client-transactions';
import { viaValue, type ProxyAddress } from './forwarding';
import { HeaderList } from './header-list';
import { newBranch } from './ids';
import type { SipConnection } from './sip-connection';
import type { OutgoingRequest, SipResponse } from './sip-message';

/**
 * A callee answered a branch whose outcome was already decided (it rang too
 * long, or the caller gave up): nobody upstream will ACK that 2xx, so the
 * proxy completes and ends the callee's dialog itself, ACK then BYE, to the
 * callee's Contact. Without this the callee's phone would sit in a call that
 * has no other side until its 2xx retransmissions time out.
 */
export function hangUpLateAnswer(
  response: SipResponse,
  forwarded: OutgoingRequest,
  connection: SipConnection,
  clients: ClientTransactionTable,
  self: ProxyAddress,
  timeoutMs: number,
): void {
  const contact = response.parsed.parseHeader('contact') as NameAddrHeader | undefined;
  const target = contact?.uri?.toString() ?? forwarded.uri;
  const cseq = Number(/^\s*(\d+)/.exec(response.headers.first('CSeq') ?? '')?.[1] ?? '1');
  const build = (method: string, number: number, branch: string): OutgoingRequest => {
    const headers = new HeaderList()
      .append('Via', viaValue(self, branch))
      .append('Max-Forwards', '70')
      .append('From', forwarded.headers.first('From') ?? '')
      .append('To', response.headers.first('To') ?? '')
      .append('Call-ID', response.callId)
      .append('CSeq', `${number} ${method}`);
    if (method === 'BYE') headers.append('Reason', 'SIP;cause=408;text="answered too late"');
    return { method, uri: target, headers, body: '' };
  };
  connection.send(build('ACK', cseq, newBranch()));
  const byeBranch = newBranch();
  clients.send(connection, build('BYE', cseq + 1, byeBranch), byeBranch, { onResponse: () => undefined }, timeoutMs);
}
