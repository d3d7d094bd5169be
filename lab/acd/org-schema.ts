import { z } from 'zod';

/**
 * The lab organisation as data: teams, agents, phones (DNs), queues, codes,
 * CAD variables, address book, outdial rules and timers. One JSON file per
 * organisation (`lab/scenarios/*.json`), parsed here; cross-references
 * (teams an agent may pick, teams serving a queue, default codes) are checked
 * so a typo fails at load time with a clear path, not at the first call.
 */

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lowercase letters, digits and dashes (max 40)');
const label = z.string().trim().min(1, 'must not be empty').max(80);
const digits = z.string().regex(/^[0-9]{2,15}$/, 'must be 2–15 digits');
/** A dialable number as an admin writes it: digits with an optional leading +. */
const e164ish = z.string().regex(/^\+?[0-9]{2,15}$/, 'must be digits with an optional leading +');
const seconds = z.number().int().positive().max(86_400);

export const teamSchema = z.strictObject({ id, name: label });

export const agentSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]{2,40}$/, 'must be 2–40 of a-z 0-9 . _ -'),
  displayName: label,
  /** Lab-only password, documented in docs/lab-acd.md; never logged. */
  password: z.string().min(4).max(64),
  /** Teams the agent may pick at login (S1). */
  teams: z.array(id).min(1, 'an agent needs at least one team'),
  supervisor: z.boolean().default(false),
  /** Starts locked: login refused with `account-locked` (S4). */
  locked: z.boolean().default(false),
  /** Login refused with `password-expired` (S4). */
  passwordExpired: z.boolean().default(false),
  /** Login refused with `password-change-required` (S4, ForcedPasswordChange). */
  passwordChangeRequired: z.boolean().default(false),
});

/** A phone: SIP user `<dn>@<domain>` with its digest password. */
export const phoneSchema = z.strictObject({ dn: digits, sipPassword: z.string().min(4).max(64) });

export const queueSchema = z.strictObject({
  id,
  /** The number customers dial (a SIP user at the lab domain). */
  number: digits,
  name: label,
  description: z.string().max(200).default(''),
  /** Teams whose logged-in agents serve this queue. */
  teams: z.array(id).min(1, 'a queue needs at least one serving team'),
});

const codeSchema = z.strictObject({ code: id, label });

export const cadVariableSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'must be an identifier'),
  label,
  editable: z.boolean(),
  maxLength: z.number().int().positive().max(1000).default(200),
});

export const addressBookEntrySchema = z.strictObject({ name: label, number: e164ish });

export const dialPlanSchema = z.strictObject({
  /** Numbers must start with one of these (after removing spaces, dashes, dots and brackets). */
  allowedPrefixes: z.array(z.string().regex(/^\+?[0-9]*$/)).min(1).default(['']),
  /** Optional extra rule: the normalized number must match this regex. */
  pattern: z
    .string()
    .max(200)
    .refine(
      (text) => {
        try {
          new RegExp(text);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be a valid regular expression' },
    )
    .optional(),
  minLength: z.number().int().min(1).max(20).default(2),
  maxLength: z.number().int().min(1).max(20).default(15),
});

export const timersSchema = z.strictObject({
  /** Offer unanswered this long → RONA (A2). */
  ronaSeconds: seconds,
  /** Wrap-up not submitted this long → the default code is submitted (W1); 0 = never. */
  autoWrapUpSeconds: z.number().int().min(0).max(86_400),
  /** Paused recording resumes by itself after this long (V9). */
  recordingAutoResumeSeconds: seconds,
  /** Consult to queue: wait for an agent, then for agent 1's confirmation (V4). */
  consultQueueTimeoutSeconds: seconds,
  /** A customer calling again within this window goes to their last agent (W1). */
  lastAgentRoutingMinutes: z.number().int().min(0).max(24 * 60),
});

export const orgSchema = z
  .strictObject({
    name: label,
    /** SIP domain of every DN and queue number, e.g. `lab.test`. */
    domain: z.string().regex(/^[a-z0-9.-]+$/, 'must be a plain DNS name'),
    teams: z.array(teamSchema).min(1),
    agents: z.array(agentSchema).min(1),
    phones: z.array(phoneSchema).min(1),
    queues: z.array(queueSchema).min(1),
    idleReasons: z.array(codeSchema).min(1),
    defaultIdleReason: id,
    wrapUpCodes: z.array(codeSchema).min(1),
    defaultWrapUpCode: id,
    /** Whether "last agent routing" is ticked when a wrap-up does not say (W1). */
    lastAgentRoutingDefault: z.boolean().default(true),
    cadVariables: z.array(cadVariableSchema).default([]),
    addressBook: z.array(addressBookEntrySchema).default([]),
    outdial: z.strictObject({
      anis: z.array(z.strictObject({ number: e164ish, label })).min(1),
      dialPlan: dialPlanSchema,
    }),
    timers: timersSchema,
  })
  .superRefine((org, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const dupes = (values: string[], path: string, what: string): void => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) issue([path, index], `duplicate ${what} "${value}"`);
        seen.add(value);
      });
    };
    dupes(org.teams.map((t) => t.id), 'teams', 'team id');
    dupes(org.agents.map((a) => a.username), 'agents', 'username');
    dupes(org.phones.map((p) => p.dn), 'phones', 'DN');
    dupes(org.queues.map((q) => q.id), 'queues', 'queue id');
    dupes(org.queues.map((q) => q.number), 'queues', 'queue number');
    dupes(org.idleReasons.map((c) => c.code), 'idleReasons', 'idle reason');
    dupes(org.wrapUpCodes.map((c) => c.code), 'wrapUpCodes', 'wrap-up code');
    dupes(org.cadVariables.map((v) => v.name), 'cadVariables', 'CAD variable');
    const teamIds = new Set(org.teams.map((t) => t.id));
    org.agents.forEach((agent, a) =>
      agent.teams.forEach((team, t) => {
        if (!teamIds.has(team)) issue(['agents', a, 'teams', t], `unknown team "${team}"`);
      }),
    );
    org.queues.forEach((queue, q) => {
      queue.teams.forEach((team, t) => {
        if (!teamIds.has(team)) issue(['queues', q, 'teams', t], `unknown team "${team}"`);
      });
      if (org.phones.some((p) => p.dn === queue.number)) {
        issue(['queues', q, 'number'], `queue number "${queue.number}" is also a phone DN`);
      }
    });
    if (!org.idleReasons.some((c) => c.code === org.defaultIdleReason)) {
      issue(['defaultIdleReason'], `"${org.defaultIdleReason}" is not one of idleReasons`);
    }
    if (!org.wrapUpCodes.some((c) => c.code === org.defaultWrapUpCode)) {
      issue(['defaultWrapUpCode'], `"${org.defaultWrapUpCode}" is not one of wrapUpCodes`);
    }
    const plan = org.outdial.dialPlan;
    if (plan.minLength > plan.maxLength) issue(['outdial', 'dialPlan', 'minLength'], 'must not exceed maxLength');
  });

export type OrgConfig = z.infer<typeof orgSchema>;
export type OrgAgent = z.infer<typeof agentSchema>;
export type OrgQueue = z.infer<typeof queueSchema>;
export type OrgTimers = z.infer<typeof timersSchema>;
export type DialPlan = z.infer<typeof dialPlanSchema>;

export type OrgParseResult = { ok: true; org: OrgConfig } | { ok: false; errors: string[] };

/**
 * Parse an organisation from untrusted JSON. Errors are one line each,
 * `path: problem`, e.g. `agents[2].teams[0]: unknown team "sales"`.
 */
export function parseOrg(input: unknown): OrgParseResult {
  const parsed = orgSchema.safeParse(input);
  if (parsed.success) return { ok: true, org: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
