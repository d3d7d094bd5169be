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

export function treeRssMb(rootPid) {
  const byParent = children();
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb;
    } catch {
      // gone
    }
    stack.push(...(byParent.get(pid) ?? []));
  }
  return total / 1024;
}
