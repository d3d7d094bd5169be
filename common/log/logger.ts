import { redactText, redactValue } from './redact';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One redacted log record, ready for a sink. */
export interface LogRecord {
  time: string;
  level: LogLevel;
  scope: string;
  message: string;
  data?: unknown;
}

/** Where records go: a file and stderr in main, IPC to main in renderers. */
export type LogSink = (record: LogRecord) => void;

export interface Logger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
  /** A logger for a sub-scope: `ipc` → `ipc:router`. */
  child(scope: string): Logger;
}

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * A scoped logger. Everything is redacted here, before any sink sees it, so
 * no sink can forget to.
 */
export function createLogger(scope: string, sink: LogSink, minLevel: LogLevel = 'info'): Logger {
  const write = (level: LogLevel, message: string, data?: unknown): void => {
    if (rank[level] < rank[minLevel]) return;
    const record: LogRecord = {
      time: new Date().toISOString(),
      level,
      scope,
      message: redactText(message),
    };
    if (data !== undefined) record.data = redactValue(data);
    try {
      sink(record);
    } catch {
      // A broken sink must never take the caller down with it.
    }
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    child: (sub) => createLogger(`${scope}:${sub}`, sink, minLevel),
  };
}

/** One line of text per record, for files and stderr. */
export function formatRecord(record: LogRecord): string {
  const data = record.data === undefined ? '' : ` ${safeJson(record.data)}`;
  return `${record.time} ${record.level.toUpperCase()} [${record.scope}] ${record.message}${data}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '"[unserialisable]"';
  }
}
