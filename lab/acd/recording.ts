import { findContact } from './contact-model';
import type { AcdCore, AgentRecord, ContactRecord } from './state';
import { failure, type AcdResult } from './types';

/**
 * Pause / resume recording (V9). A paused recording resumes by itself after
 * the organisation's auto-resume time; the agent may resume earlier.
 */
const LIVE = new Set(['connected', 'consult-requested', 'consulting', 'conference']);

function ownedLive(core: AcdCore, agent: AgentRecord, contactId: unknown): ContactRecord | AcdResult {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  if (contact.owner !== agent.config.username) return failure('not-permitted', 'only the contact owner controls recording');
  if (!LIVE.has(contact.state)) return failure('invalid-state', 'the contact is not connected');
  return contact;
}

export function pauseRecording(core: AcdCore, agent: AgentRecord, contactId: unknown): AcdResult<{ autoResumeAt: number }> {
  const found = ownedLive(core, agent, contactId);
  if ('ok' in found) return found as AcdResult<{ autoResumeAt: number }>;
  if (found.recording.paused) return failure('invalid-state', 'recording is already paused');
  const ms = core.org.timers.recordingAutoResumeSeconds * 1000;
  const resumeAt = core.now() + ms;
  found.recording = { paused: true, resumeAt, timer: core.timer(ms, () => resume(core, found)) };
  changed(core, found);
  return { ok: true, autoResumeAt: resumeAt };
}

export function resumeRecording(core: AcdCore, agent: AgentRecord, contactId: unknown): AcdResult {
  const found = ownedLive(core, agent, contactId);
  if ('ok' in found) return found;
  if (!found.recording.paused) return failure('invalid-state', 'recording is not paused');
  resume(core, found);
  return { ok: true };
}

function resume(core: AcdCore, contact: ContactRecord): void {
  if (!contact.recording.paused) return;
  core.clearTimer(contact.recording.timer);
  contact.recording = { paused: false, timer: null, resumeAt: null };
  changed(core, contact);
}

function changed(core: AcdCore, contact: ContactRecord): void {
  core.touch(contact);
  const usernames = [contact.owner, contact.consult?.agent2 ?? null].filter((u): u is string => u !== null);
  core.emit({
    type: 'recording',
    contactId: contact.id,
    paused: contact.recording.paused,
    autoResumeAt: contact.recording.resumeAt,
    usernames,
  });
}
