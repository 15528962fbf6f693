import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { ChatCore } from './chat/chat-core.js';
import type { ChannelFactory, ChannelModule } from './channels/channel.js';
import { CHANNEL_FACTORIES } from './channels/index.js';
import { FEATURES, type Feature } from './features/index.js';
import { OutboxDispatcher } from './chat/outbox-dispatcher.js';
import { ReaderResolver } from './chat/readers.js';
import type { FileContentHandler, ChatCommandHandler } from './chat/chat-deps.js';
import type { Config } from './config/env.js';
import { loadFlowsDir } from './config/flow-files.js';
import { loadOfficeCalendar } from './config/holidays-file.js';
import { OrgSource } from './config/org-source.js';
import type { Flow } from './core/flow/model.js';
import { systemClock, type Clock } from './core/ports.js';
import { FlowRegistry } from './core/service/flow-registry.js';
import { SopService } from './core/service/sop-service.js';
import type { StepTimers } from './core/service/step-timers.js';
import {
  addOfficeMs,
  DEFAULT_OFFICE_CALENDAR,
  mergeCalendar,
  type OfficeCalendar,
} from './core/time/index.js';
import { createHttpServer, listen } from './http/http-server.js';
import { loadTranslator, type Translator } from './i18n/translator.js';
import type { Logger } from './logger.js';
import { startEmbeddedMongo, type EmbeddedMongo } from './storage/embedded-mongo.js';
import { connectMongoStorage, type MongoStorage } from './storage/mongo-storage.js';

export interface AppOptions {
  logger: Logger;
  clock?: Clock;
  /** Replaces the built-in channel list (tests pick the channels they drive). */
  channels?: ChannelFactory[];
  /** Outbox spacing per chat, overridable for tests. */
  dispatcherLimits?: ConstructorParameters<typeof OutboxDispatcher>[0]['limits'];
  dispatcherPollMs?: number;
  /** Replaces the feature list (tests of one feature). */
  features?: Array<() => Promise<Feature>>;
}

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  storage: MongoStorage;
  embedded: boolean;
  orgSource: OrgSource;
  flows: FlowRegistry;
  calendar: OfficeCalendar;
  translator: Translator;
  service: SopService;
  chat: ChatCore;
  channels: ChannelModule[];
  channelsOff: Record<string, string>;
  dispatcher: OutboxDispatcher;
  http: Server;
  fileHandlers: Record<string, FileContentHandler>;
  chatCommands: Record<string, ChatCommandHandler>;
  port(): number;
  /** Lets the time-standards feature set and clear step timers. */
  useTimers(timers: StepTimers): void;
  /** Lets the delegation feature say who stands in for whom. */
  useDelegations(source: () => Promise<Map<string, string>>): void;
  /** Lets the disruption feature say since when a disruption is declared. */
  useDisruption(source: () => Promise<Date | undefined>): void;
  /** Registers clean-up to run when the app stops (before the database closes). */
  onStop(stop: () => Promise<void>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root: configuration → database → flows and org → engine → chat → channels
 * → HTTP. Nothing starts listening or sending until `start()`.
 */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  let embeddedServer: EmbeddedMongo | undefined;
  let uri = config.MONGODB_URI;
  if (!uri) {
    embeddedServer = await startEmbeddedMongo({ port: config.EMBEDDED_MONGODB_PORT });
    uri = embeddedServer.uri;
    logger.warn(
      { uri },
      'MONGODB_URI is not set: using the embedded in-memory database. Data will NOT survive a restart. ' +
        'Set MONGODB_URI=mongodb://host:27017/pandu to use a real MongoDB (docker-compose does this).',
    );
  }
  const storage = await connectMongoStorage(uri);

  const orgSource = new OrgSource(config.ORG_FILE, logger, (next) =>
    missingPositions(flowsLoaded, next.positions),
  );
  const flowsLoaded = loadFlowsDir(config.FLOWS_DIR, orgSource.org.positions);
  const flows = new FlowRegistry(flowsLoaded);
  const calendar = existsSync(config.CALENDAR_FILE)
    ? await loadOfficeCalendar([config.CALENDAR_FILE], {
        ...DEFAULT_OFFICE_CALENDAR,
        timeZone: config.TIME_ZONE,
      })
    : { ...DEFAULT_OFFICE_CALENDAR, timeZone: config.TIME_ZONE };
  const calendars = new Map(flowsLoaded.map((flow) => [flow.id, calendarFor(calendar, flow)]));
  const translator = loadTranslator(config.LOCALES_DIR);

  let timers: StepTimers | undefined;
  let delegations: (() => Promise<Map<string, string>>) | undefined;
  let disruption: (() => Promise<Date | undefined>) | undefined;
  const service = new SopService({
    flows,
    org: () => orgSource.org,
    store: storage.instances,
    agendaBook: storage.agendaBook,
    outbox: storage.outbox,
    clock,
    timeZone: config.TIME_ZONE,
    dueAt: (start, ms, flow) => addOfficeMs(calendars.get(flow.id) ?? calendar, start, ms),
    delegations: () => delegations?.() ?? Promise.resolve(new Map<string, string>()),
    disruptedSince: () => disruption?.() ?? Promise.resolve(undefined),
    timers: {
      runsStarted: (instance, runs) => timers?.runsStarted(instance, runs) ?? Promise.resolve(),
      runsEnded: (instance, runs) => timers?.runsEnded(instance, runs) ?? Promise.resolve(),
    },
  });
  const readers = new ReaderResolver({
    org: () => orgSource.org,
    identities: storage.identities,
    defaultLocale: config.DEFAULT_LOCALE,
    defaultTimeZone: config.TIME_ZONE,
  });
  const fileHandlers: Record<string, FileContentHandler> = {};
  const chatCommands: Record<string, ChatCommandHandler> = {};
  const chat = new ChatCore({
    service,
    identities: storage.identities,
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
    fileHandlers,
    extraCommands: chatCommands,
  });

  const channels: ChannelModule[] = [];
  const channelsOff: Record<string, string> = {};
  const factories =
    options.channels ?? (await Promise.all(Object.values(CHANNEL_FACTORIES).map((load) => load())));
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
    identities: storage.identities,
    org: () => orgSource.org,
    readers,
    translator,
    tokens: storage.tokens,
    messages: storage.taskMessages,
    clock,
    logger,
    ...(options.dispatcherLimits ? { limits: options.dispatcherLimits } : {}),
    ...(options.dispatcherPollMs ? { pollMs: options.dispatcherPollMs } : {}),
  });

  const health = async () => {
    const database = await storage.connection.db
      ?.admin()
      .ping()
      .then(() => 'up')
      .catch(() => 'down');
    return {
      ok: database === 'up',
      database,
      embeddedDatabase: Boolean(embeddedServer),
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
    };
  };
  const http = createHttpServer(
    channels.flatMap((c) => c.routes),
    health,
    logger,
  );

  const featureStops: Array<() => Promise<void>> = [];
  let boundPort = config.PORT;
  const app: App = {
    config,
    logger,
    clock,
    storage,
    embedded: Boolean(embeddedServer),
    orgSource,
    flows,
    calendar,
    translator,
    service,
    chat,
    channels,
    channelsOff,
    dispatcher,
    http,
    fileHandlers,
    chatCommands,
    port: () => boundPort,
    useTimers(t) {
      timers = t;
    },
    useDelegations(source) {
      delegations = source;
    },
    useDisruption(source) {
      disruption = source;
    },
    onStop(stop) {
      featureStops.push(stop);
    },
    async start() {
      boundPort = await listen(http, config.PORT, config.HOST);
      orgSource.watch();
      for (const channel of channels) await channel.start();
      const recovered = await service.recoverPendingPrompts();
      if (recovered > 0) logger.warn({ recovered }, 'queued prompts a previous run left unsent');
      dispatcher.start();
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
      for (const stop of featureStops.reverse()) await stop();
      orgSource.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await storage.close();
      await embeddedServer?.stop();
    },
  };
  for (const load of options.features ?? FEATURES) await (await load())(app);
  return app;
}

function calendarFor(base: OfficeCalendar, flow: Flow): OfficeCalendar {
  if (!flow.calendar) return base;
  return mergeCalendar(base, flow.calendar);
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
