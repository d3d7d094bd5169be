import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time (user + system, ms) a process used so far, from /proc/<pid>/stat; NaN if gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state(0) ppid(1) … utime(11) stime(12).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return Number.NaN;
  }
}

export interface CpuSample {
  at: number;
  lab: number;
  bench: number;
}

/** CPU of the lab process and of this one (ms), now. */
export function sampleCpu(labPid: number): CpuSample {
  const own = process.cpuUsage();
  return { at: performance.now(), lab: processCpuMs(labPid), bench: (own.user + own.system) / 1000 };
}

/** % of one core each used between two samples. */
export function cpuPercent(from: CpuSample, to: CpuSample): { lab: number; bench: number } {
  const wall = to.at - from.at;
  return { lab: (100 * (to.lab - from.lab)) / wall, bench: (100 * (to.bench - from.bench)) / wall };
}
