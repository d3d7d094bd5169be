import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatRecord, type LogRecord, type LogSink } from '../../common/log/logger';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Main's log sink: `main.log` in the logs folder (rotated once at 5 MB to
 * `main.1.log`) and, in development or when asked, stderr. Records arrive
 * already redacted (see common/log/logger.ts).
 */
export function createFileSink(logDir: string, options: { stderr: boolean }): LogSink {
  const file = join(logDir, 'main.log');
  let ready = false;
  let written = 0;
  const prepare = (): void => {
    mkdirSync(logDir, { recursive: true });
    try {
      written = statSync(file).size;
    } catch {
      written = 0;
    }
    ready = true;
  };
  return (record: LogRecord) => {
    const line = `${formatRecord(record)}\n`;
    if (options.stderr) process.stderr.write(line);
    try {
      if (!ready) prepare();
      if (written + line.length > MAX_BYTES) {
        renameSync(file, join(logDir, 'main.1.log'));
        written = 0;
      }
      appendFileSync(file, line);
      written += line.length;
    } catch {
      // Disk full or read-only profile: logging must not break the app.
    }
  };
}
