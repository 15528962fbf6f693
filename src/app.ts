import type { Server } from 'node:http';
import type { ChannelFactory, ChannelModule } from './channels/channel.js';
import { PLATFORMS } from './channels/index.js';
import { perCallIdentities } from './chat/call-memo.js';
import { ChatApp } from './chat/chat-app.js';
import { OutboxDispatcher } from './chat/outbox-dispatcher.js';
import { accountRules } from './chat/platforms.js';
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
    onSaved: registry.onSaved,
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
  });
  for (const feature of options.features ?? (await loadFeatures()))
    await registry.add(feature, host(feature));
  registry.seal();

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
    contributions: registry.chat(),
    send: (prompts) => storage.outbox.enqueue(prompts),
    fileRefs: storage.fileRefs,
  });

  const channels: ChannelModule[] = [];
  const channelsOff: Record<string, string> = {};
  const factories = options.channels ?? (await Promise.all(PLATFORMS.map((platform) => platform.load())));
  for (const factory of factories) {
    const result = await factory({ config, chat, deliveries: storage.deliveries, logger });
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
    senders: channels.map((c) => c.sender),
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
          { enabled: true, ...c.describe() },
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
  const http = createHttpServer([...channels.flatMap((c) => c.routes), ...registry.routes()], health, logger);

  let boundPort = config.PORT;
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
    http,
    port: () => boundPort,
    feature: (feature) => registry.api(feature),
    cliCommands: () => registry.cli(),
    async start() {
      boundPort = await listen(http, config.PORT, config.HOST);
      orgSource.watch();
      for (const channel of channels) await channel.start();
      const recovered = await service.recoverPendingPrompts();
      if (recovered > 0) logger.warn({ recovered }, 'queued prompts a previous run left unsent');
      dispatcher.start();
      await registry.start();
      await scheduler.start();
      logger.info(
        {
          port: boundPort,
          flows: flows.all().map((f) => f.id),
          channels: channels.map((c) => c.platform),
          off: channelsOff,
        },
        'Pandu is running',
      );
    },
    async stop() {
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
