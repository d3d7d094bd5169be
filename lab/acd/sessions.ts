import { agentView, release, setAvailability } from './agents';
import { detachOwner } from './contacts';
import { endConsultRecord } from './consult';
import { withdrawForLogout } from './routing';
import type { AcdCore, AgentRecord, SessionRecord } from './state';
import { failure, LOGOUT_REASONS, type AcdResult, type AgentView, type ForcedLogoutReason } from './types';
import { forceWrapUp } from './wrap-up';

/**
 * Sessions (S1–S4): login with the agent's team and DN, three failed
 * passwords lock the account, one session per agent (the older one is
 * forced out), logout refused while a contact is active.
 */

export const MAX_FAILED_LOGINS = 3;

export interface LoginInput {
  username: string;
  password: string;
  dn: string;
  teamId: string;
}

export function login(core: AcdCore, input: LoginInput): AcdResult<{ sessionId: string; agent: AgentView }> {
  if (typeof input !== 'object' || input === null) return failure('invalid-input', 'login details expected');
  const { username, password, dn, teamId } = input;
  if ([username, password, dn, teamId].some((v) => typeof v !== 'string')) {
    return failure('invalid-input', 'username, password, dn and teamId must be strings');
  }
  const agent = core.agents.get(username);
  if (agent === undefined) return failure('invalid-credentials', 'wrong username or password');
  if (agent.locked) return failure('account-locked', 'the account is locked');
  if (agent.config.password !== password) {
    agent.failedLogins += 1;
    if (agent.failedLogins >= MAX_FAILED_LOGINS) {
      agent.locked = true;
      core.log.warn('account locked after failed logins', { username });
      return failure('account-locked', `the account is locked after ${MAX_FAILED_LOGINS} failed attempts`);
    }
    return failure('invalid-credentials', 'wrong username or password');
  }
  agent.failedLogins = 0;
  if (agent.passwordExpired) return failure('password-expired', 'the password has expired');
  if (agent.passwordChangeRequired) return failure('password-change-required', 'the password must be changed first');
  if (!agent.config.teams.includes(teamId)) return failure('team-not-allowed', 'that team is not mapped to this agent');
  if (!core.org.phones.some((p) => p.dn === dn)) return failure('unknown-dn', 'no such phone in this organisation');
  for (const [other, record] of core.agents) {
    if (other !== username && record.session?.dn === dn) return failure('dn-in-use', 'another agent uses that DN');
  }
  const previous = agent.session;
  if (previous !== null && previous.activity !== null && previous.dn !== dn) {
    return failure('contact-active', 'your other session has an active contact on another DN');
  }
  const sessionId = core.newId('session');
  if (previous !== null) {
    endSession(core, agent, 'signed-in-elsewhere', true);
  }
  const now = core.now();
  const carried = previous !== null && previous.activity !== null;
  const session: SessionRecord = carried
    ? { ...previous, sessionId, teamId }
    : {
        sessionId,
        dn,
        teamId,
        availability: 'idle',
        idleReason: core.org.defaultIdleReason,
        availabilitySince: now,
        pending: null,
        activity: null,
        contactId: null,
        role: null,
        readySince: now,
        connectedAt: null,
        wrapUp: null,
      };
  agent.session = session;
  core.sessions.set(sessionId, username);
  core.dirtyAgents.add(username);
  const view = agentView(agent, session);
  core.emit({ type: 'agent-logged-in', username, agent: view });
  return { ok: true, sessionId, agent: view };
}

/** End a session record (its contact, if any, is the caller's business). */
function endSession(core: AcdCore, agent: AgentRecord, reason: ForcedLogoutReason | 'logout', forced: boolean): void {
  const session = agent.session;
  if (session === null) return;
  const username = agent.config.username;
  core.sessions.delete(session.sessionId);
  agent.session = null;
  core.stats.agentState(username, null, core.now());
  core.dirtyAgents.add(username);
  if (forced && reason !== 'logout') core.emit({ type: 'forced-logout', username, sessionId: session.sessionId, reason });
  core.emit({ type: 'agent-logged-out', username, sessionId: session.sessionId, reason });
}

export function logout(core: AcdCore, agent: AgentRecord): AcdResult {
  const session = agent.session;
  if (session === null) return failure('not-logged-in', 'not logged in');
  if (session.activity !== null) return failure('contact-active', 'wrap up every contact before logging out');
  endSession(core, agent, 'logout', false);
  return { ok: true };
}

/** Available or Idle with a reason (A1); during a contact it waits for the contact's end (A3). */
export function setState(
  core: AcdCore,
  agent: AgentRecord,
  input: { availability: unknown; idleReason?: unknown },
): AcdResult<{ pending: boolean }> {
  const session = agent.session;
  if (session === null) return failure('not-logged-in', 'not logged in');
  if (typeof input !== 'object' || input === null) return failure('invalid-input', 'state expected');
  const { availability } = input;
  if (availability === 'rona') return failure('not-permitted', 'RONA is set by the system only');
  if (availability !== 'available' && availability !== 'idle') return failure('invalid-input', 'available or idle');
  let idleReason: string | null = null;
  if (availability === 'idle') {
    const wanted = input.idleReason ?? core.org.defaultIdleReason;
    if (typeof wanted !== 'string' || !core.org.idleReasons.some((r) => r.code === wanted)) {
      return failure('unknown-code', 'not an idle reason of this organisation');
    }
    idleReason = wanted;
  }
  core.dirtyAgents.add(agent.config.username);
  if (session.activity !== null) {
    session.pending = { availability, idleReason };
    return { ok: true, pending: true };
  }
  setAvailability(core, session, availability, idleReason);
  return { ok: true, pending: false };
}

/**
 * A session ended by someone else (S4). A supervisor may log out only an
 * agent without a contact (seed); the system reasons end whatever is going
 * on: a ringing offer returns to the queue, a consult ends, an owned call is
 * dropped and wrapped up with the default code.
 */
export function forceLogout(core: AcdCore, username: unknown, reason: unknown): AcdResult {
  if (typeof reason !== 'string' || reason === 'logout' || !(LOGOUT_REASONS as readonly string[]).includes(reason)) {
    return failure('invalid-input', 'not a forced-logout reason');
  }
  const agent = typeof username === 'string' ? core.agents.get(username) : undefined;
  if (agent === undefined) return failure('unknown-agent', 'no such agent');
  const session = agent.session;
  if (session === null) return failure('not-logged-in', 'the agent is not logged in');
  if (reason === 'supervisor' && session.activity !== null) {
    return failure('contact-active', 'the agent has an active contact');
  }
  detach(core, agent.config.username, session);
  endSession(core, agent, reason as ForcedLogoutReason, true);
  return { ok: true };
}

/** Free an agent from whatever contact holds them, for a forced logout. */
function detach(core: AcdCore, username: string, session: SessionRecord): void {
  const contact = session.contactId === null ? undefined : core.contacts.get(session.contactId);
  if (contact !== undefined && session.activity !== 'wrap-up') {
    if (contact.offer?.username === username) withdrawForLogout(core, contact);
    else if (contact.pendingTransfer?.agent === username) {
      contact.pendingTransfer.agent = null;
      release(core, username, false);
    } else if (contact.consult?.agent2 === username) {
      const consult = contact.consult;
      if (consult.state === 'confirm-required') {
        consult.state = 'waiting-agent';
        consult.agent2 = null;
        consult.dial = null;
        release(core, username, false);
      } else {
        endConsultRecord(core, contact, 'left');
        core.port('dropLeg', (calls) => calls.dropLeg(contact.id, session.dn, 'logged-out'));
      }
    } else if (contact.owner === username) {
      if (contact.state === 'outdial-reserved') release(core, username, false);
      else detachOwner(core, contact);
    }
  }
  forceWrapUp(core, username);
  release(core, username, false);
}

/** Admin: lock an account (a logged-in agent is forced out with `account-locked`). */
export function lockAccount(core: AcdCore, username: unknown): AcdResult {
  const agent = typeof username === 'string' ? core.agents.get(username) : undefined;
  if (agent === undefined) return failure('unknown-agent', 'no such agent');
  agent.locked = true;
  if (agent.session !== null) return forceLogout(core, username, 'account-locked');
  return { ok: true };
}

export function unlockAccount(core: AcdCore, username: unknown): AcdResult {
  const agent = typeof username === 'string' ? core.agents.get(username) : undefined;
  if (agent === undefined) return failure('unknown-agent', 'no such agent');
  agent.locked = false;
  agent.failedLogins = 0;
  return { ok: true };
}

/** Admin: expire a password (a logged-in agent is forced out with `password-expired`). */
export function expirePassword(core: AcdCore, username: unknown): AcdResult {
  const agent = typeof username === 'string' ? core.agents.get(username) : undefined;
  if (agent === undefined) return failure('unknown-agent', 'no such agent');
  agent.passwordExpired = true;
  if (agent.session !== null) return forceLogout(core, username, 'password-expired');
  return { ok: true };
}
