import type { ReportComplianceDeps } from '../../cli/commands/report-compliance.js';
import type { Flow } from '../../core/flow/model.js';
import type { Locale } from '../../core/i18n.js';
import { withCalendarOverride, type AnyOfficeCalendar } from '../../core/time/index.js';
import type { Contributions, Feature, FeatureHost, TextOutput } from '../feature.js';
import { registerModels } from '../../storage/models.js';
import { MongoInstancesSource } from './mongo-instances-source.js';
import { MongoOpenWorkSource } from './mongo-open-work-source.js';
import { ReportFactsCache } from './report-facts-cache.js';
import { MongoReportFacts } from './report-facts-store.js';
import { reconcileReportFacts, reportFactsListener } from './report-facts-sync.js';
import { reportTexts } from './report-texts.js';
import { MongoWeeklyClaims } from '../../scheduling/mongo-weekly-claims.js';
import type { WeeklyClaims } from '../../scheduling/weekly-claims.js';
import type { WeeklySlot } from './digest-schedule.js';
import { DigestTimer } from './digest-timer.js';
import { MongoDigestSettings, type DigestSettings } from './digest-settings.js';
import { laporanCommand } from './leader-report.js';
import { MongoLetterSearch } from './letter-search.js';
import type { ScopeFiguresSource } from './scope-figures.js';
import { searchCommand } from './search-command.js';
import { sendWeeklyDigests } from './weekly-digests.js';
import { dasborCommand } from './dashboard/dasbor-command.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import { UndeliveredMessages } from './undelivered.js';
import { DashboardSessions } from './dashboard/sessions.js';

/** How old a Mini App's init data may be when it signs someone in (it is made when the app opens). */
const MINI_APP_MAX_AGE_SECONDS = 3600;

/** What the reports feature offers: its read ports. */
export interface Reports {
  facts: MongoReportFacts;
  /** The facts held in memory, caught up on each read: the source for the dashboard and chat. */
  cachedFacts: ReportFactsCache;
  instances: MongoInstancesSource;
  openWork: MongoOpenWorkSource;
  /** Brings the report facts in step with the instances (at start, and before a CLI report). */
  reconcile(): Promise<number>;
  /** The office calendar a flow's times count in. */
  calendarFor(flow: Flow): AnyOfficeCalendar;
  /** What `pandu report compliance` runs on. */
  complianceDeps(locale?: Locale): ReportComplianceDeps;
  /** Who turned the weekly digest off. */
  digestSettings: DigestSettings;
  /** Sends the digests of the week of `slot` not sent yet (what the weekly timer runs); how many were sent. */
  sendDigests(slot: WeeklySlot): Promise<number>;
  /** The dashboard's sign-in tokens and sessions. */
  dashboardSessions: DashboardSessions;
}

/** The office calendar a flow's times count in: the office's (every year), with the flow's own override. */
export function calendarForFlows(base: AnyOfficeCalendar): (flow: Flow) => AnyOfficeCalendar {
  const byFlow = new Map<string, AnyOfficeCalendar>();
  return (flow) => {
    let calendar = byFlow.get(flow.id);
    if (!calendar) {
      calendar = flow.calendar ? withCalendarOverride(base, flow.calendar) : base;
      byFlow.set(flow.id, calendar);
    }
    return calendar;
  };
}

/**
 * The reports feature: keeps `report_facts` from every saved change that ends a run, and at start
 * brings them in step with the instances (a first start reads every instance once), then holds
 * them in memory for the dashboard and chat (`cachedFacts`). It adds `pandu report compliance`.
 */
export function reportsFeature(options: { claims?: WeeklyClaims } = {}): Feature<Reports> {
  return { id: 'reports', setup: (host) => setup(host, options) };
}

function setup(host: FeatureHost, options: { claims?: WeeklyClaims }): Contributions<Reports> {
  const { db, logger, config } = host;
  const facts = new MongoReportFacts(db);
  const models = registerModels(host.connection);
  const instances = new MongoInstancesSource(models);
  const listen = reportFactsListener(facts);
  const calendarFor = calendarForFlows(host.calendars.calendar);
  const cachedFacts = new ReportFactsCache(facts, () => new Date());
  const openWork = new MongoOpenWorkSource(models);
  const figuresSource: ScopeFiguresSource = {
    flows: () => host.service.allFlows(),
    org: host.org,
    facts: cachedFacts,
    openWork,
    calendarFor,
    timeZone: host.calendars.calendar.timeZone,
  };
  const digestSettings = new MongoDigestSettings(host.connection);
  const claims = options.claims ?? new MongoWeeklyClaims(host.connection);
  const sendDigests = async (slot: WeeklySlot): Promise<number> => {
    const result = await sendWeeklyDigests(
      {
        source: figuresSource,
        settings: digestSettings,
        claims,
        send: (prompts) => host.send(prompts),
        hasChat: (personId) => host.hasChat(personId),
      },
      slot,
      host.clock.now(),
    );
    for (const { personId, error } of result.failed)
      logger.error({ err: error, personId, week: slot.week }, 'weekly digest not sent');
    return result.sent;
  };
  const digestTimer = new DigestTimer({
    calendar: host.calendars.calendar,
    now: () => host.clock.now(),
    send: sendDigests,
    logger,
  });
  const reports: Reports = {
    facts,
    // Its own bookkeeping runs on the wall clock, as the writes' `writtenAt` does.
    cachedFacts,
    instances,
    openWork,
    reconcile: async () => {
      await facts.ensureIndexes();
      return reconcileReportFacts(facts, instances);
    },
    calendarFor,
    complianceDeps: (locale = config.DEFAULT_LOCALE) => ({
      flows: host.service.allFlows(),
      org: host.service.org,
      calendarFor,
      source: {
        factsBetween: async (from, to, filter) => {
          await reports.reconcile();
          return facts.factsBetween(from, to, filter);
        },
      },
      now: host.clock.now(),
      timeZone: host.calendars.calendar.timeZone,
      texts: reportTexts(host.translator, { locale, timeZone: config.TIME_ZONE }),
    }),
    digestSettings,
    sendDigests,
    dashboardSessions: new DashboardSessions(db),
  };
  const search = new MongoLetterSearch(models);
  const routes = dashboardRoutes({
    source: figuresSource,
    instance: (id) => host.service.get(id),
    flow: (id) => host.service.flow(id),
    files: host.files,
    search,
    undelivered: new UndeliveredMessages(models),
    sessions: reports.dashboardSessions,
    translator: host.translator,
    readerFor: (personId) => host.readerFor(personId),
    defaultReader: { locale: config.DEFAULT_LOCALE, timeZone: config.TIME_ZONE },
    clock: host.clock,
    publicUrl: config.PUBLIC_URL,
    miniAppToken: config.TELEGRAM_BOT_TOKEN,
    miniAppMaxAgeSeconds: MINI_APP_MAX_AGE_SECONDS,
    personByChat: (platform, userId) => host.personByChat(platform, userId),
    logger,
  });
  return {
    // Not waited for: the facts go with others a moment later (MongoReportFacts), not in the tap.
    onSaved: (change) => {
      void listen(change).catch((error: unknown) => {
        logger.error({ err: error, instanceId: change.instance.id }, 'report facts not saved');
      });
      return Promise.resolve();
    },
    async start() {
      await reports.dashboardSessions.ensureIndexes();
      // In the background: the service answers while a first start catches up.
      void reports
        .reconcile()
        .then(async (written) => {
          if (written > 0) logger.info({ written }, 'report facts brought up to date');
          // Read them into memory now, so that the first report asked for does not wait for it.
          await reports.cachedFacts.catchUp();
        })
        .catch((error: unknown) => logger.error({ err: error }, 'report facts reconciliation failed'));
      digestTimer.start();
    },
    async stop() {
      digestTimer.stop();
      await facts.settled();
    },
    chat: {
      commands: [
        {
          name: 'laporan',
          audience: 'leaders',
          takesArgs: true,
          run: laporanCommand({
            source: figuresSource,
            settings: digestSettings,
            translator: host.translator,
            clock: host.clock,
          }),
        },
        // Only with an address to link to (Slack's App Home shows the link when the command exists).
        ...(config.PUBLIC_URL
          ? [
              {
                name: 'dasbor',
                run: dasborCommand({ sessions: reports.dashboardSessions, publicUrl: config.PUBLIC_URL }),
              },
            ]
          : []),
        {
          name: 'cari',
          takesArgs: true,
          run: searchCommand({ search, org: host.org, flow: (id) => host.service.flow(id) }),
        },
      ],
    },
    cli: [
      {
        group: 'report',
        run: (args, out, { locale }) => runReportCommand(args, out, reports, locale),
      },
    ],
    routes,
    api: reports,
  };
}

/** `pandu report <what> …`: `compliance` is the one report. */
async function runReportCommand(
  argv: string[],
  out: TextOutput,
  reports: Reports,
  locale: Locale,
): Promise<number> {
  const [what, ...rest] = argv;
  const deps = reports.complianceDeps(locale);
  if (what !== 'compliance') {
    out.stderr(deps.texts.t('report-usage'));
    return 2;
  }
  const { runReportCompliance } = await import('../../cli/commands/report-compliance.js');
  return runReportCompliance(rest, out, deps);
}
