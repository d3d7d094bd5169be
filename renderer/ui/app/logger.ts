import type { SwitchboardBridge } from '../../../common/contract/bridge';
import { createLogger, type LogLevel, type LogRecord, type Logger } from '../../../common/log/logger';

/** The `sb:log:write` request caps messages at 2000 characters. */
const MAX_MESSAGE = 2000;

/** Folds a record's data into its message, since the log verb takes text only. */
export function formatForBridge(record: LogRecord): string {
  let text = record.message;
  if (record.data !== undefined) {
    let data: string;
    try {
      data = JSON.stringify(record.data);
    } catch {
      data = '"[unserialisable]"';
    }
    text = `${text} ${data}`;
  }
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/**
 * The renderer's logger: records are redacted by `createLogger`, then sent
 * to main (which owns the log file). The renderer has no console in product
 * code; a failing send is dropped silently so logging can never throw.
 */
export function createRendererLogger(
  bridge: Pick<SwitchboardBridge, 'log'>,
  scope = 'ui',
  minLevel: LogLevel = 'info',
): Logger {
  return createLogger(
    scope,
    (record) => {
      bridge
        .log({ level: record.level, scope: record.scope.slice(0, 64), message: formatForBridge(record) })
        .catch(() => undefined);
    },
    minLevel,
  );
}
