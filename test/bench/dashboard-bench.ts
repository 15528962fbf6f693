/**
 * `npm run bench:dashboard [-- --n 10000 --open 300 --runs 5]`: how fast the leaders' view answers
 * with N finished instances on the embedded database.
 *
 * Walks 24 instances of the SPSE SOP through the real engine (office-time durations, returns,
 * reminders, escalations, disruptions), copies them N times moved by whole weeks over a year,
 * turns `--open` of the copies back into active instances at some step, writes them all through
 * the instance store, brings the report facts up to date (measured once: `reconcile_ms`, the
 * catch-up a first start does), then measures `--runs` times:
 * - `compliance_ms`: the compliance report for the year 2026 over all units, as the dashboard
 *   and chat make it in the service (the report facts cache catching up, then the office-time
 *   computation; run 1 is the cold one, reading every fact);
 * - `open_work_ms`: the dashboard's first page, all open work with counts, overdue first, for an
 *   admin (read the active instances' open runs, compute lateness in office time).
 * - `cli_compliance_ms_runs`: the same report as the CLI makes it, every fact read from the
 *   database each time (no cache), with a new calendar.
 * `read_from_instances_ms`: reading the year straight from the instances collection, once.
 * Progress goes to stderr; the LAST line is JSON: `{ instances, open, runs, compliance_ms,
 * open_work_ms, ... }` with the median of the runs and every run's figure.
 */
import { parseArgs } from 'node:util';
import { loadFlowFile } from '../../src/config/flow-files.js';
import { loadOrgFile } from '../../src/config/org-file.js';
import type { Instance } from '../../src/core/engine/types.js';
import { DEFAULT_OFFICE_CALENDAR, mergeCalendar } from '../../src/core/time/index.js';
import { computeCompliance } from '../../src/features/reports/compliance-report.js';
import { MongoInstancesSource } from '../../src/features/reports/mongo-instances-source.js';
import { MongoOpenWorkSource } from '../../src/features/reports/mongo-open-work-source.js';
import { openWork } from '../../src/features/reports/open-work.js';
import { CATCH_UP_MARGIN_MS, ReportFactsCache } from '../../src/features/reports/report-facts-cache.js';
import { MongoReportFacts } from '../../src/features/reports/report-facts-store.js';
import { reconcileReportFacts } from '../../src/features/reports/report-facts-sync.js';
import { parseReportPeriod } from '../../src/features/reports/report-period.js';
import { startEmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { connectMongoStorage } from '../../src/storage/mongo-storage.js';
import { EXAMPLE_ORG_FILE, SPSE_FLOW_FILE } from '../support/paths.js';
import { copyInstances, walkSpseInstances } from '../unit/features/reports/support/spse-instances.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    open: { type: 'string', default: '300' },
    runs: { type: 'string', default: '5' },
  },
});
const n = Number(values.n);
const openCount = Number(values.open);
const runs = Number(values.runs);
for (const [name, value] of Object.entries({ n, open: openCount, runs })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** An instance turned back into an active one: its runs after `keep` dropped, the last one open. */
function reopened(instance: Instance, keep: number, id: string): Instance {
  const runs = instance.runs.slice(0, keep).map((r) => ({ ...r }));
  const last = runs.at(-1);
  if (last) {
    delete last.endedAt;
    delete last.outcome;
    delete last.actorId;
  }
  const { completedAt: _done, ...rest } = instance;
  return {
    ...rest,
    id,
    status: 'active',
    runs,
    events: instance.events.filter((e) => !e.runId || runs.some((r) => r.runId === e.runId)),
  };
}

const org = loadOrgFile(EXAMPLE_ORG_FILE);
const flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
const calendar = mergeCalendar(DEFAULT_OFFICE_CALENDAR, {});

log('walking templates through the engine…');
const templates = await walkSpseInstances(24, 2026);
let finished = copyInstances(templates, n, 50);
let open = copyInstances(templates, openCount, 1).map((instance, i) =>
  reopened(instance, 2 + (i % 10), (0x6b0000000000 + i).toString(16).padStart(24, '0')),
);
// The open ones are in the report's last week of the year.
const server = await startEmbeddedMongo({ database: 'pandu-dashboard-bench' });
const storage = await connectMongoStorage(server.uri);
try {
  log(`writing ${n} finished and ${openCount} open instances…`);
  let all = [...finished, ...open];
  for (let i = 0; i < all.length; i += 500) {
    await Promise.all(all.slice(i, i + 500).map((instance) => storage.instances.create(instance, [])));
  }
  // Only the database holds them from here on, as in the service.
  all = finished = open = [];
  const db = storage.connection.db;
  if (!db) throw new Error('not connected');
  const facts = new MongoReportFacts(db);
  await facts.ensureIndexes();
  log('bringing the report facts up to date…');
  let started = performance.now();
  const reconciled = await reconcileReportFacts(facts, new MongoInstancesSource(storage.models));
  const reconcileMs = performance.now() - started;

  // The facts were all written a moment ago; a service's were written over months. Waiting out the
  // cache's catch-up margin lets the warm runs see what a running service sees.
  log(`waiting ${CATCH_UP_MARGIN_MS / 1000} s (the report facts cache's catch-up margin)…`);
  await new Promise((resolve) => setTimeout(resolve, CATCH_UP_MARGIN_MS + 1000));
  const period = parseReportPeriod(
    { from: '2026-01-01', to: '2026-12-31' },
    'Asia/Jakarta',
    new Date('2026-12-31T09:00:00Z'),
  );
  const openWorkSource = new MongoOpenWorkSource(storage.models);
  // As the service holds them: the report facts in memory, caught up on each report (the first
  // report reads them all), and one office calendar for the process.
  const cache = new ReportFactsCache(facts, () => new Date());
  const complianceMs: number[] = [];
  const openWorkMs: number[] = [];
  const readMs: number[] = [];
  let attempts = 0;
  let openItems = 0;
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    const read = await cache.factsBetween(period.from, period.to, { flowIds: [flow.id] });
    readMs.push(performance.now() - started);
    const report = computeCompliance({
      facts: read,
      flows: [flow],
      org,
      period,
      scope: { kind: 'all' },
      calendarFor: () => calendar,
    });
    complianceMs.push(performance.now() - started);
    attempts = report.total.count;

    started = performance.now();
    const work = openWork(await openWorkSource.activeInstances({ kind: 'all' }, org, [flow.id]), {
      flows: [flow],
      org,
      scope: { kind: 'all' },
      now: new Date('2026-12-31T09:00:00Z'),
      timeZone: 'Asia/Jakarta',
      calendarFor: () => calendar,
      limit: 50,
    });
    openWorkMs.push(performance.now() - started);
    openItems = work.counts.open;
    log(
      `run ${i + 1}: compliance ${round(complianceMs[i] ?? 0)} ms (${attempts} attempts), open work ${round(openWorkMs[i] ?? 0)} ms (${openItems} open steps)`,
    );
  }

  // What the CLI does in a process of its own: read every fact from the database, a new calendar.
  const cliMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cliCalendar = { ...calendar };
    started = performance.now();
    computeCompliance({
      facts: await facts.factsBetween(period.from, period.to, { flowIds: [flow.id] }),
      flows: [flow],
      org,
      period,
      scope: { kind: 'all' },
      calendarFor: () => cliCalendar,
    });
    cliMs.push(performance.now() - started);
  }

  started = performance.now();
  await new MongoInstancesSource(storage.models).factsBetween(period.from, period.to, { flowIds: [flow.id] });
  const fromInstancesMs = performance.now() - started;

  process.stdout.write(
    `${JSON.stringify({
      instances: n,
      open: openCount,
      attempts,
      open_steps: openItems,
      runs,
      compliance_ms: round(median(complianceMs)),
      open_work_ms: round(median(openWorkMs)),
      compliance_ms_runs: complianceMs.map(round),
      compliance_read_ms_runs: readMs.map(round),
      open_work_ms_runs: openWorkMs.map(round),
      cli_compliance_ms_runs: cliMs.map(round),
      reconcile_ms: round(reconcileMs),
      reconciled,
      read_from_instances_ms: round(fromInstancesMs),
    })}\n`,
  );
} finally {
  await storage.close();
  await server.stop();
}
