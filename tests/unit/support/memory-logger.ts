import { createLogger, type LogRecord, type Logger } from '../../../common/log/logger';

/** A real logger whose records are kept for assertions. */
export function memoryLogger(): { log: Logger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  return { log: createLogger('test', (r) => records.push(r), 'debug'), records };
}
