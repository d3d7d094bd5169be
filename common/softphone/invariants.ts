import { IDLE_LINE, LINE_IDS, isConsultActive, isEstablished, type LineState, type PhoneState } from './line-states';

/**
 * What must hold in every state the table can produce. The table tests check
 * it for every reachable state; the line manager may check it in debug builds
 * and log (never throw) when SIP reality drifted from the table.
 *
 * Returns one `code: explanation` string per broken rule; empty when sound.
 */
export function checkInvariants(state: PhoneState): string[] {
  const { line1, line2 } = state;
  const broken: string[] = [];
  const fail = (code: string, why: string) => broken.push(`${code}: ${why}`);
  const is = (s: LineState, ...states: LineState[]) => states.includes(s);

  // Roles: line 1 carries the customer, line 2 the consult.
  if (is(line1.state, 'consultRequested', 'consulting')) fail('line1-role', `line 1 cannot be ${line1.state}`);
  if (is(line2.state, 'dialing', 'connected')) fail('line2-role', `line 2 cannot be ${line2.state}`);

  // V3: never both held; the agent talks to one party unless in conference.
  if (line1.state === 'held' && line2.state === 'held') fail('both-held', 'line 1 and line 2 are both held');
  if (is(line2.state, 'consultRequested', 'consulting') && line1.state !== 'held') {
    fail('consult-holds-customer', `line 2 is ${line2.state} while line 1 is ${line1.state}, not held`);
  }
  if (line2.state === 'held' && line1.state !== 'connected') {
    fail('held-consult-needs-customer', `line 2 is held while line 1 is ${line1.state}, not connected`);
  }

  // V5: a conference is both lines mixed.
  if ((line1.state === 'conference') !== (line2.state === 'conference')) {
    fail('conference-pair', `line 1 is ${line1.state} and line 2 is ${line2.state}`);
  }

  // V8: no consult without a customer; the cleanup after the customer left
  // is line 2 `ending`.
  if (isConsultActive(line2) && !is(line1.state, 'connected', 'held', 'conference')) {
    fail('consult-without-customer', `line 2 is ${line2.state} while line 1 is ${line1.state}`);
  }
  if (line2.state === 'ringing' && !is(line1.state, 'connected', 'held', 'ending')) {
    fail('waiting-without-call', `a call waits on line 2 while line 1 is ${line1.state}`);
  }
  if (is(line1.state, 'ringing', 'dialing') && !is(line2.state, 'idle', 'ending')) {
    fail('one-call-setup', `line 1 is ${line1.state} while line 2 is ${line2.state}`);
  }

  for (const id of LINE_IDS) {
    const line = state[id];
    const where = id === 'line1' ? 'line 1' : 'line 2';
    if (line.state === 'idle') {
      const leftovers = (Object.keys(IDLE_LINE) as (keyof typeof IDLE_LINE)[]).filter((k) => line[k] !== IDLE_LINE[k]);
      if (leftovers.length > 0) fail('idle-clean', `${where} is idle but keeps ${leftovers.join(', ')}`);
      continue;
    }
    if (line.direction === null) fail('direction', `${where} is ${line.state} without a direction`);
    if (line.state === 'ringing' && line.direction !== 'inbound') fail('direction', `${where} rings outbound`);
    if (is(line.state, 'dialing', 'consultRequested') && line.direction !== 'outbound') {
      fail('direction', `${where} dials inbound`);
    }
    if (line.alerting && !is(line.state, 'dialing', 'consultRequested')) {
      fail('alerting', `${where} is ${line.state} and alerting`);
    }
    if (line.remoteHeld && !isEstablished(line.state) && line.state !== 'ending') {
      fail('remote-held', `${where} is ${line.state} and held by the far end`);
    }
    if (line.muted && line.state === 'ringing') fail('muted', `${where} is muted while ringing`);
  }

  // Transfers are REFERs on the customer's line.
  if (line2.transferring !== null) fail('transfer-line', 'line 2 cannot be transferring');
  if (line1.transferring !== null && !is(line1.state, 'connected', 'held', 'conference')) {
    fail('transfer-line', `line 1 is ${line1.state} and transferring`);
  }
  if (line1.transferring === 'blind' && (line1.state !== 'held' || isConsultActive(line2))) {
    fail('transfer-blind', `a blind transfer with line 1 ${line1.state} and line 2 ${line2.state}`);
  }
  return broken;
}
