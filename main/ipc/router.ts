import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  COMMANDS,
  fail,
  type CommandChannel,
  type CommandRequest,
  type CommandResponse,
  type IpcResult,
  type SenderRole,
} from '../../common/contract';
import type { Logger } from '../../common/log/logger';

/** Who sent a command, as established by the router (never by the payload). */
export interface CommandContext {
  role: SenderRole;
  sender: WebContents;
}

export type CommandHandler<C extends CommandChannel> = (
  request: CommandRequest<C>,
  context: CommandContext,
) => IpcResult<CommandResponse<C>> | Promise<IpcResult<CommandResponse<C>>>;

/** Decides which of our windows (if any) sent an IPC message. */
export type RoleResolver = (event: IpcMainInvokeEvent) => SenderRole | null;

/**
 * The one place IPC enters main. For each command of the contract it checks
 * the sender's role first, then parses the payload from `unknown` with the
 * contract's schema, then runs the handler; every failure becomes an
 * `IpcResult` error and a log line. Nothing a renderer sends can throw
 * through here.
 */
export class IpcRouter {
  private readonly registered = new Set<CommandChannel>();

  constructor(
    private readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
    private readonly resolveRole: RoleResolver,
    private readonly log: Logger,
  ) {}

  register<C extends CommandChannel>(channel: C, handler: CommandHandler<C>): void {
    if (this.registered.has(channel)) throw new Error(`IPC handler already registered: ${channel}`);
    this.registered.add(channel);
    this.ipcMain.handle(channel, (event, payload: unknown) => this.dispatch(channel, handler, event, payload));
  }

  /** Exposed for tests: the same path `ipcMain.handle` takes. */
  async dispatch<C extends CommandChannel>(
    channel: C,
    handler: CommandHandler<C>,
    event: IpcMainInvokeEvent,
    payload: unknown,
  ): Promise<IpcResult<CommandResponse<C>>> {
    const spec = COMMANDS[channel];
    const role = safeResolve(this.resolveRole, event);
    if (role === null || !spec.roles.includes(role)) {
      this.log.warn('refused command from a foreign sender', {
        channel,
        role,
        senderUrl: frameUrl(event),
      });
      return fail('forbidden-sender', `${channel} is not allowed from this sender`);
    }
    const parsed = spec.request.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      this.log.warn('refused malformed payload', { channel, role, issues });
      return fail('invalid-payload', `${channel}: ${issues.join('; ')}`);
    }
    try {
      return await handler(parsed.data as CommandRequest<C>, { role, sender: event.sender });
    } catch (error) {
      this.log.error('command handler failed', { channel, error });
      return fail('internal', `${channel} failed`);
    }
  }

  dispose(): void {
    for (const channel of this.registered) this.ipcMain.removeHandler(channel);
    this.registered.clear();
  }
}

function safeResolve(resolve: RoleResolver, event: IpcMainInvokeEvent): SenderRole | null {
  try {
    return resolve(event);
  } catch {
    return null;
  }
}

function frameUrl(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? '(no frame)';
  } catch {
    return '(frame gone)';
  }
}
