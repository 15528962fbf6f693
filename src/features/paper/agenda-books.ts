import { writeFile } from 'node:fs/promises';
import type { Instance } from '../../core/engine/types.js';
import type { Locale } from '../../core/i18n.js';
import type { PersonId } from '../../core/ids.js';
import {
  agendaBookFileName,
  exportAgendaBook,
  type AgendaBook,
  type AgendaBookEntry,
  type AgendaExportFormat,
} from '../../files/paper/index.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import type { TextOutput } from '../feature.js';
import { letterOf, localDate, registerStep, type PaperDeps } from './paper-context.js';

/** One row of the book from a registration: the instance, its letter and who it went to next. */
async function entryOf(
  deps: PaperDeps,
  book: AgendaBook,
  instance: Instance,
  agendaNumber: string,
  at: string,
): Promise<AgendaBookEntry> {
  const org = deps.org();
  const letter = await letterOf(deps.store, instance.id);
  const name = (id: PersonId | null | undefined) => (id ? (org.person(id)?.name ?? id) : undefined);
  const unit = org.unit(instance.requesterUnitId)?.name ?? instance.requesterUnitId;
  const flow = deps.flow(instance.flowId);
  const step = flow && registerStep(flow, book);
  const registration = instance.runs.find((r) => r.stepId === step?.id && r.agendaNumber === agendaNumber);
  const after =
    registration &&
    instance.runs.find((r) => r.startedAt >= (registration.endedAt ?? '~') && r !== registration);
  const forwarded =
    book === 'incoming'
      ? [name(after?.assigneeId)].filter((n): n is string => Boolean(n))
      : [name(instance.requesterId) ?? unit, ...letter.tembusan.map((t) => t.name)];
  return {
    agendaNumber,
    at,
    counterpart: unit,
    letterNumber: book === 'incoming' ? (letter.senderNumber ?? '-') : agendaNumber,
    letterDate:
      book === 'incoming'
        ? (letter.senderDate ?? localDate(instance.createdAt, deps.timeZone))
        : localDate(at, deps.timeZone),
    subject: instance.subject,
    sifat: letter.sifat,
    derajat: letter.derajat,
    ...(letter.klasifikasi ? { klasifikasi: letter.klasifikasi } : {}),
    forwardedTo: forwarded,
    ...(instance.status === 'completed' ? { remarks: 'Selesai' } : {}),
  };
}

/** The book's rows for a year, in the order registered. */
export async function agendaEntries(
  deps: PaperDeps,
  get: (id: string) => Promise<Instance | undefined>,
  book: AgendaBook,
  year: number,
): Promise<AgendaBookEntry[]> {
  const entries: AgendaBookEntry[] = [];
  for (const record of await deps.store.agendaRecords(book, year)) {
    const instance = await get(record.instanceId);
    if (instance) entries.push(await entryOf(deps, book, instance, record.agendaNumber, record.at));
  }
  return entries;
}

export async function agendaFile(
  deps: PaperDeps,
  get: (id: string) => Promise<Instance | undefined>,
  request: { book: AgendaBook; year: number; format: AgendaExportFormat; locale: Locale },
): Promise<{ name: string; bytes: Uint8Array; rows: number }> {
  const entries = await agendaEntries(deps, get, request.book, request.year);
  const bytes = await exportAgendaBook(request.book, entries, {
    format: request.format,
    locale: request.locale,
    timeZone: deps.timeZone,
  });
  return {
    name: agendaBookFileName(request.book, request.year, request.format),
    bytes,
    rows: entries.length,
  };
}

const BOOKS: Record<string, AgendaBook> = {
  incoming: 'incoming',
  masuk: 'incoming',
  outgoing: 'outgoing',
  keluar: 'outgoing',
};

/** `pandu agenda export --book incoming|outgoing --year YYYY [--format xlsx|csv] [--out FILE]`. */
export async function runAgendaExport(
  args: string[],
  out: TextOutput,
  context: {
    deps: PaperDeps;
    get: (id: string) => Promise<Instance | undefined>;
    translator: Translator;
    reader: Reader;
  },
): Promise<number> {
  const t = (key: string, params?: Record<string, string | number>) =>
    context.translator.format({ key, ...(params ? { params } : {}) }, context.reader);
  const [action, ...rest] = args;
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i] ?? '';
    const value = rest[i + 1];
    if (!name.startsWith('--') || value === undefined) {
      out.stderr(t('paper-agenda-usage'));
      return 2;
    }
    options.set(name.slice(2), value);
  }
  const book = BOOKS[options.get('book') ?? ''];
  const year = Number(options.get('year'));
  const format = options.get('format') ?? 'xlsx';
  if (
    action !== 'export' ||
    !book ||
    !Number.isInteger(year) ||
    year < 2000 ||
    year > 2999 ||
    (format !== 'xlsx' && format !== 'csv')
  ) {
    out.stderr(t('paper-agenda-usage'));
    return 2;
  }
  const file = await agendaFile(context.deps, context.get, {
    book,
    year,
    format,
    locale: context.reader.locale,
  });
  const target = options.get('out') ?? file.name;
  await writeFile(target, file.bytes);
  out.stdout(t('paper-agenda-written', { file: target, rows: file.rows }));
  return 0;
}

/** `/agenda [masuk|keluar] [YYYY] [csv]`: the book as a file, for TU and admins. */
export function parseAgendaArgs(
  args: string,
  thisYear: number,
): { book: AgendaBook; year: number; format: AgendaExportFormat } | undefined {
  let book: AgendaBook = 'incoming';
  let year = thisYear;
  let format: AgendaExportFormat = 'xlsx';
  for (const word of args.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    if (BOOKS[word]) book = BOOKS[word];
    else if (/^\d{4}$/.test(word)) year = Number(word);
    else if (word === 'csv' || word === 'xlsx') format = word;
    else return undefined;
  }
  return { book, year, format };
}
