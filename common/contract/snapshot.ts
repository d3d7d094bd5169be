import { z } from 'zod';
import { LANGUAGE_PREFERENCES, SUPPORTED_LANGUAGES } from './languages';
import { softphoneStateSchema } from './softphone';
import { agentSessionSchema } from './agent-session';

/**
 * Engine window lifecycle, owned by main's engine supervisor.
 *
 *   starting ──ready handshake──► ready
 *      ▲                            │ render-process-gone / unresponsive
 *      │ restart (backoff)          ▼
 *   restarting ◄─────────────── crashed
 *      │ too many crashes in a window
 *      ▼
 *    failed  (agent told; manual restart only)
 */
export const ENGINE_STATUSES = ['starting', 'ready', 'crashed', 'restarting', 'failed'] as const;
export const engineStatusSchema = z.enum(ENGINE_STATUSES);
export type EngineStatus = z.infer<typeof engineStatusSchema>;

export const engineStateSchema = z.object({
  status: engineStatusSchema,
  /** Restarts since the app started. */
  restarts: z.number().int().nonnegative(),
  /** Why the renderer went away the last time (Electron's `reason`). */
  lastCrashReason: z.string().nullable(),
  /** Epoch ms of the last status change. */
  since: z.number(),
});
export type EngineState = z.infer<typeof engineStateSchema>;

export const settingsViewSchema = z.object({
  language: z.enum(LANGUAGE_PREFERENCES),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/**
 * Where the softphone and agent API connect. Until a server profile is set
 * (or the built-in lab runs) this is `unconfigured`: a normal state, shown
 * as "no server configured", not an error.
 */
export const connectionStateSchema = z.object({
  status: z.enum(['unconfigured', 'connecting', 'connected', 'disconnected']),
  profileName: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** The signed-in agent as shown in the title bar; null before login. */
export const agentViewSchema = z.object({
  name: z.string(),
  dn: z.string(),
  team: z.string(),
  state: z.string(),
});
export type AgentView = z.infer<typeof agentViewSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** The OS's preferred languages, most preferred first. */
  systemLanguages: z.array(z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appStateSchema = z.object({
  app: appInfoSchema,
  engine: engineStateSchema,
  settings: settingsViewSchema,
  /** The language the UI must render in (preference resolved against the OS). */
  language: z.enum(SUPPORTED_LANGUAGES),
  connection: connectionStateSchema,
  agent: agentViewSchema.nullable(),
  /** SIP account (without its password) and registration. */
  softphone: softphoneStateSchema,
  /** The contact-center session: login, the agent's state, contacts, offers, wrap-ups. */
  session: agentSessionSchema,
});
export type AppState = z.infer<typeof appStateSchema>;

/**
 * What main broadcasts: the whole state with a strictly increasing revision.
 * A mirror applies a snapshot only when its `rev` is newer than its own.
 */
export const snapshotSchema = z.object({
  rev: z.number().int().nonnegative(),
  state: appStateSchema,
});
export type Snapshot = z.infer<typeof snapshotSchema>;
