import type { App } from '../../app.js';
import type { ReportComplianceDeps } from '../../cli/commands/report-compliance.js';
import type { CliOutput } from '../../cli/commands/ppk-check.js';
import type { Flow } from '../../core/flow/model.js';
import { mergeCalendar, type OfficeCalendar } from '../../core/time/index.js';
import type { Feature } from '../index.js';
import { MongoInstancesSource } from './mongo-instances-source.js';
import { MongoOpenWorkSource } from './mongo-open-work-source.js';
import { ReportFactsCache } from './report-facts-cache.js';
import { MongoReportFacts } from './report-facts-store.js';
import { reconcileReportFacts, reportFactsListener } from './report-facts-sync.js';
import { reportTexts } from './report-texts.js';

/** What the reports feature added to an app: its read ports. */
export interface Reports {
  facts: MongoReportFacts;
  /** The facts held in memory, caught up on each read: the source for the dashboard and chat. */
  cachedFacts: ReportFactsCache;
  instances: MongoInstancesSource;
  openWork: MongoOpenWorkSource;
  /** Brings the report facts in step with the instances (at start, and before a CLI report). */
  reconcile(): Promise<number>;
}

const installed = new WeakMap<App, Reports>();

export function reportsOf(app: App): Reports | undefined {
  return installed.get(app);
}

/** The office calendar a flow's times count in: the app's, with the flow's own override. */
export function calendarForApp(app: Pick<App, 'calendar'>): (flow: Flow) => OfficeCalendar {
  const byFlow = new Map<string, OfficeCalendar>();
  return (flow) => {
    let calendar = byFlow.get(flow.id);
    if (!calendar) {
      calendar = flow.calendar ? mergeCalendar(app.calendar, flow.calendar) : app.calendar;
      byFlow.set(flow.id, calendar);
    }
    return calendar;
  };
}

/**
 * The reports feature: keeps `report_facts` from every saved change that ends a run, and at start
 * brings them in step with the instances (a first start reads every instance once), then holds
 * them in memory for the dashboard and chat (`cachedFacts`).
 */
export const reportsFeature: Feature = (app) => {
  const db = app.storage.connection.db;
  if (!db) throw new Error('reports: the database is not connected');
  const facts = new MongoReportFacts(db);
  const instances = new MongoInstancesSource(app.storage.models);
  const logger = app.logger.child({ feature: 'reports' });
  const listen = reportFactsListener(facts);
  app.service.onSaved((change) =>
    listen(change).catch((error: unknown) => {
      logger.error({ err: error, instanceId: change.instance.id }, 'report facts not saved');
    }),
  );
  const reports: Reports = {
    facts,
    // Its own bookkeeping runs on the wall clock, as the writes' `writtenAt` does.
    cachedFacts: new ReportFactsCache(facts, () => new Date()),
    instances,
    openWork: new MongoOpenWorkSource(app.storage.models),
    reconcile: async () => {
      await facts.ensureIndexes();
      return reconcileReportFacts(facts, instances);
    },
  };
  const startApp = app.start.bind(app);
  app.start = async () => {
    await startApp();
    // In the background: the service answers while a first start catches up.
    void reports
      .reconcile()
      .then(async (written) => {
        if (written > 0) logger.info({ written }, 'report facts brought up to date');
        // Read them into memory now, so that the first report asked for does not wait for it.
        await reports.cachedFacts.catchUp();
      })
      .catch((error: unknown) => logger.error({ err: error }, 'report facts reconciliation failed'));
  };
  installed.set(app, reports);
  return Promise.resolve();
};

/**
 * The CLI's dependencies from a built app. The report facts are brought up to date when the
 * report reads them (after its arguments are checked: bad input reads and writes nothing).
 */
export function complianceDepsFromApp(app: App): ReportComplianceDeps {
  const reports = reportsOf(app);
  if (!reports) throw new Error('reports: the feature is not installed in this app');
  return {
    flows: app.flows.all(),
    org: app.service.org,
    calendarFor: calendarForApp(app),
    source: {
      factsBetween: async (from, to, filter) => {
        await reports.reconcile();
        return reports.facts.factsBetween(from, to, filter);
      },
    },
    now: app.clock.now(),
    timeZone: app.calendar.timeZone,
    texts: reportTexts(app.translator, { locale: app.config.DEFAULT_LOCALE, timeZone: app.config.TIME_ZONE }),
  };
}

/** `pandu report <what> …` for src/cli/app-commands.ts: `compliance` is the one report. */
export async function runReportCommand(argv: string[], out: CliOutput, app: App): Promise<number> {
  const [what, ...rest] = argv;
  const deps = complianceDepsFromApp(app);
  if (what !== 'compliance') {
    out.stderr(deps.texts.t('report-usage'));
    return 2;
  }
  const { runReportCompliance } = await import('../../cli/commands/report-compliance.js');
  return runReportCompliance(rest, out, deps);
}
