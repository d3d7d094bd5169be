// Resident memory of a process and all its descendants, from /proc (Linux).
import { readFileSync, readdirSync } from 'node:fs';

function children() {
  const byParent = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!byParent.has(ppid)) byParent.set(ppid, []);
      byParent.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return byParent;
}

/**
 * Memory of a process tree in MB: `rss` sums each process's resident set
 * (shared pages counted once per process, as task managers show it); `pss`
 * shares them out proportionally, so it does not double-count Chromium's
 * shared memory.
 */
export function treeMemoryMb(rootPid) {
  const byParent = children();
  let rss = 0;
  let pss = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
    stack.push(...(byParent.get(pid) ?? []));
  }
  return { rss: rss / 1024, pss: pss / 1024 };
}
