import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';
import type { ChatContributions } from '../chat/contributions.js';
import type { LoadedOfficeCalendars } from '../config/office-calendars.js';
import type { Config } from '../config/env.js';
import type { Instance, Prompt } from '../core/engine/types.js';
import type { Locale } from '../core/i18n.js';
import type { PersonId } from '../core/ids.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import type { Clock, FileStore } from '../core/ports.js';
import type { SavedChangeListener, SopService } from '../core/service/sop-service.js';
import type { StepTimers } from '../core/service/step-timers.js';
import type { HttpRoute } from '../http/routes.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import type { Reader, Translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';

/**
 * A feature is one folder under src/features: it declares what it adds to the service, against
 * the narrow host below, and never reaches into the app. The app collects every feature's
 * contributions once, while it is built; nothing changes them afterwards.
 */
export interface Feature<Api = unknown> {
  /** A short lowercase id, for logs and for `app.feature(...)`. */
  id: string;
  setup(host: FeatureHost): Promise<Contributions<Api>> | Contributions<Api>;
}

/** What a feature may use of the service. */
export interface FeatureHost {
  config: Config;
  /** The feature's own child logger. */
  logger: Logger;
  clock: Clock;
  service: SopService;
  org: () => OrgDirectory;
  translator: Translator;
  readerFor(personId: PersonId): Promise<Reader>;
  files: FileStore;
  /** The service's database: the driver's view (Agenda, raw collections) and mongoose's (models). */
  db: Db;
  connection: Connection;
  /** The process's one Scheduler (Agenda): define jobs in `setup`; it starts after every feature's `start`. */
  scheduler: Scheduler;
  /** The office calendar of every year and its status. */
  calendars: LoadedOfficeCalendars;
  /** Sends prompts (notices, files) through the outbox: stored first, then paced and retried. */
  send(prompts: Prompt[]): Promise<void>;
  /** Whether the person has a chat account at all (linked, or named in the org file). */
  hasChat(personId: PersonId): Promise<boolean>;
  /** The person behind a chat account (linked by invite, or named in the org file), if any. */
  personByChat(platform: string, userId: string): Promise<PersonId | undefined>;
}

/** What one feature adds. Every part is optional. */
export interface Contributions<Api = unknown> {
  /** Chat commands, buttons and upload checks. */
  chat?: ChatContributions;
  /** Runs after every saved change, once its prompts are queued and its timers set. */
  onSaved?: SavedChangeListener;
  /** Facts the engine reads before each decision. */
  world?: {
    /** Who stands in for whom right now. */
    delegations?: () => Promise<Map<PersonId, PersonId>>;
    /** The start of a declared disruption, if one is on. */
    disruptedSince?: () => Promise<Date | undefined>;
    /** Facts about the letter that an agenda number may print (`{klasifikasi}`). */
    agendaFields?: (instance: Instance) => Promise<{ klasifikasi?: string }>;
  };
  /** Sets and clears the reminder and escalation timers of timed runs. */
  stepTimers?: StepTimers;
  /** Runs when the app starts (after the channels and the outbox), in feature order. */
  start?(): Promise<void>;
  /** Runs when the app stops (before the database closes), in reverse order. */
  stop?(): Promise<void>;
  /** Commands of the `pandu` command line that need the service. */
  cli?: CliCommand[];
  /** Facts for `/healthz`, under the feature's id. */
  health?(): Promise<Record<string, unknown>>;
  /** HTTP routes on the service's port. */
  routes?: HttpRoute[];
  /** What the feature offers tests, benchmarks and other code (`app.feature(feature)`). */
  api?: Api;
}

/** Where a command writes: lines to standard output and to standard error. */
export interface TextOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

/**
 * A `pandu <group> …` command, run on the service built without channels. Its help is the message
 * `cli-help-<group>` in locales/ (so `pandu <group> --help` needs no database).
 */
export interface CliCommand {
  group: string;
  /** Runs with the words after the group; resolves to the exit code (0 done, 1 refused, 2 usage). */
  run(args: string[], out: TextOutput, options: CliRunOptions): Promise<number>;
}

/** What every command is run with: the language the person asked for (`--lang id|en`). */
export interface CliRunOptions {
  locale: Locale;
}
