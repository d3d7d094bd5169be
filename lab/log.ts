import { createLogger, formatRecord, LOG_LEVELS, type Logger, type LogLevel, type LogSink } from '../common/log/logger';

/**
 * The lab's loggers: one redacting, scoped logger per part (`lab:sip`,
 * `lab:acd`, …) writing one line per record to stderr. `LAB_LOG_LEVEL`
 * (debug, info, warn, error) sets the threshold; default `info`.
 */
const stderrSink: LogSink = (record) => {
  process.stderr.write(`${formatRecord(record)}\n`);
};

function levelFromEnv(): LogLevel {
  const wanted = process.env.LAB_LOG_LEVEL;
  return (LOG_LEVELS as readonly string[]).includes(wanted ?? '') ? (wanted as LogLevel) : 'info';
}

export function labLogger(scope: string, sink: LogSink = stderrSink, level: LogLevel = levelFromEnv()): Logger {
  return createLogger(`lab:${scope}`, sink, level);
}

/** A logger that drops everything: for tests that do not look at logs. */
export function silentLogger(): Logger {
  return createLogger('lab', () => undefined, 'error');
}

export type { Logger };
