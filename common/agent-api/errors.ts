import { z } from 'zod';
import { contactIdSchema, messageSchema } from './primitives';

/**
 * Why a request failed. A closed list: the desktop shows a localized text
 * per code; `message` is an English detail for logs, never shown as is.
 *
 * Protocol and session codes come from the server itself; the contact-center
 * codes at the end come from the ACD and carry the number the seed's agent
 * guide uses (PRODUCT C3), see `CONTACT_CENTER_ERROR_NUMBERS`.
 */
export const API_ERROR_CODES = [
  /** Not JSON, not an object, wrong envelope or body for the op. */
  'malformed',
  /** `v` is a number this server does not speak. */
  'unsupported-version',
  /** `op` names no operation. */
  'unknown-op',
  /** The op needs a logged-in session (only login, resume and ping do not). */
  'not-logged-in',
  /** login/resume on a connection that already carries a session. */
  'already-logged-in',
  /** Allowed for nobody in this situation (e.g. a team not mapped to the agent). */
  'forbidden',
  /** The contact, offer, queue, agent or code does not exist for this agent. */
  'not-found',
  /** The op does not fit the current agent or contact state (e.g. logout during a contact, S3). */
  'invalid-state',
  /** Unknown user or wrong password (S4). */
  'bad-credentials',
  /** Locked after too many failed attempts (S4). */
  'account-locked',
  /** The password must be changed first (S4). */
  'password-expired',
  /** The resume token is unknown or its session has ended: log in again. */
  'resume-failed',
  /** Too many requests waiting on this connection. */
  'busy',
  /** The server failed; the request may or may not have taken effect. */
  'internal',
  /** 14: the consulted agent cannot take a second call. */
  'consult-failed',
  /** 20: the agent's or the customer's phone could not be reached. */
  'outdial-failed',
  /** 21: the contact center refused to set the call up. */
  'outdial-rejected',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The numbered contact-center errors of the agent guide (PRODUCT C3). */
export const CONTACT_CENTER_ERROR_NUMBERS = {
  'consult-failed': 14,
  'outdial-failed': 20,
  'outdial-rejected': 21,
} as const satisfies Partial<Record<ApiErrorCode, number>>;
export type ContactCenterErrorCode = keyof typeof CONTACT_CENTER_ERROR_NUMBERS;
export type ContactCenterErrorNumber = (typeof CONTACT_CENTER_ERROR_NUMBERS)[ContactCenterErrorCode];

export function isContactCenterErrorCode(code: ApiErrorCode): code is ContactCenterErrorCode {
  return Object.hasOwn(CONTACT_CENTER_ERROR_NUMBERS, code);
}

/** `number` is present exactly for contact-center codes, and matches the code. */
function numberMatchesCode(error: { code: ApiErrorCode; number?: number | undefined }): boolean {
  if (isContactCenterErrorCode(error.code)) return error.number === CONTACT_CENTER_ERROR_NUMBERS[error.code];
  return error.number === undefined;
}

const numberSchema = z.union([z.literal(14), z.literal(20), z.literal(21)]);

export const apiErrorSchema = z
  .strictObject({
    code: z.enum(API_ERROR_CODES),
    message: messageSchema,
    number: numberSchema.optional(),
  })
  .refine(numberMatchesCode, { message: 'number must match a contact-center code' });
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Body of the `error` event: an error not tied to a request. */
export const errorEventBodySchema = z
  .strictObject({
    code: z.enum(API_ERROR_CODES),
    message: messageSchema,
    number: numberSchema.optional(),
    /** The contact it is about, for contact-center errors (e.g. the outdial that failed). */
    contactId: contactIdSchema.optional(),
  })
  .refine(numberMatchesCode, { message: 'number must match a contact-center code' });
export type ErrorEventBody = z.infer<typeof errorEventBodySchema>;

/** Builds an error with the right `number` for contact-center codes. */
export function apiError(code: ApiErrorCode, message: string): ApiError {
  const text = message.slice(0, 500);
  return isContactCenterErrorCode(code)
    ? { code, message: text, number: CONTACT_CENTER_ERROR_NUMBERS[code] }
    : { code, message: text };
}
