/**
 * One Pandu service process for multi-process tests: builds the real app with the time-standards
 * feature on MONGODB_URI (shared with other processes), starts it, and reports on stdout, one
 * JSON object per line: `ready` (with its scheduler name), `ran` for each timer job it finished.
 * With STALL_ON=reminder|escalation it hangs (a busy loop) as soon as it starts its first job of
 * that kind, holding the job's lock like a process that died mid-job; LOCK_BATCH=n makes it lock due jobs n at a
 * time (BatchingMongoBackend; 0: one by one, as Agenda does). SIGTERM stops it gracefully.
 */
import type { Job } from 'agenda';
import { startTimeStandardsApp, timeStandardsOf } from './time-standards-rig.js';

const env = process.env;
const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(message)}\n`);

const app = await startTimeStandardsApp({
  flowsDir: env['FLOWS_DIR'] ?? '',
  mongoUri: env['MONGODB_URI'] ?? '',
  scheduler: {
    processEveryMs: Number(env['PROCESS_EVERY_MS'] ?? 100),
    lockLifetimeMs: Number(env['LOCK_LIFETIME_MS'] ?? 1800),
    ...(env['LOCK_BATCH'] ? { lockBatchSize: Number(env['LOCK_BATCH']) } : {}),
  },
});
const scheduler = timeStandardsOf(app)?.scheduler;
if (!scheduler) throw new Error('time standards not installed');

const stallOn = env['STALL_ON'];
if (stallOn) {
  scheduler.agenda.on('start', (job: Job) => {
    if ((job.attrs.data as { kind?: string } | undefined)?.kind !== stallOn) return;
    say({ event: 'stalled', name: scheduler.name, data: job.attrs.data, lockedAt: job.attrs.lockedAt });
    // Synchronous on purpose: the whole process stops, its lock stays in the database.
    for (;;) {
      /* hung */
    }
  });
}
scheduler.agenda.on('success', (job: Job) =>
  say({ event: 'ran', name: scheduler.name, data: job.attrs.data }),
);

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
say({ event: 'ready', name: scheduler.name });
