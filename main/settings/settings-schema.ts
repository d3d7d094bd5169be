import { z } from 'zod';
import { DEFAULT_DEVICE_CHOICE, deviceChoiceSchema, LANGUAGE_PREFERENCES, rememberedLoginSchema, serverProfileSchema, sipAccountSchema } from '../../common/contract';

/**
 * The agent's own settings as stored on disk. Each field is parsed on its
 * own, so one bad value (hand-edited file, older version) falls back to its
 * default without losing the others.
 */
export const SETTINGS_FIELDS = {
  language: z.enum(LANGUAGE_PREFERENCES),
  /** The SIP account without its password (that lives in the vault). */
  sipAccount: sipAccountSchema.nullable(),
  /** Microphone, speaker and ringer devices (null = system default). */
  audioDevices: deviceChoiceSchema,
  /** Where the agent logs in (the built-in lab unless set). */
  serverProfile: serverProfileSchema,
  /** The last login's username, DN and team (S1: asked on first login only). */
  rememberedLogin: rememberedLoginSchema.nullable(),
} as const;

export type Settings = { [K in keyof typeof SETTINGS_FIELDS]: z.infer<(typeof SETTINGS_FIELDS)[K]> };

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  sipAccount: null,
  audioDevices: DEFAULT_DEVICE_CHOICE,
  serverProfile: { kind: 'builtin-lab' },
  rememberedLogin: null,
};

/** Current on-disk schema version; migrations bring older files up to it. */
export const SETTINGS_VERSION = 1;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Parses stored data field by field; returns usable settings and what was wrong. */
export function parseSettings(raw: unknown): { settings: Settings; problems: FieldProblem[] } {
  const source = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: FieldProblem[] = [];
  for (const [field, schema] of Object.entries(SETTINGS_FIELDS)) {
    if (!(field in source)) continue;
    const parsed = schema.safeParse(source[field]);
    if (parsed.success) settings[field] = parsed.data;
    else problems.push({ field, message: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  return { settings: settings as Settings, problems };
}
