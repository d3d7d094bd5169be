import type { IpcResult } from '../../../common/contract/result';
import { noticeRaised, type NoticeAction } from '../features/notices/slice';
import type { AppDispatch, AppExtra } from './listener';

interface CallContext {
  dispatch: AppDispatch;
  extra: AppExtra;
}

/**
 * Calls one bridge verb for a listener. A refusal (`ok: false`) or a broken
 * bridge (the promise rejects) becomes a notice and a log line, and the
 * caller gets `null`: nothing in the UI ever throws because main said no.
 */
export async function callBridge<T>(
  { dispatch, extra }: CallContext,
  action: NoticeAction,
  call: (bridge: AppExtra['bridge']) => Promise<IpcResult<T>>,
): Promise<T | null> {
  let result: IpcResult<T>;
  try {
    result = await call(extra.bridge);
  } catch (error) {
    extra.logger.error(`${action}: bridge call threw`, error);
    dispatch(noticeRaised({ action, code: 'internal' }));
    return null;
  }
  if (result.ok) return result.value;
  extra.logger.warn(`${action}: refused (${result.error.code})`, { message: result.error.message });
  dispatch(noticeRaised({ action, code: result.error.code }));
  return null;
}
