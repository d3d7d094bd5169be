import { z } from 'zod';
import { AGENT_API_LIMITS as L } from './limits';

/**
 * Small field schemas shared by requests, results and events. Ids are plain
 * printable tokens: nothing that could be mistaken for a path, markup or an
 * object key like `__proto__` (they must start with a letter or digit).
 */
const REF = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** A client-chosen request id, echoed in the response. */
export const requestIdSchema = z.string().min(1).max(L.maxIdLength).regex(REF);

/** An id issued by the contact center (agent, team, queue, contact, code…). */
export const refSchema = z.string().min(1).max(L.maxRefLength).regex(REF);

export const agentIdSchema = refSchema;
export const teamIdSchema = refSchema;
export const queueIdSchema = refSchema;
export const contactIdSchema = refSchema;
/** Idle reason codes and wrap-up codes are admin-defined (PRODUCT A1, W1). */
export const codeSchema = refSchema;

/** A display name (agent, queue, address-book entry). */
export const nameSchema = z.string().min(1).max(L.maxNameLength);

/**
 * A phone number as the contact center routes it: digits with an optional
 * leading `+`, 2–20 digits. The desktop normalises what the agent typed
 * (US `1-800-555-1212` or other formats, PRODUCT S1) before sending.
 */
export const phoneNumberSchema = z.string().regex(/^\+?[0-9]{2,20}$/);

/** Milliseconds since the Unix epoch, as the server's clock reads it. */
export const epochMsSchema = z.number().int().nonnegative().max(8.64e15);

/** Event sequence numbers; 0 marks an event outside the session stream. */
export const seqSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Contact channels. Only `voice` exists today; the others are reserved names
 * so their contacts can be added as new variants of the contact union
 * (see contact.ts) without changing anything a voice client relies on.
 */
export const CHANNELS = ['voice', 'chat', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelSchema = z.enum(CHANNELS);

/**
 * Call-associated data (PRODUCT V10): admin-defined fields, key → text.
 * Keys start with a letter, so `__proto__`, `constructor[…]` and friends can
 * never become object keys.
 */
export const cadKeySchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
export const cadSchema = z
  .record(cadKeySchema, z.string().max(L.maxCadValueLength))
  .refine((cad) => Object.keys(cad).length <= L.maxCadFields, {
    message: `at most ${L.maxCadFields} CAD fields`,
  });
export type Cad = z.infer<typeof cadSchema>;

/** Where a consult or transfer goes (PRODUCT V4, V6). */
export const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('agent'), agentId: agentIdSchema }),
  z.strictObject({ kind: z.literal('queue'), queueId: queueIdSchema }),
  /** A DN typed on the dial pad or picked from the address book (the guide's "DN"). */
  z.strictObject({ kind: z.literal('dn'), number: phoneNumberSchema }),
]);
export type Target = z.infer<typeof targetSchema>;

/** An admin-defined code with its label (idle reasons, wrap-up codes). */
export const labelledCodeSchema = z.strictObject({ code: codeSchema, label: nameSchema });
export type LabelledCode = z.infer<typeof labelledCodeSchema>;

/** Free text for people (error details, reasons); bounded. */
export const messageSchema = z.string().max(L.maxMessageLength);
