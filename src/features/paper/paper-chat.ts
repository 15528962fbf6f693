import type { ChatContributions } from '../../chat/contributions.js';
import type { ChatReply } from '../../chat/types.js';
import type { Instance } from '../../core/engine/types.js';
import type { MessageRef } from '../../core/i18n.js';
import type { PersonId } from '../../core/ids.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import { agendaFile, parseAgendaArgs } from './agenda-books.js';
import { archiveOf, mayArchive } from './archive.js';
import {
  buttonChange,
  DERAJAT_ACTION,
  editLetter,
  holdsRegistration,
  letterFacts,
  letterFactsOfMany,
  letterLines,
  letterPrompts,
  mayEditLetter,
  parseLetterArgs,
  SIFAT_ACTION,
  tembusanResolver,
} from './letter.js';
import { letterOf, localDate, type PaperDeps } from './paper-context.js';

export interface PaperChatDeps {
  deps: PaperDeps;
  translator: Translator;
  readerFor(personId: PersonId): Promise<Reader>;
  get(id: string): Promise<Instance | undefined>;
  findByAgendaNumber(agendaNumber: string): Promise<Instance | undefined>;
  openTasksFor(personId: PersonId): Promise<Array<{ instance: Instance }>>;
  listForUnit(unitId: string, limit: number): Promise<Instance[]>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The letter `/surat` means: the agenda number given, else the person's open registration, else their newest unnumbered request. */
async function letterTarget(chat: PaperChatDeps, personId: PersonId, agenda: string | undefined) {
  if (agenda) return chat.findByAgendaNumber(agenda);
  const { deps } = chat;
  const tasks = await chat.openTasksFor(personId);
  const registering = tasks.find((t) => holdsRegistration(deps, t.instance, personId));
  if (registering) return registering.instance;
  const unit = deps.org().person(personId)?.unit;
  if (!unit) return undefined;
  const own = (await chat.listForUnit(unit, 50)).filter(
    (i) => i.requesterId === personId && !i.agendaNumbers.incoming && i.status === 'active',
  );
  return own.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** `/surat`, `/agenda`, `/arsip` and the sifat/derajat buttons. */
export function paperChat(chat: PaperChatDeps): ChatContributions {
  const { deps } = chat;
  const isTuOrAdmin = (personId: PersonId) => {
    const person = deps.org().person(personId);
    return Boolean(person && (person.admin || person.tags.includes('tata-usaha')));
  };
  const tap = async (kind: string, tap: Parameters<NonNullable<ChatContributions['actions']>[string]>[0]) => {
    const reader = await chat.readerFor(tap.personId);
    const say = (...lines: MessageRef[]): ChatReply => {
      const text = lines.map((l) => chat.translator.format(l, reader));
      return { messages: [{ lines: text, buttons: [] }], toast: text[0] ?? '' };
    };
    const instance = await chat.get(tap.action.instanceId);
    const change = buttonChange(kind, tap.arg);
    if (!instance || !change) return say({ key: 'chat-button-unknown' });
    if (!mayEditLetter(deps, instance, tap.personId)) return say({ key: 'paper-letter-closed' });
    const edited = await editLetter(
      deps,
      instance.id,
      tap.personId,
      change,
      holdsRegistration(deps, instance, tap.personId),
    );
    if (!edited.ok) return say(...edited.refusals);
    // The question's messages (the requester's and TU's) show the new choice.
    await deps.send(await letterPrompts(deps, instance, 'update'));
    return say(
      { key: 'paper-letter-saved', params: { subject: instance.subject } },
      ...letterLines(edited.letter),
    );
  };
  return {
    letterFacts: (instanceId, personId) => letterFacts(deps, instanceId, personId),
    letterFactsBatch: (instanceIds) => letterFactsOfMany(deps, instanceIds),
    actions: {
      [SIFAT_ACTION]: (t) => tap(SIFAT_ACTION, t),
      [DERAJAT_ACTION]: (t) => tap(DERAJAT_ACTION, t),
    },
    commands: [
      {
        name: 'surat',
        takesArgs: true,
        run: async ({ personId, args }) => {
          const parsed = parseLetterArgs(args, tembusanResolver(deps));
          if (parsed.unknown.length > 0 || parsed.rest.length > 1)
            return {
              lines: [{ key: 'paper-letter-usage', params: { unknown: parsed.unknown.join(', ') || '-' } }],
            };
          const instance = await letterTarget(chat, personId, parsed.rest[0]);
          if (!instance || !(mayEditLetter(deps, instance, personId) || mayArchive(deps, instance, personId)))
            return { lines: [{ key: 'paper-letter-none' }] };
          if (Object.keys(parsed.changes).length === 0)
            return {
              lines: [
                { key: 'paper-letter-current', params: { subject: instance.subject } },
                ...letterLines(await letterOf(deps.store, instance.id)),
              ],
            };
          if (!mayEditLetter(deps, instance, personId)) return { lines: [{ key: 'paper-letter-closed' }] };
          const edited = await editLetter(
            deps,
            instance.id,
            personId,
            parsed.changes,
            holdsRegistration(deps, instance, personId),
          );
          if (!edited.ok) return { lines: edited.refusals };
          if (!instance.agendaNumbers.incoming)
            await deps.send(await letterPrompts(deps, instance, 'update'));
          return {
            lines: [
              { key: 'paper-letter-saved', params: { subject: instance.subject } },
              ...letterLines(edited.letter),
            ],
          };
        },
      },
      {
        name: 'agenda',
        takesArgs: true,
        run: async ({ personId, args, reader }) => {
          if (!isTuOrAdmin(personId)) return { lines: [{ key: 'paper-agenda-not-allowed' }] };
          const request = parseAgendaArgs(args, Number(localDate(deps.now(), deps.timeZone).slice(0, 4)));
          if (!request) return { lines: [{ key: 'paper-agenda-chat-usage' }] };
          const file = await agendaFile(deps, (id) => chat.get(id), { ...request, locale: reader.locale });
          return {
            lines: [
              {
                key: 'paper-agenda-sent',
                params: { book: request.book, year: request.year, rows: file.rows },
              },
            ],
            files: [
              {
                name: file.name,
                mimeType: request.format === 'xlsx' ? XLSX_MIME : 'text/csv',
                bytes: Buffer.from(file.bytes),
              },
            ],
          };
        },
      },
      {
        name: 'arsip',
        takesArgs: true,
        run: async ({ personId, args }) => {
          const agenda = args.trim();
          if (!agenda) return { lines: [{ key: 'paper-archive-chat-usage' }] };
          const instance = await chat.findByAgendaNumber(agenda);
          // Unknown and not yours read the same: the answer reveals nothing.
          if (!instance || !mayArchive(deps, instance, personId))
            return { lines: [{ key: 'paper-archive-not-found', params: { agenda } }] };
          const { bundle, name } = await archiveOf(deps, instance);
          return {
            lines: [
              { key: 'paper-archive-sent', params: { agenda, entries: bundle.manifest.entries.length } },
            ],
            files: [
              {
                name,
                mimeType: 'application/zip',
                bytes: Buffer.from(bundle.zip),
                ...((await letterFacts(deps, instance.id)).confidential ? { confidential: true } : {}),
              },
            ],
          };
        },
      },
    ],
  };
}
