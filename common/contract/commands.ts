import { z } from 'zod';
import { LANGUAGE_PREFERENCES } from './languages';
import { LOG_LEVELS } from '../log/logger';
import { snapshotSchema } from './snapshot';
import { lineCommandRequestSchema, lineCommandResultSchema, sipAccountSchema } from './softphone';
import { callQualityReportSchema, mediaReplySchema } from './engine-media';
import { availableDevicesSchema, deviceChoiceSchema, inputLevelSchema } from './audio-devices';
import { voiceActionResultSchema, voiceActionSchema } from './voice-actions';
import { agentWorkRequestSchema, agentWorkResultSchema, chosenStateSchema, loginRequestSchema, serverProfileSchema, sessionResultSchema } from './agent-session';

/** Which window may send a command. Main checks it before parsing. */
export type SenderRole = 'ui' | 'engine';

interface CommandSpec<Req extends z.ZodType, Res extends z.ZodType> {
  /** The window roles allowed to invoke it; any other sender is refused. */
  roles: readonly SenderRole[];
  request: Req;
  response: Res;
}

const spec = <Req extends z.ZodType, Res extends z.ZodType>(
  roles: SenderRole | readonly SenderRole[],
  request: Req,
  response: Res,
): CommandSpec<Req, Res> => ({ roles: typeof roles === 'string' ? [roles] : roles, request, response });

const noArgs = z.object({}).strict();

/**
 * Renderer → main commands (ipcRenderer.invoke). Every channel is prefixed
 * `sb:` and listed here; main registers a handler for exactly these.
 */
export const COMMANDS = {
  /** The whole current state; the UI calls it after subscribing to events. */
  'sb:app:get-snapshot': spec('ui', noArgs, snapshotSchema),
  /** Round trip for diagnostics and tests: main echoes the nonce. */
  'sb:app:ping': spec(
    'ui',
    z.object({ nonce: z.string().min(1).max(64) }).strict(),
    z.object({ nonce: z.string(), receivedAt: z.number() }),
  ),
  /** Follow the OS language or pin one; persisted, applied at once. */
  'sb:settings:set-language': spec(
    'ui',
    z.object({ language: z.enum(LANGUAGE_PREFERENCES) }).strict(),
    z.object({ rev: z.number() }),
  ),
  /** Opens an http(s) link in the OS browser; anything else is refused. */
  'sb:shell:open-external': spec(
    'ui',
    z.object({ url: z.string().min(1).max(2048) }).strict(),
    z.object({ opened: z.boolean() }),
  ),
  /**
   * Saves the SIP account and (re)registers. The password, when given, goes
   * straight to the credential vault; omitted, the stored one is kept.
   */
  'sb:softphone:save-account': spec(
    'ui',
    z.object({ account: sipAccountSchema, password: z.string().min(1).max(256).optional() }).strict(),
    z.object({ rev: z.number() }),
  ),
  /** Unregisters and forgets the account and its stored password. */
  'sb:softphone:remove-account': spec('ui', noArgs, z.object({ rev: z.number() })),
  /** Call control (answer, hold, consult, …); refused with a reason when it does not fit. */
  'sb:softphone:line': spec('ui', lineCommandRequestSchema, lineCommandResultSchema),
  /** The agent's microphone, speaker and ringer; saved and applied at once, also mid-call. */
  'sb:softphone:set-devices': spec('ui', z.object({ devices: deviceChoiceSchema }).strict(), z.object({ rev: z.number() })),
  /** Starts/stops the microphone level meter (`sb:softphone:input-level` events). */
  'sb:softphone:level-meter': spec('ui', z.object({ on: z.boolean() }).strict(), z.object({ on: z.boolean() })),
  /** Retry now instead of waiting for the next scheduled attempt. */
  'sb:softphone:reconnect': spec('ui', noArgs, z.object({ rev: z.number() })),
  /** Where to log in: the built-in lab or a contact center's agent API (persisted). */
  'sb:settings:set-server-profile': spec('ui', z.object({ profile: serverProfileSchema }).strict(), z.object({ rev: z.number() })),
  /** Logs the agent in (S1); the password goes to main only, and to the vault when `remember`. */
  'sb:agent:login': spec('ui', loginRequestSchema, sessionResultSchema),
  /** Logs out; refused with `invalid-state` while a contact is active (S3). */
  'sb:agent:logout': spec('ui', noArgs, sessionResultSchema),
  /** Available, or Idle with a reason (A1); during a contact it applies when the contact ends (A3). */
  'sb:agent:set-state': spec('ui', chosenStateSchema, sessionResultSchema),
  /** One of the agent's work ops (accept/decline, wrap-up, CAD, consult, transfer, outdial, …) through the agent API. */
  'sb:agent:request': spec('ui', agentWorkRequestSchema, agentWorkResultSchema),
  /** One voice action (accept, consult, transfer, outdial, …): main does the contact center's and the phone's part. */
  'sb:agent:act': spec('ui', voiceActionSchema, voiceActionResultSchema),
  /** Manual engine restart, offered when the supervisor gave up (`failed`). */
  'sb:engine:restart': spec('ui', noArgs, z.object({ rev: z.number() })),
  /**
   * Renderer log records (renderers have no console in product code). Main
   * redacts again and rate-limits, so a noisy page cannot flood the log.
   */
  'sb:log:write': spec(
    ['ui', 'engine'],
    z
      .object({
        level: z.enum(LOG_LEVELS),
        scope: z.string().min(1).max(64),
        message: z.string().max(2000),
      })
      .strict(),
    z.object({ written: z.boolean() }),
  ),
  /** The engine's answer to one media request (see engine-media.ts). */
  'sb:engine:media-reply': spec('engine', mediaReplySchema, z.object({ accepted: z.boolean() })),
  /** Periodic media statistics of one call (V11), also used to detect stalled media. */
  'sb:engine:call-quality': spec('engine', callQualityReportSchema, z.object({ accepted: z.boolean() })),
  /** The audio devices the OS offers (at start and on every change). */
  'sb:engine:devices': spec('engine', availableDevicesSchema, z.object({ accepted: z.boolean() })),
  /** Microphone level while the meter is on (a few times per second). */
  'sb:engine:input-level': spec('engine', inputLevelSchema, z.object({ accepted: z.boolean() })),
  /** The engine page's handshake: its media stack is loaded and listening. */
  'sb:engine:ready': spec(
    'engine',
    z.object({ userAgent: z.string().max(512), mediaDevices: z.boolean() }).strict(),
    z.object({ accepted: z.boolean() }),
  ),
} as const;

export type CommandChannel = keyof typeof COMMANDS;
export type CommandRequest<C extends CommandChannel> = z.infer<(typeof COMMANDS)[C]['request']>;
export type CommandResponse<C extends CommandChannel> = z.infer<(typeof COMMANDS)[C]['response']>;

export function isCommandChannel(channel: string): channel is CommandChannel {
  return Object.hasOwn(COMMANDS, channel);
}
