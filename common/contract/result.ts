import { z } from 'zod';

/**
 * Why main refused a command. The UI shows a localized text per code
 * (`errors.ipc.<code>`); `message` is a plain English detail for logs.
 */
export const IPC_ERROR_CODES = [
  'forbidden-sender',
  'invalid-payload',
  'unknown-command',
  'refused',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export const ipcErrorSchema = z.object({
  code: z.enum(IPC_ERROR_CODES),
  message: z.string(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

/**
 * Every command resolves to a result instead of throwing: Electron flattens
 * thrown errors into strings, and the UI needs the code to localize.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (code: IpcErrorCode, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

/** Schema for a result carrying `value`, so callers can validate replies too. */
export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ipcErrorSchema }),
  ]);
}
