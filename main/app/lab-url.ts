/**
 * Where the built-in lab's agent API listens, when it runs: `npm start`
 * starts the lab and passes `--lab-url=ws://127.0.0.1:<port>/agent` (tests
 * may set SWITCHBOARD_LAB_URL instead). Only a loopback WebSocket URL is
 * accepted: the lab is on this machine by design.
 */
export function labUrlFrom(argv: readonly string[], env: NodeJS.ProcessEnv): string | null {
  const fromArg = argv.find((a) => a.startsWith('--lab-url='))?.slice('--lab-url='.length);
  const candidate = fromArg ?? env.SWITCHBOARD_LAB_URL ?? null;
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    return url.protocol === 'ws:' && loopback ? url.toString() : null;
  } catch {
    return null;
  }
}
