import { z } from 'zod';
import {
  agentIdSchema,
  cadSchema,
  contactIdSchema,
  epochMsSchema,
  nameSchema,
  phoneNumberSchema,
  queueIdSchema,
  targetSchema,
} from './primitives';

/**
 * A contact as one agent sees it. The fields every channel shares live in
 * `contactBase`; each channel adds its own block under its own name
 * (`voice` today) and becomes one variant of `contactSchema`, discriminated
 * by `channel`. Chat, email and SMS plug in as new variants (with `chat`,
 * `email`, `sms` blocks) without changing the voice variant or the events
 * that carry contacts; clients skip contacts of channels they do not know
 * (see `parseServerFrame`).
 *
 * States follow the agent guide's line-1 states (PRODUCT A4) as the contact
 * center knows them; hold is the softphone's business and not shown here.
 * ```txt
 *                      ┌──────────── consult.cancel, consult ended ────────────┐
 *                      ▼                                                       │
 *   offered ──accept──► connected ──consult──► consult-requested ──answered──► consulting
 *      │                ▲  │  ▲                                                │
 *      │ decline, RONA  │  │  └── agent 2 leaves ── conference ◄──conference───┘
 *      ▼                │  │                          │
 *    ended  outdial-reserved  └─ contact.end, customer hang-up, transfer ──► (transferring) ──► wrap-up ──submit──► ended
 * ```
 * The consulted agent (role `consulted`) sees the same contact from line 2:
 * `consulting`, then `conference`, and leaves it without wrap-up (V5, V8).
 */
export const CONTACT_STATES = [
  'offered',
  'outdial-reserved',
  'connected',
  'consult-requested',
  'consulting',
  'conference',
  'transferring',
  'wrap-up',
  'ended',
] as const;
export type ContactState = (typeof CONTACT_STATES)[number];

/** Agent 1 owns the contact and wraps it up; agent 2 was consulted (V5). */
export const CONTACT_ROLES = ['owner', 'consulted'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const contactQueueSchema = z.strictObject({ queueId: queueIdSchema, name: nameSchema });

/** Who the customer is: the number when known, and what the card shows. */
export const customerSchema = z.strictObject({
  display: nameSchema,
  number: phoneNumberSchema.nullable(),
});

const contactBase = {
  contactId: contactIdSchema,
  direction: z.enum(['inbound', 'outbound']),
  state: z.enum(CONTACT_STATES),
  role: z.enum(CONTACT_ROLES),
  /** The queue that routed it; null for an outdial. */
  queue: contactQueueSchema.nullable(),
  customer: customerSchema,
  /** When the contact reached the contact center (the card's waiting timer, C1). */
  createdAt: epochMsSchema,
  /** When `state` last changed (the card's handling timer). */
  stateSince: epochMsSchema,
  cad: cadSchema,
};

/** Recording of a voice contact (V9); paused recording may resume by itself. */
export const recordingSchema = z.strictObject({
  state: z.enum(['on', 'paused', 'off']),
  /** When a pause ends by itself (admin timer), else null. */
  autoResumeAt: epochMsSchema.nullable(),
});
export type Recording = z.infer<typeof recordingSchema>;

/** A consult of a voice contact in progress (V4): customer held, line 2 busy. */
export const consultSchema = z.strictObject({
  target: targetSchema,
  /**
   * `requested`: ringing / waiting in the queue; `ready-to-confirm`: a queue
   * found an available agent and waits for consult.confirm until
   * `confirmBy`; `connected`: talking to the consulted party.
   */
  state: z.enum(['requested', 'ready-to-confirm', 'connected']),
  /** The consulted agent once known. */
  agentId: agentIdSchema.nullable(),
  confirmBy: epochMsSchema.nullable(),
  startedAt: epochMsSchema,
  /**
   * The number the agent's phone calls for this consult once the contact
   * center knows it (the agent's DN, the DN, the agent a queue found);
   * omitted by servers that place the consult call themselves.
   */
  dial: phoneNumberSchema.nullable().optional(),
});
export type Consult = z.infer<typeof consultSchema>;

export const voiceContactSchema = z.strictObject({
  ...contactBase,
  channel: z.literal('voice'),
  voice: z.strictObject({
    recording: recordingSchema,
    consult: consultSchema.nullable(),
    /** The caller id shown to the customer on an outdial (V7), else null. */
    ani: phoneNumberSchema.nullable(),
  }),
});
export type VoiceContact = z.infer<typeof voiceContactSchema>;

/** Every channel's contact; add variants here as channels arrive. */
export const contactSchema = z.discriminatedUnion('channel', [voiceContactSchema]);
export type Contact = z.infer<typeof contactSchema>;
