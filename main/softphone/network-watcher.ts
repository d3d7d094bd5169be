import { networkInterfaces } from 'node:os';

/** A stable fingerprint of the machine's external addresses. */
export function addressFingerprint(interfaces = networkInterfaces()): string {
  const addresses: string[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (!entry.internal) addresses.push(`${name}/${entry.address}`);
    }
  }
  return addresses.sort().join(',');
}

/**
 * Electron has no "network changed" event, so we compare the set of
 * external addresses every few seconds (cheap) and tell the softphone when it
 * changes: a new Wi-Fi, a VPN coming up, a docked laptop. The SIP transport
 * may look alive for minutes after such a change; re-registering at once is
 * what keeps the agent reachable.
 */
export function watchNetwork(onChange: () => void, intervalMs = 5_000, read = addressFingerprint): () => void {
  let last = read();
  const timer = setInterval(() => {
    const now = read();
    if (now !== last) {
      last = now;
      onChange();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
