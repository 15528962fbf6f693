import type { Server } from 'node:http';
import type { ChannelFactory, ChannelModule } from './channels/channel.js';
import { channelFactories, PLATFORMS } from './channels/index.js';
import { perCallIdentities } from './chat/call-memo.js';
import { ChatApp } from './chat/chat-app.js';
import { OutboxDispatcher } from './chat/outbox-dispatcher.js';
import { accountRules } from './chat/platforms.js';
import type { ChatContributions } from './chat/contributions.js';
import type { ChatPort } from './chat/port.js';
import { ReaderResolver } from './chat/readers.js';
import type { SendLimits } from './chat/types.js';
import type { Config } from './config/env.js';
import { loadFlowsDir } from './config/flow-files.js';
import { OrgSource } from './config/org-source.js';
import type { Flow } from './core/flow/model.js';
import { systemClock, type Clock } from './core/ports.js';
import { FlowRegistry } from './core/service/flow-registry.js';
import { SopService } from './core/service/sop-service.js';
import { loadOfficeCalendars, type LoadedOfficeCalendars } from './config/office-calendars.js';
import { addOfficeMs, withCalendarOverride, type AnyOfficeCalendar } from './core/time/index.js';
import type { CliCommand, Feature, FeatureHost } from './features/feature.js';
import { loadFeatures } from './features/index.js';
import { FeatureRegistry } from './features/registry.js';
import { Scheduler } from './scheduling/scheduler.js';
import { resolveSchedulerOptions, type SchedulerOptions } from './scheduling/scheduler-options.js';
import { createHttpServer, listen } from './http/http-server.js';
import { countRequests, metricsRoute } from './http/metrics-route.js';
import { readinessRoute } from './http/readiness.js';
import { serviceVersion } from './http/version.js';
import { PrometheusMetrics } from './metrics/prometheus.js';
import { recordActions } from './metrics/saved-actions.js';
import { timedSender } from './metrics/timed-sender.js';
import { countOpenSteps } from './storage/open-steps.js';
import { logStartBanner } from './start-banner.js';
import { loadTranslator, type Translator } from './i18n/translator.js';
import type { Logger } from './logger.js';
import { openDatabase } from './storage/open-database.js';
import type { MongoStorage } from './storage/mongo-storage.js';

export interface AppOptions {
  logger: Logger;
  clock?: Clock;
  /** Replaces the registered platforms' channels (tests pick the channels they drive). */
  channels?: ChannelFactory[];
  /** Outbox spacing per platform, overridable for tests. */
  dispatcherLimits?: Partial<Record<string, SendLimits>>;
  dispatcherPollMs?: number;
  /** Replaces the feature list (tests of one feature, the benchmark). */
  features?: Feature[];
  /** How the process's Scheduler runs its jobs (tests and the benchmark tune it). */
  scheduler?: Partial<SchedulerOptions>;
}

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  storage: MongoStorage;
  embedded: boolean;
  orgSource: OrgSource;
  flows: FlowRegistry;
  /** The office calendar of every year, and its status (provisional years, warnings). */
  calendars: LoadedOfficeCalendars;
  translator: Translator;
  service: SopService;
  chat: ChatPort;
  channels: readonly ChannelModule[];
  dispatcher: OutboxDispatcher;
  metrics: PrometheusMetrics;
  http: Server;
  port(): number;
  /** What a feature offers (its `api`), or undefined when it is not installed. */
  feature<Api>(feature: Feature<Api>): Api | undefined;
  /** The `pandu` commands the features contribute. */
  cliCommands(): readonly CliCommand[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root: configuration → database → flows and org → engine → features → chat →
 * channels → HTTP. Features are collected once, here; nothing starts listening or sending until
 * `start()`.
 */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config, logger);
  const { storage } = database;
  // A process that died in the middle of a race for an agenda number may have left one held twice.
  const freedNumbers = await storage.agendaBook.repair();
  if (freedNumbers > 0)
    logger.warn({ freedNumbers }, 'agenda book: numbers held twice by one letter were freed');

  const orgSource = new OrgSource(
    config.ORG_FILE,
    logger,
    (next) => missingPositions(flowsLoaded, next.positions),
    accountRules(PLATFORMS),
  );
  const flowsLoaded = loadFlowsDir(config.FLOWS_DIR, orgSource.org.positions);
  const flows = new FlowRegistry(flowsLoaded);
  const officeCalendars = await loadOfficeCalendars(config);
  const calendar = officeCalendars.calendar;
  const calendars = new Map(flowsLoaded.map((flow) => [flow.id, calendarFor(calendar, flow)]));
  const translator = loadTranslator(config.LOCALES_DIR);
  // What one update reads about its person it reads once (the chat layer's calls share it).
  const identities = perCallIdentities(storage.identities);
  const readers = new ReaderResolver({
    org: () => orgSource.org,
    identities,
    defaultLocale: config.DEFAULT_LOCALE,
    defaultTimeZone: config.TIME_ZONE,
    clock,
  });

  // The service reads what the features contribute (timers, delegations, the disruption, the
  // listeners after a save) through the registry, which is complete before the first command.
  const registry = new FeatureRegistry();
  const metrics = new PrometheusMetrics({
    outbox: () => storage.outbox.counts(),
    openSteps: () => countOpenSteps(storage.models, clock.now()),
  });
  const logActions = recordActions(logger.child({ component: 'actions' }), metrics);
  const service = new SopService({
    flows,
    org: () => orgSource.org,
    store: storage.instances,
    agendaBook: storage.agendaBook,
    outbox: storage.outbox,
    clock,
    timeZone: config.TIME_ZONE,
    dueAt: (start, ms, flow) => addOfficeMs(calendars.get(flow.id) ?? calendar, start, ms),
    delegations: registry.delegations,
    disruptedSince: registry.disruptedSince,
    timers: registry.stepTimers,
    onSaved: async (change) => {
      await logActions(change);
      await registry.onSaved(change);
    },
    agendaFields: registry.agendaFields,
  });
  const db = storage.connection.db;
  if (!db) throw new Error('the database is not connected');
  // One Scheduler per process, for every feature's jobs; it starts once they are all defined.
  const scheduler = new Scheduler({
    db,
    logger: logger.child({ component: 'scheduler' }),
    options: resolveSchedulerOptions(options.scheduler),
  });
  const host = (feature: Feature): FeatureHost => ({
    config,
    logger: logger.child({ feature: feature.id }),
    clock,
    service,
    org: () => orgSource.org,
    translator,
    readerFor: (personId) => readers.readerFor(personId),
    files: storage.files,
    db,
    connection: storage.connection,
    scheduler,
    calendars: officeCalendars,
    send: (prompts) => storage.outbox.enqueue(prompts),
    hasChat: async (personId) =>
      Object.keys(orgSource.org.person(personId)?.chat ?? {}).length > 0 ||
      (await storage.identities.identitiesOf(personId)).length > 0,
    personByChat: async (platform, userId) => {
      const linked = await storage.identities.findPerson(platform, userId);
      if (linked && orgSource.org.person(linked)) return linked;
      return orgSource.org.allPeople().find((p) => p.chat[platform] === userId)?.id;
    },
  });
  for (const feature of options.features ?? (await loadFeatures()))
    await registry.add(feature, host(feature));
  registry.seal();

  let boundPort = config.PORT;
  const platformDeps = {
    config,
    clock,
    logger,
    invites: storage.invites,
    publicUrl: () => (config.PUBLIC_URL ?? `http://localhost:${boundPort}`).replace(/\/+$/, ''),
  };
  const platformChat: ChatContributions[] = await Promise.all(
    PLATFORMS.map((p) => (p.chat ? p.chat(platformDeps) : Promise.resolve({}))),
  );
  const featureChat = registry.chat();
  const chat = new ChatApp({
    service,
    identities,
    invites: storage.invites,
    files: storage.files,
    tokens: storage.tokens,
    conversations: storage.conversations,
    messages: storage.taskMessages,
    readers,
    translator,
    clock,
    logger,
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    platforms: PLATFORMS,
    contributions: {
      ...featureChat,
      commands: [...(featureChat.commands ?? []), ...platformChat.flatMap((c) => c.commands ?? [])],
    },
    send: (prompts) => storage.outbox.enqueue(prompts),
    fileRefs: storage.fileRefs,
  });

  const channels: ChannelModule[] = [];
  const channelsOff: Record<string, string> = {};
  const factories = options.channels ?? (await channelFactories(config));
  for (const factory of factories) {
    const result = await factory({
      ...platformDeps,
      chat,
      deliveries: storage.deliveries,
      connection: storage.connection,
      embedded: database.embedded,
      org: () => orgSource.org,
    });
    if ('off' in result) {
      const name = result.off.split(':')[0] ?? 'channel';
      channelsOff[name] = result.off;
      logger.info({ channel: name, reason: result.off }, 'channel is off');
    } else {
      channels.push(result);
    }
  }

  const dispatcher = new OutboxDispatcher({
    outbox: storage.outbox,
    senders: channels.map((c) => timedSender(c.sender, metrics)),
    identities,
    org: () => orgSource.org,
    readers,
    translator,
    tokens: storage.tokens,
    messages: storage.taskMessages,
    files: storage.files,
    fileRefs: storage.fileRefs,
    clock,
    logger,
    ...(featureChat.letterFacts ? { letterFacts: featureChat.letterFacts } : {}),
    ...(featureChat.letterFactsBatch ? { letterFactsBatch: featureChat.letterFactsBatch } : {}),
    ...(options.dispatcherLimits ? { limits: options.dispatcherLimits } : {}),
    ...(options.dispatcherPollMs ? { pollMs: options.dispatcherPollMs } : {}),
  });

  const health = async () => {
    const ping = await storage.connection.db
      ?.admin()
      .ping()
      .then(() => 'up')
      .catch(() => 'down');
    return {
      ok: ping === 'up',
      database: ping,
      embeddedDatabase: database.embedded,
      flows: flows.all().map((f) => ({ id: f.id, steps: f.steps.length })),
      channels: Object.fromEntries<Record<string, unknown>>([
        ...channels.map((c): [string, Record<string, unknown>] => [
          c.platform,
          { enabled: true, state: c.status().state, ...c.describe() },
        ]),
        ...Object.entries(channelsOff).map(([name, reason]): [string, Record<string, unknown>] => [
          name,
          { enabled: false, reason },
        ]),
      ]),
      outbox: await storage.outbox.counts(),
      ...(await registry.health()),
    };
  };
  let startedAt: Date | undefined;
  const routes = [
    ...channels.flatMap((c) => c.routes),
    ...registry.routes(),
    readinessRoute({
      ping: async () => {
        if (!storage.connection.db) throw new Error('not connected');
        await storage.connection.db.admin().ping();
      },
      channels: () => channels.map((c) => ({ platform: c.platform, status: c.status() })),
      off: channelsOff,
      schedulerRunning: () => scheduler.running,
      outbox: () => storage.outbox.counts(),
      version: serviceVersion(),
      startedAt: () => startedAt,
    }),
    metricsRoute(metrics, config.METRICS_TOKEN, logger),
  ];
  const http = createHttpServer(routes, health, logger);
  countRequests(
    http,
    routes.map((r) => r.path),
    (route, method, status) => metrics.httpRequest(route, method, status),
  );

  return {
    config,
    logger,
    clock,
    storage,
    embedded: database.embedded,
    orgSource,
    flows,
    calendars: officeCalendars,
    translator,
    service,
    chat,
    channels,
    dispatcher,
    metrics,
    http,
    port: () => boundPort,
    feature: (feature) => registry.api(feature),
    cliCommands: () => registry.cli(),
    async start() {
      boundPort = await listen(http, config.PORT, config.HOST);
      orgSource.onChange(() => {
        for (const channel of channels) channel.orgChanged?.();
      });
      orgSource.watch();
      for (const channel of channels) await channel.start();
      const recovered = await service.recoverPendingPrompts();
      if (recovered > 0) logger.warn({ recovered }, 'queued prompts a previous run left unsent');
      dispatcher.start();
      await registry.start();
      await scheduler.start();
      startedAt = clock.now();
      logStartBanner(logger, {
        host: config.HOST,
        port: boundPort,
        embedded: database.embedded,
        flows: flows.all().map((f) => f.id),
        channels: channels.map((c) => ({ platform: c.platform, ...c.describe() })),
        off: channelsOff,
        version: serviceVersion(),
      });
      for (const channel of channels) channel.started?.();
    },
    async stop() {
      startedAt = undefined;
      await dispatcher.stop();
      for (const channel of channels)
        await channel.stop().catch((error: unknown) => logger.warn({ err: error }, 'channel stop failed'));
      // Running jobs finish before the features they use stop.
      await scheduler.stop();
      await registry.stop();
      orgSource.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await database.close();
    },
  };
}

/** A flow's calendar: the office's, every year, with the flow's own changes (zone, hours, holidays) on top. */
function calendarFor(base: AnyOfficeCalendar, flow: Flow): AnyOfficeCalendar {
  return flow.calendar ? withCalendarOverride(base, flow.calendar) : base;
}

function missingPositions(flows: readonly Flow[], positions: readonly string[]): string | undefined {
  const missing = flows.flatMap((f) =>
    f.steps
      .flatMap((s) => [s.performer.position, s.recipients ?? s.performer.position])
      .filter((p) => !positions.includes(p)),
  );
  return missing.length > 0
    ? `positions used by flows are missing: ${[...new Set(missing)].join(', ')}`
    : undefined;
}
