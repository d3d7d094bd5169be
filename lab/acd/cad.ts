import { findContact } from './contact-model';
import type { AcdCore, AgentRecord } from './state';
import { failure, type AcdFailure, type AcdResult } from './types';

/**
 * Call-associated data (V10): editable variables only, strings within their
 * length. Editable during the contact by its owner and, after a transfer, by
 * agent 1 until their wrap-up; saved with each wrap-up (the last one wins).
 */
export function validateCad(
  core: AcdCore,
  values: unknown,
): { ok: true; values: Record<string, string> } | AcdFailure {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return failure('invalid-input', 'CAD values must be an object of strings');
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const variable = core.org.cadVariables.find((v) => v.name === name);
    if (variable === undefined) return failure('invalid-input', `unknown CAD variable "${name}"`);
    if (!variable.editable) return failure('not-permitted', `CAD variable "${name}" is read-only`);
    if (typeof value !== 'string') return failure('invalid-input', `CAD variable "${name}" must be a string`);
    if (value.length > variable.maxLength) {
      return failure('invalid-input', `CAD variable "${name}" is longer than ${variable.maxLength}`);
    }
    out[name] = value;
  }
  return { ok: true, values: out };
}

/** Initial CAD of a call (e.g. from the IVR): known variables only, others dropped. */
export function initialCad(core: AcdCore, values: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof values !== 'object' || values === null) return out;
  for (const [name, value] of Object.entries(values)) {
    const variable = core.org.cadVariables.find((v) => v.name === name);
    if (variable !== undefined && typeof value === 'string') out[name] = value.slice(0, variable.maxLength);
  }
  return out;
}

/** Read CAD: the agents on the contact (both in a consult) and agent 1 until their wrap-up. */
export function getCad(core: AcdCore, agent: AgentRecord, contactId: unknown): AcdResult<{ cad: Record<string, string> }> {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  const username = agent.config.username;
  const involved =
    contact.owner === username ||
    contact.consult?.agent2 === username ||
    contact.cadEditors.has(username) ||
    (agent.session?.contactId === contact.id && agent.session.activity !== null);
  if (!involved) return failure('unknown-contact', 'no such contact');
  return { ok: true, cad: { ...contact.cad } };
}

export function setCad(core: AcdCore, agent: AgentRecord, contactId: unknown, values: unknown): AcdResult<{ cad: Record<string, string> }> {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  const username = agent.config.username;
  const wrapping = agent.session?.activity === 'wrap-up' && agent.session.contactId === contact.id;
  const owning = contact.owner === username && contact.state !== 'ended';
  if (!owning && !wrapping && !contact.cadEditors.has(username)) {
    return failure('not-permitted', 'only the agents handling this contact may edit its CAD');
  }
  const checked = validateCad(core, values);
  if (!checked.ok) return checked;
  Object.assign(contact.cad, checked.values);
  core.touch(contact);
  return { ok: true, cad: { ...contact.cad } };
}
