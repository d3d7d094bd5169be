import { z } from 'zod';

/**
 * Party scripts as data: what one simulated person does, step by step.
 * Times are milliseconds on the runner's clock (real for people, manual in
 * tests). Everything read from a file is parsed here before it runs.
 */
const ms = z.number().int().min(0).max(3_600_000);
const timeoutMs = z.number().int().min(1).max(3_600_000);
const hz = z.number().int().min(50).max(3_900);
/** A queue (`sales`), a user, an AOR or a `sip:` URI; no spaces or control characters. */
const target = z.string().min(1).max(200).regex(/^[^\s\x00-\x1f]+$/, 'no spaces or control characters');
const header = z
  .string()
  .max(500)
  .regex(/^[A-Za-z][A-Za-z0-9-]*: [^\r\n]*$/, 'one "Name: value" header line');

export const ScriptStep = z.discriminatedUnion('action', [
  /** Place a call; continue once the INVITE is out (waits are separate steps). */
  z.strictObject({ action: z.literal('call'), target, headers: z.array(header).max(20).optional() }),
  z.strictObject({ action: z.literal('wait'), ms }),
  /** Give up (CANCEL) if the call is not answered within `ms`; the script then ends as abandoned. */
  z.strictObject({ action: z.literal('abandon-after'), ms }),
  z.strictObject({ action: z.literal('wait-connected'), timeoutMs }),
  /** Answer the next incoming call (an outdial target). */
  z.strictObject({ action: z.literal('answer'), timeoutMs: timeoutMs.optional() }),
  /** Let the next incoming call ring `ms`, then answer. */
  z.strictObject({ action: z.literal('answer-after'), ms, timeoutMs: timeoutMs.optional() }),
  /** Refuse the next incoming call. */
  z.strictObject({ action: z.literal('decline'), status: z.number().int().min(400).max(699).optional(), timeoutMs: timeoutMs.optional() }),
  /** Hang up `ms` from now unless the far end hangs up first. */
  z.strictObject({ action: z.literal('hangup-after'), ms }),
  z.strictObject({ action: z.literal('hangup') }),
  z.strictObject({ action: z.literal('wait-end'), timeoutMs }),
  z.strictObject({ action: z.literal('expect-tone'), hz, timeoutMs: timeoutMs.optional() }),
  /** Wait for a transfer (REFER) and the call to its target to connect. */
  z.strictObject({ action: z.literal('accept-refer'), timeoutMs: timeoutMs.optional() }),
  z.strictObject({ action: z.literal('hold') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('dtmf'), digits: z.string().regex(/^[0-9A-D*#]{1,32}$/) }),
]);
export type ScriptStep = z.infer<typeof ScriptStep>;

/** Who the party is on the network. */
export const PartyIdentity = z.strictObject({
  user: z.string().regex(/^[A-Za-z0-9._+-]{1,64}$/),
  displayName: z.string().max(100).optional(),
  /** Lab-only digest password for simulated users (never a real secret). */
  password: z.string().max(100).optional(),
  /** Tone(s) this party plays; default 440 Hz; [] for silence. */
  toneHz: z.union([hz, z.array(hz).max(4)]).optional(),
  codecs: z.array(z.enum(['PCMU', 'PCMA'])).min(1).max(2).optional(),
  /** Register before the first step (needed to receive calls). Default: only if the script answers or declines. */
  register: z.boolean().optional(),
});
export type PartyIdentity = z.infer<typeof PartyIdentity>;

export const PartyScript = z.strictObject({
  party: PartyIdentity,
  steps: z.array(ScriptStep).min(1).max(200),
});
export type PartyScript = z.infer<typeof PartyScript>;

/** Several parties, each starting at its own offset: "three calls to Sales, one abandons after 20 s". */
export const Scenario = z
  .strictObject({
    name: z.string().min(1).max(100),
    description: z.string().max(1_000).optional(),
    parties: z
      .array(PartyScript.extend({ startAtMs: ms.default(0) }))
      .min(1)
      .max(200),
  })
  .refine((s) => new Set(s.parties.map((p) => p.party.user)).size === s.parties.length, {
    message: 'each party needs its own user',
    path: ['parties'],
  });
export type Scenario = z.infer<typeof Scenario>;

/** Whether a script needs its party registered (it takes incoming calls). */
export function needsRegistration(script: PartyScript): boolean {
  if (script.party.register !== undefined) return script.party.register;
  return script.steps.some((s) => s.action === 'answer' || s.action === 'answer-after' || s.action === 'decline');
}

/** Parses a scenario from untrusted JSON text; errors name the offending path. */
export function parseScenario(text: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`scenario is not JSON: ${(error as Error).message}`);
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid scenario:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
