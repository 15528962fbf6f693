import type { ObjectId } from 'mongodb';
import type { InstanceId, RunId } from '../../core/ids.js';
import { keyedJobId } from '../../scheduling/job-documents.js';

/**
 * The two kinds of step timers, as keyed jobs of the Scheduler. A job is keyed by (instance, run,
 * kind, level): its `_id` is derived from that key (keyedJobId), so scheduling the same timer
 * twice, from any process, leaves one job, whether or not the database enforces unique indexes.
 */
export const REMINDER_JOB = 'pandu-step-reminder';
export const ESCALATION_JOB = 'pandu-step-escalation';
export const RECONCILE_JOB = 'pandu-step-timers-reconcile';

export type TimerKind = 'reminder' | 'escalation';

export interface TimerJobData {
  instanceId: InstanceId;
  runId: RunId;
  kind: TimerKind;
  /** 0 for the reminder; 1 for the performer's superior, 2 for the one above, ... */
  level: number;
}

/** A timer to set: what fires and when. */
export interface TimerSpec {
  data: TimerJobData;
  at: Date;
}

/** Escalation never goes more than this many levels up (the default chain has five above Staf). */
export const MAX_ESCALATION_LEVEL = 12;

export function jobNameOf(kind: TimerKind): string {
  return kind === 'reminder' ? REMINDER_JOB : ESCALATION_JOB;
}

/** The command's idempotency key: the engine applies one reminder or escalation per key. */
export function timerKey(data: Pick<TimerJobData, 'instanceId' | 'runId' | 'kind' | 'level'>): string {
  return `timer:${data.instanceId}:${data.runId}:${data.kind}:${data.level}`;
}

/** The timer's job id (the Scheduler's keyed job id of its key). */
export function timerJobId(data: Pick<TimerJobData, 'instanceId' | 'runId' | 'kind' | 'level'>): ObjectId {
  return keyedJobId(timerKey(data));
}

/** The key of every timer a run can ever have: its reminder and each escalation level. */
export function allTimerKeys(instanceId: InstanceId, runId: RunId): string[] {
  const keys = [timerKey({ instanceId, runId, kind: 'reminder', level: 0 })];
  for (let level = 1; level <= MAX_ESCALATION_LEVEL; level++) {
    keys.push(timerKey({ instanceId, runId, kind: 'escalation', level }));
  }
  return keys;
}

/** Every job a run can ever have: its reminder and each escalation level. */
export function allTimerIds(instanceId: InstanceId, runId: RunId): ObjectId[] {
  return allTimerKeys(instanceId, runId).map(keyedJobId);
}

/** Job data read back from the database, checked before it is trusted. */
export function parseTimerJobData(value: unknown): TimerJobData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { instanceId, runId, kind, level } = value as Record<string, unknown>;
  if (typeof instanceId !== 'string' || typeof runId !== 'string') return undefined;
  if (kind !== 'reminder' && kind !== 'escalation') return undefined;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > MAX_ESCALATION_LEVEL)
    return undefined;
  return { instanceId, runId, kind, level };
}
