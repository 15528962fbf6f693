/**
 * CPU time, read from /proc, for figures that a shared machine does not distort. On a virtual
 * machine whose host lends its cores to others, latency rises with the "steal" (time the guest
 * was ready to run but not given a core); the CPU time a thread used does not include it. So a
 * benchmark reports, beside its latencies, how much CPU its work cost and how much was stolen.
 */
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU time in ticks of 10 ms on every architecture Node runs on. */
const TICK_MS = 10;

/** The CPU time (user + system) of a process, or of one of its threads when `tid` is given. */
export function cpuMs(pid: number, tid?: number): number {
  const path = tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`;
  const stat = readFileSync(path, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The machine's CPU counters from /proc/stat (ticks): all of them, and those stolen. */
export function machineTicks(): { total: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: ticks.reduce((sum, t) => sum + t, 0), steal: ticks[7] ?? 0 };
}

/** Starts a measurement; `stop()` gives each named process's CPU ms and the machine's steal share. */
export function startCpuWatch(processes: Record<string, { pid: number; tid?: number }>) {
  const read = () => Object.fromEntries(Object.entries(processes).map(([k, p]) => [k, cpuMs(p.pid, p.tid)]));
  const before = read();
  const machineBefore = machineTicks();
  return {
    stop(): { cpuMs: Record<string, number>; stealShare: number } {
      const after = read();
      const machine = machineTicks();
      const total = machine.total - machineBefore.total;
      return {
        cpuMs: Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)])),
        stealShare: total > 0 ? Math.round(((machine.steal - machineBefore.steal) / total) * 1000) / 1000 : 0,
      };
    },
  };
}
