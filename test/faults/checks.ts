/**
 * The checks at the end of a run, from the two places that cannot lie about it: what reached the
 * Bot API stand-in (each sendMessage call, with when it arrived) and the database (each request,
 * its runs and its audit events). For every request and each of its timed runs:
 * - the request exists once and is completed (no request lost or doubled);
 * - its performer got its task message once (no prompt lost or duplicated);
 * - each reminder and each escalation level the engine recorded reached the stand-in exactly once,
 *   and nothing reached it that the engine did not record (none doubled, none invented);
 * - escalation levels are 1..n without a gap, and nothing arrived before its due time;
 * - what the driver waited for (a reminder, level 1 or 2) came;
 * and the incoming agenda book numbers the requests 1..n, each once.
 */
import type { Db } from 'mongodb';
import type { RequestLog } from './driver.js';
import { kindOf, ofRequest, type Sent } from './stand-in-view.js';
import { TIMED_STEPS, type World } from './world.js';

export interface Figures {
  requests: number;
  requestsLost: number;
  requestsDoubled: number;
  tasksLost: number;
  tasksDuplicated: number;
  remindersExpected: number;
  remindersDelivered: number;
  remindersDuplicated: number;
  remindersLost: number;
  escalationsExpected: number;
  escalationsDelivered: number;
  escalationsDuplicated: number;
  escalationsLost: number;
  early: number;
  /**
   * Copies sent again because the first reached the Bot API in the instant before a kill, before
   * the outbox recorded it as sent (Telegram has no idempotency key: at-least-once, see
   * docs/reliability.md). Not counted in the duplicated figures above, and not a defect.
   */
  resentInFlightAtKill: number;
  agendaNumbers: number;
  agendaGapsOrRepeats: number;
}

interface RunDoc {
  runId: string;
  stepId: string;
  assigneeId: string | null;
  startedAt: string;
  dueAt: string | null;
  endedAt?: string;
}

interface InstanceDoc {
  subject: string;
  status: string;
  agendaNumbers?: { incoming?: string };
  runs: RunDoc[];
  events: Array<{ type: string; runId?: string; at: string; data?: Record<string, unknown> }>;
}

/**
 * How long before a kill a send counts as in flight: the Bot API has answered (or is answering)
 * and the outbox has not recorded it yet. Seen here: 1–93 ms on a loaded 2-core machine.
 */
const IN_FLIGHT_MS = 500;
/**
 * How long after a kill a send written before it may still reach the stand-in: the request was
 * in the socket's buffer, which the kernel delivers after the process is gone, and the stand-in
 * (in the suite's own busy process) reads it a moment later. Seen here: 8 ms.
 */
const ARRIVES_AFTER_KILL_MS = 250;

/**
 * Whether `copies` of one message are what at-least-once delivery gives when processes die:
 * ordered by arrival, every copy but the last was in flight at a kill of its own (it reached the
 * stand-in at most IN_FLIGHT_MS before that kill, or at most ARRIVES_AFTER_KILL_MS after it), so
 * the outbox never recorded it and sent it again. Anything else sent twice is a defect.
 */
export function resentAtKills(copies: ReadonlyArray<{ at: number }>, killedAt: readonly number[]): boolean {
  if (copies.length < 2) return false;
  const arrivals = copies.map((m) => m.at).sort((a, b) => a - b);
  const unused = [...killedAt].sort((a, b) => a - b);
  for (const at of arrivals.slice(0, -1)) {
    const kill = unused.findIndex((k) => k - IN_FLIGHT_MS <= at && at <= k + ARRIVES_AFTER_KILL_MS);
    if (kill < 0) return false;
    unused.splice(kill, 1);
  }
  return true;
}

export function emptyFigures(): Figures {
  return {
    requests: 0,
    requestsLost: 0,
    requestsDoubled: 0,
    tasksLost: 0,
    tasksDuplicated: 0,
    remindersExpected: 0,
    remindersDelivered: 0,
    remindersDuplicated: 0,
    remindersLost: 0,
    escalationsExpected: 0,
    escalationsDelivered: 0,
    escalationsDuplicated: 0,
    escalationsLost: 0,
    early: 0,
    resentInFlightAtKill: 0,
    agendaNumbers: 0,
    agendaGapsOrRepeats: 0,
  };
}

export interface CheckOptions {
  db: Db;
  world: World;
  logs: RequestLog[];
  sent: Sent[];
  /** Date.now() of every SIGKILL of the scenario. */
  killedAt: number[];
  /** The share of the standard time after which the reminder is due (REMINDER_SHARE). */
  reminderShare: number;
}

/** The figures of the run and a line for every defect found. */
export async function check(options: CheckOptions): Promise<{ figures: Figures; defects: string[] }> {
  const { db, world, logs, sent } = options;
  const figures = emptyFigures();
  const defects: string[] = [];
  const defect = (subject: string, what: string) => defects.push(`${subject}: ${what}`);
  /** Whether the extra copies were in flight at kills (counted as resent, not as defects). */
  const inFlightAtKill = (copies: Sent[]): boolean => {
    if (!resentAtKills(copies, options.killedAt)) return false;
    figures.resentInFlightAtKill += copies.length - 1;
    return true;
  };
  // Each document keeps the instance in `state`, its audit trail beside it in `events`.
  const docs = await db
    .collection<{ state: Omit<InstanceDoc, 'events'>; events: InstanceDoc['events'] }>('instances')
    .find({})
    .toArray();
  const instances: InstanceDoc[] = docs.map((d) => ({ ...d.state, events: d.events }));
  figures.requests = logs.length;
  for (const log of logs) {
    for (const missing of log.missing) defect(log.subject, `the driver waited in vain: ${missing}`);
    const mine = instances.filter((i) => i.subject === log.subject);
    if (mine.length === 0) {
      figures.requestsLost++;
      defect(log.subject, 'no request in the database');
      continue;
    }
    if (mine.length > 1) {
      figures.requestsDoubled++;
      defect(log.subject, `${mine.length} requests in the database`);
    }
    const instance = mine[0] as InstanceDoc;
    if (instance.status !== 'completed') defect(log.subject, `status ${instance.status}, not completed`);
    const messages = ofRequest(sent, log.subject);
    for (const step of TIMED_STEPS) {
      const runs = instance.runs.filter((r) => r.stepId === step.id);
      if (runs.length !== 1) {
        defect(log.subject, `${runs.length} runs of ${step.id}`);
        continue;
      }
      const run = runs[0] as RunDoc;
      const kinds = messages.map((m) => ({ m, k: kindOf(m, step) }));
      const assigneeChat = world.users.get(run.assigneeId ?? '')?.id;
      const tasks = kinds.filter(({ m, k }) => k?.kind === 'task' && m.chatId === assigneeChat);
      if (tasks.length === 0) {
        figures.tasksLost++;
        defect(log.subject, `${step.id}: no task message to ${String(run.assigneeId)}`);
      }
      if (tasks.length > 1 && !inFlightAtKill(tasks.map(({ m }) => m))) {
        figures.tasksDuplicated += tasks.length - 1;
        defect(log.subject, `${step.id}: ${tasks.length} task messages`);
      }
      const events = instance.events.filter((e) => e.runId === run.runId);
      const startedAt = Date.parse(run.startedAt);
      const dueAt = run.dueAt ? Date.parse(run.dueAt) : NaN;

      // Reminders: one message per recorded reminder, none without one, none early.
      const reminded = events.filter((e) => e.type === 'reminder-sent').length;
      const reminders = kinds.filter(({ k }) => k?.kind === 'reminder').map(({ m }) => m);
      const reminderDue = startedAt + options.reminderShare * (dueAt - startedAt);
      figures.remindersExpected += reminded;
      figures.remindersDelivered += Math.min(reminded, reminders.length);
      if (reminded > 1) defect(log.subject, `${step.id}: ${reminded} reminder events`);
      if (reminders.length > reminded && !(reminded === 1 && inFlightAtKill(reminders))) {
        figures.remindersDuplicated += reminders.length - reminded;
        defect(log.subject, `${step.id}: ${reminders.length} reminders for ${reminded} recorded`);
      }
      if (reminders.length < reminded) {
        figures.remindersLost += reminded - reminders.length;
        defect(log.subject, `${step.id}: reminder recorded, not delivered`);
      }
      for (const m of reminders)
        if (m.at < reminderDue) {
          figures.early++;
          defect(log.subject, `${step.id}: reminder ${reminderDue - m.at} ms early`);
        }

      // Escalations: levels 1..n recorded once each, each delivered once to the stand-in, none early.
      const levels = events.filter((e) => e.type === 'escalated').map((e) => Number(e.data?.['level']));
      const highest = Math.max(0, ...levels);
      for (let level = 1; level <= highest; level++) {
        const recorded = levels.filter((l) => l === level).length;
        if (recorded !== 1) defect(log.subject, `${step.id}: level ${level} recorded ${recorded} times`);
      }
      const delivered = kinds.filter(({ k }) => k?.kind === 'escalation');
      const deliveredLevels = delivered.map(({ k }) => (k?.kind === 'escalation' ? k.level : 0));
      for (const level of new Set([...levels, ...deliveredLevels])) {
        const expected = levels.includes(level) ? 1 : 0;
        const got = deliveredLevels.filter((l) => l === level).length;
        figures.escalationsExpected += expected;
        figures.escalationsDelivered += Math.min(expected, got);
        const copies = delivered
          .filter(({ k }) => k?.kind === 'escalation' && k.level === level)
          .map(({ m }) => m);
        if (got > expected && !(expected === 1 && inFlightAtKill(copies))) {
          figures.escalationsDuplicated += got - expected;
          defect(log.subject, `${step.id}: level ${level} delivered ${got} times, recorded ${expected}`);
        }
        if (got < expected) {
          figures.escalationsLost++;
          defect(log.subject, `${step.id}: level ${level} recorded, not delivered`);
        }
        const due = dueAt + (level - 1) * world.standardMs;
        for (const { m } of delivered.filter(({ k }) => k?.kind === 'escalation' && k.level === level))
          if (m.at < due) {
            figures.early++;
            defect(log.subject, `${step.id}: level ${level} ${due - m.at} ms early`);
          }
      }
      // What the performer waited for and saw (the driver) must be what the engine recorded.
      const patience = log.patience[step.id];
      const waitedLevel = patience === 'level-2' ? 2 : patience === 'level-1' ? 1 : 0;
      if (waitedLevel > highest) {
        figures.escalationsLost += waitedLevel - highest;
        defect(log.subject, `${step.id}: waited for level ${waitedLevel}, recorded up to ${highest}`);
      }
    }
  }
  // The incoming book: 1..n, each number once, all in this run's year.
  const numbers = instances
    .map((i) => i.agendaNumbers?.incoming)
    .filter((n): n is string => n !== undefined)
    .map((n) => Number(n.split('/')[0]))
    .sort((a, b) => a - b);
  figures.agendaNumbers = numbers.length;
  numbers.forEach((n, i) => {
    if (n !== i + 1) {
      figures.agendaGapsOrRepeats++;
      defects.push(`agenda book: position ${i + 1} holds number ${n}`);
    }
  });
  if (numbers.length !== instances.length)
    defects.push(`${instances.length - numbers.length} requests without an agenda number`);
  return { figures, defects };
}

export function addFigures(a: Figures, b: Figures): Figures {
  const sum = emptyFigures();
  for (const key of Object.keys(sum) as Array<keyof Figures>) sum[key] = a[key] + b[key];
  return sum;
}
