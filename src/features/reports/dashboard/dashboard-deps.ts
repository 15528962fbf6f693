import type { Instance } from '../../../core/engine/types.js';
import type { Flow } from '../../../core/flow/model.js';
import type { PersonId } from '../../../core/ids.js';
import type { Clock, FileStore } from '../../../core/ports.js';
import type { Reader, Translator } from '../../../i18n/translator.js';
import type { Logger } from '../../../logger.js';
import type { MongoLetterSearch } from '../letter-search.js';
import type { Translate } from '../report-texts.js';
import type { ScopeFiguresSource } from '../scope-figures.js';
import type { UndeliveredMessages } from '../undelivered.js';
import type { PageFrame, Section } from './layout.js';
import type { DashboardSession, DashboardSessions } from './sessions.js';

/** What the dashboard's pages read, and how people sign in. */
export interface DashboardDeps {
  source: ScopeFiguresSource;
  instance(id: string): Promise<Instance | undefined>;
  flow(id: string): Flow | undefined;
  files: FileStore;
  search: MongoLetterSearch;
  /** The messages the outbox gave up on. */
  undelivered: Pick<UndeliveredMessages, 'list' | 'count'>;
  sessions: DashboardSessions;
  translator: Translator;
  readerFor(personId: PersonId): Promise<Reader>;
  /** Who reads the pages before anyone has signed in. */
  defaultReader: Reader;
  clock: Clock;
  /** Where people reach the service (links; `https:` makes the cookie Secure). */
  publicUrl: string | undefined;
  /** Signs the Mini App's init data; without it the Mini App sign-in is refused. */
  miniAppToken: string | undefined;
  /** Oldest Mini App init data accepted, in seconds. */
  miniAppMaxAgeSeconds: number;
  personByChat(platform: string, userId: string): Promise<PersonId | undefined>;
  logger: Logger;
}

/** The signed-in person a page is made for. */
export interface Viewer {
  personId: PersonId;
  name: string;
  session: DashboardSession;
  reader: Reader;
  t: Translate;
  frame(title: string, section: Section): PageFrame;
}

/** A page refused: 403 (not theirs to see), 404 (no such thing, or not theirs), 400 (bad input). */
export class PageRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = 'PageRefusal';
  }
}
