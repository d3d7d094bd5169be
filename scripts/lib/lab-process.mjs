// Runs the built-in lab (dist/lab/main.js) as a child process and waits for
// its `LAB_READY sip=<url> api=<url>` line. Used by `npm start`, the e2e
// specs and `npm run bench:lab`. The lab binds 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * @param {string} root  the repository root (dist/ must be built)
 * @param {{ args?: string[], echo?: boolean, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 *   `echo` forwards the lab's output to ours (its banner with the demo credentials).
 * @returns {Promise<{ sipUrl: string, apiUrl: string, pid: number, output: () => string, stop: () => Promise<void> }>}
 */
export function startLabProcess(root, options = {}) {
  const { args = [], echo = false, env = process.env, timeoutMs = 20_000 } = options;
  const child = spawn(process.execPath, [join(root, 'dist/lab/main.js'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
  child.once('exit', () => (exited = true));
  const collect = (stream, sink) =>
    stream.on('data', (chunk) => {
      output = (output + chunk.toString()).slice(-200_000);
      if (echo) sink.write(chunk);
    });
  collect(child.stdout, process.stdout);
  collect(child.stderr, process.stderr);

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exitedPromise;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the lab did not get ready within ${timeoutMs} ms:\n${output.slice(-4000)}`));
    }, timeoutMs);
    const check = () => {
      const match = /^LAB_READY sip=(\S+) api=(\S+)$/m.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve({ sipUrl: match[1], apiUrl: match[2], pid: child.pid, output: () => output, stop });
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the lab exited (code ${code}) before it was ready:\n${output.slice(-4000)}`));
    });
  });
}
