import type { ChatCommandHandler } from '../../chat/contributions.js';
import type { Flow } from '../../core/flow/model.js';
import type { MessageRef } from '../../core/i18n.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import { queryWords, type FoundLetter, type MongoLetterSearch } from './letter-search.js';

export interface SearchCommandDeps {
  search: Pick<MongoLetterSearch, 'search'>;
  org: () => OrgDirectory;
  flow: (id: string) => Flow | undefined;
}

/** How many letters `/cari` lists. */
export const SEARCH_RESULTS = 10;

/**
 * `/cari <words>`: the letters the person may see whose subject, agenda number or requesting unit
 * has every word, the newest first, each with its state (the open step, or done) and how to open
 * it (`/status NOMOR`).
 */
export function searchCommand(deps: SearchCommandDeps): ChatCommandHandler {
  return async ({ personId, args }) => {
    const words = queryWords(args);
    if (words.length === 0) return { lines: [{ key: 'search-usage' }] };
    const org = deps.org();
    const query = words.join(' ');
    const found = await deps.search.search({ words, viewerId: personId, org, limit: SEARCH_RESULTS });
    if (found.letters.length === 0) return { lines: [{ key: 'search-none', params: { query } }] };
    const lines: MessageRef[] = [
      {
        key: 'search-title',
        params: { query, count: found.letters.length, more: found.more ? 'yes' : 'no' },
      },
      ...found.letters.map((letter) => letterLine(letter, org, deps.flow(letter.flowId))),
      { key: 'search-footer' },
    ];
    return { lines };
  };
}

function letterLine(letter: FoundLetter, org: OrgDirectory, flow: Flow | undefined): MessageRef {
  const open = letter.runs.find((run) => !run.endedAt);
  const step = open && flow?.steps.find((s) => s.id === open.stepId);
  const state: MessageRef =
    letter.status === 'completed'
      ? { key: 'search-state-done' }
      : step
        ? { key: 'search-state-step', params: { number: step.number, title: { text: step.title } } }
        : { key: 'search-state-active' };
  return {
    key: 'search-item',
    params: {
      agenda: letter.agendaNumbers.incoming ?? letter.agendaNumbers.outgoing ?? '—',
      subject: letter.subject,
      unit: org.unit(letter.requesterUnitId)?.name ?? letter.requesterUnitId,
      date: { instant: letter.createdAt, style: 'day' },
      state: { ref: state },
    },
  };
}
