/** Whether a step was done within its standard time (Mutu Baku waktu), from its due and end times. */
export type StepTiming =
  | { status: 'within' }
  | { status: 'late'; lateMinutes: number }
  | { status: 'open' }
  | { status: 'no-standard' };

export function stepTiming(row: { dueAt: string | null; endedAt?: string }): StepTiming {
  if (row.dueAt === null) return { status: 'no-standard' };
  if (row.endedAt === undefined) return { status: 'open' };
  const late = Date.parse(row.endedAt) - Date.parse(row.dueAt);
  return late <= 0 ? { status: 'within' } : { status: 'late', lateMinutes: late / 60_000 };
}
