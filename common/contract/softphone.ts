import { z } from 'zod';
import { devicesStateSchema } from './audio-devices';
import { callQualitySchema, INITIAL_PHONE_STATE, lineCommandSchema, phoneStateSchema, REFUSAL_REASONS } from '../softphone';

/**
 * SIP account settings (issue 3, item 7). The password is not part of it: it
 * is sent once with `sb:softphone:save-account` and kept in main's
 * credential vault, never returned to a renderer.
 */
export const CODECS = ['opus', 'PCMU', 'PCMA', 'G722'] as const;
export const DTMF_MODES = ['rfc4733', 'info'] as const;
export type DtmfMode = (typeof DTMF_MODES)[number];

const sipUri = z
  .string()
  .trim()
  .max(256)
  .regex(/^sips?:[^@\s:;]+@[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be sip:user@domain');

const iceUrl = z.string().trim().max(512).regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'must be a stun: or turn: URL');

export const iceServerSchema = z
  .object({
    urls: z.union([iceUrl, z.array(iceUrl).min(1).max(4)]),
    username: z.string().max(256).optional(),
    credential: z.string().max(256).optional(),
  })
  .strict();

export const sipAccountSchema = z
  .object({
    /** SIP over WebSocket endpoint (RFC 7118), ws:// or wss://. */
    server: z
      .string()
      .trim()
      .max(512)
      .regex(/^wss?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be a ws:// or wss:// URL'),
    /** Address of record, e.g. sip:1001@pbx.example.com. */
    aor: sipUri,
    /** Digest user name when it differs from the AOR's user part. */
    authUser: z.string().trim().max(128).default(''),
    displayName: z.string().trim().max(128).default(''),
    iceServers: z.array(iceServerSchema).max(8).default([]),
    /** Preferred codecs, most preferred first. */
    codecs: z.array(z.enum(CODECS)).min(1).max(CODECS.length).default(['opus', 'PCMU', 'PCMA']),
    dtmfMode: z.enum(DTMF_MODES).default('rfc4733'),
    /**
     * Browser audio processing (echo cancellation, noise suppression, gain
     * control). On by default; off for headsets that do their own, and for
     * test signals, which noise suppression would erase.
     */
    audioProcessing: z.boolean().default(true),
  })
  .strict();
export type SipAccount = z.infer<typeof sipAccountSchema>;

/**
 * Registration lifecycle as the agent sees it.
 *
 *   unconfigured ──save account──► registering ──200──► registered
 *                                     │  ▲                 │ transport lost
 *                    401/403 ◄────────┤  └── reconnecting ◄┘ (backoff)
 *                 auth-failed         ├─ no transport ─► unreachable (retrying)
 *                                     └─ 4xx/5xx/timeout ► server-error (retrying)
 */
export const REGISTRATION_STATUSES = [
  'unconfigured',
  'registering',
  'registered',
  'auth-failed',
  'unreachable',
  'server-error',
  'reconnecting',
  'unregistered',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const registrationSchema = z.object({
  status: z.enum(REGISTRATION_STATUSES),
  /** SIP status code behind auth-failed / server-error, when there is one. */
  code: z.number().int().nullable(),
  /** Epoch ms when the next automatic attempt is due, if one is scheduled. */
  retryAt: z.number().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** What the UI may know of the account: everything but the secret. */
export const sipAccountViewSchema = z.object({
  account: sipAccountSchema,
  hasPassword: z.boolean(),
});

/** What the agent is shown about the call on a line. */
export const callInfoSchema = z.object({
  /** Display name or number of the far end. */
  remote: z.string().max(256),
  /** Epoch ms: offer arrived or dialling started (the waiting timer). */
  startedAt: z.number(),
  /** Epoch ms: answered (the handling timer), null before. */
  answeredAt: z.number().nullable(),
  /** Latest media statistics from the engine, null before media flows. */
  quality: callQualitySchema.nullable(),
});
export type CallInfo = z.infer<typeof callInfoSchema>;

export const linesViewSchema = z.object({
  phone: phoneStateSchema,
  calls: z.object({ line1: callInfoSchema.nullable(), line2: callInfoSchema.nullable() }),
});
export type LinesView = z.infer<typeof linesViewSchema>;

export const IDLE_LINES: LinesView = { phone: INITIAL_PHONE_STATE, calls: { line1: null, line2: null } };

/** A line command from the UI, and the table's refusal when it does not fit. */
export const lineCommandRequestSchema = z.object({ command: lineCommandSchema }).strict();
export const lineCommandResultSchema = z.discriminatedUnion('accepted', [
  z.object({ accepted: z.literal(true) }),
  z.object({ accepted: z.literal(false), reason: z.enum(REFUSAL_REASONS) }),
]);

export const softphoneStateSchema = z.object({
  account: sipAccountViewSchema.nullable(),
  registration: registrationSchema,
  /** Where the password is kept (the UI warns for session-only). */
  vault: z.enum(['keychain', 'safe-storage', 'session-only', 'unknown']),
  lines: linesViewSchema,
  devices: devicesStateSchema,
});
export type SoftphoneState = z.infer<typeof softphoneStateSchema>;
