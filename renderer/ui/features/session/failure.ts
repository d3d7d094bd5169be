import type { TFunction } from 'i18next';
import { API_ERROR_CODES, type ApiErrorCode } from '../../../../common/agent-api/errors';
import type { SessionResult } from '../../../../common/contract/agent-session';
import { IPC_ERROR_CODES, type IpcErrorCode, type IpcResult } from '../../../../common/contract/result';

/**
 * Why a session request did not go through: main refused it at the IPC
 * boundary (`ipc`), or the contact center's agent API said no (`agent-api`,
 * with the numbered error of the agent guide for contact-center codes).
 */
export type SessionFailure =
  | { source: 'ipc'; code: IpcErrorCode }
  | { source: 'agent-api'; code: ApiErrorCode; number?: number };

/** The session requests that can fail, for the notice's lead text (`session.notice.action.<action>`). */
export const SESSION_ACTIONS = ['setState', 'logout'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

const isIpcCode = (code: unknown): code is IpcErrorCode => (IPC_ERROR_CODES as readonly unknown[]).includes(code);
const isApiCode = (code: unknown): code is ApiErrorCode => (API_ERROR_CODES as readonly unknown[]).includes(code);

/**
 * Reads a session verb's reply. Anything unexpected (a reply of the wrong
 * shape, an unknown code) is an `internal` failure rather than a success:
 * the bridge is ours, but boundary data is never trusted by its type.
 */
export function failureOf(reply: IpcResult<SessionResult>): SessionFailure | null {
  if (!reply.ok) return { source: 'ipc', code: isIpcCode(reply.error.code) ? reply.error.code : 'internal' };
  const value: unknown = reply.value;
  if (typeof value !== 'object' || value === null) return { source: 'ipc', code: 'invalid-payload' };
  const result = value as Partial<Record<'ok' | 'code' | 'number', unknown>>;
  if (result.ok === true) return null;
  if (result.ok !== false || !isApiCode(result.code)) return { source: 'ipc', code: 'invalid-payload' };
  return typeof result.number === 'number' && Number.isInteger(result.number)
    ? { source: 'agent-api', code: result.code, number: result.number }
    : { source: 'agent-api', code: result.code };
}

/** Where the agent tried to log in, as far as the error text needs it. */
export interface LoginContext {
  profileKind: 'builtin-lab' | 'server';
  labAvailable: boolean;
}

/**
 * Localized text of a refused login. Main answers `internal` both when
 * there is nothing to connect to and when the contact center cannot be
 * reached; with the built-in lab selected and not running, the text says so.
 */
export function loginFailureText(t: TFunction, failure: SessionFailure, context: LoginContext): string {
  if (failure.source === 'ipc') return t(`errors.ipc.${failure.code}`);
  if (failure.code === 'internal' && context.profileKind === 'builtin-lab' && !context.labAvailable) {
    return t('session.loginErrors.labNotRunning');
  }
  return t(`session.loginErrors.${failure.code}`);
}

/** Localized text of another refused session request (state change, logout). */
export function failureText(t: TFunction, failure: SessionFailure): string {
  if (failure.source === 'ipc') return t(`errors.ipc.${failure.code}`);
  return t(`session.errors.${failure.code}`, { number: failure.number ?? 0 });
}
