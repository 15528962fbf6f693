import type { Instance } from '../../core/engine/types.js';
import { maySeeInstance } from '../../core/engine/visibility.js';
import type { PersonId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { Models } from '../../storage/models.js';

/** What a search result shows of a letter. */
export type FoundLetter = Pick<
  Instance,
  | 'id'
  | 'flowId'
  | 'subject'
  | 'requesterId'
  | 'requesterUnitId'
  | 'status'
  | 'createdAt'
  | 'agendaNumbers'
  | 'runs'
>;

interface ProjectedInstance {
  _id: unknown;
  flowId: string;
  subject?: string;
  requesterUnitId?: string;
  status?: string;
  createdAt?: Date;
  state: Partial<FoundLetter>;
}

/** What the dashboard's search form asks for; every part is optional, all given must match. */
export interface LetterCriteria {
  words?: readonly string[];
  agenda?: string;
  requesterUnitId?: string;
  requesterId?: PersonId;
  status?: 'active' | 'completed';
  createdFrom?: Date;
  createdTo?: Date;
}

/** The longest query `/cari` takes, and the most words in it. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 8;
/** How many of the newest matches are looked at for ones the person may see. */
const SCANNED = 500;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words of a query: lowercased, at most MAX_QUERY_WORDS, none empty. */
export function queryWords(query: string): string[] {
  return query.trim().slice(0, MAX_QUERY_LENGTH).split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS);
}

/**
 * Letters (instances) found by words: every word must appear in the subject, an agenda number or
 * the requesting unit's name or id (any case; a word is matched literally, never as a pattern).
 * Only letters the person may see (maySeeInstance: those taking part, their superiors, admins)
 * come back, the newest first. A real MongoDB serves the subject words from a collection scan of
 * the newest documents (`{ updatedAt: -1 }` with the limit); agenda numbers have their indexes.
 */
export class MongoLetterSearch {
  constructor(private readonly models: Pick<Models, 'Instance'>) {}

  async search(input: {
    words: readonly string[];
    viewerId: PersonId;
    org: OrgDirectory;
    limit: number;
  }): Promise<{ letters: FoundLetter[]; more: boolean }> {
    if (input.words.length === 0) return { letters: [], more: false };
    return this.find({ ...input, criteria: { words: input.words } });
  }

  /**
   * Letters by several criteria at once (the dashboard's search form): every word as in `search`,
   * an agenda number (part of it), the requesting unit, the state, and the day it was made in
   * `[createdFrom, createdTo)`; only letters the person may see, the newest first.
   */
  async find(input: {
    criteria: LetterCriteria;
    viewerId: PersonId;
    org: OrgDirectory;
    limit: number;
  }): Promise<{ letters: FoundLetter[]; more: boolean }> {
    const { org, criteria } = input;
    const units = org.allUnits();
    const and: Array<Record<string, unknown>> = (criteria.words ?? []).map((word) => {
      const pattern = new RegExp(escapeRegex(word), 'i');
      const unitIds = units.filter((u) => pattern.test(u.name) || pattern.test(u.id)).map((u) => u.id);
      return {
        $or: [
          { subject: pattern },
          { agendaIncoming: pattern },
          { agendaOutgoing: pattern },
          ...(unitIds.length > 0 ? [{ requesterUnitId: { $in: unitIds } }] : []),
        ],
      };
    });
    if (criteria.agenda) {
      const pattern = new RegExp(escapeRegex(criteria.agenda), 'i');
      and.push({ $or: [{ agendaIncoming: pattern }, { agendaOutgoing: pattern }] });
    }
    if (criteria.requesterUnitId) and.push({ requesterUnitId: criteria.requesterUnitId });
    if (criteria.requesterId) and.push({ 'state.requesterId': criteria.requesterId });
    if (criteria.status) and.push({ status: criteria.status });
    if (criteria.createdFrom) and.push({ createdAt: { $gte: criteria.createdFrom } });
    if (criteria.createdTo) and.push({ createdAt: { $lt: criteria.createdTo } });
    const filter = and.length > 0 ? { $and: and } : {};
    const docs = await this.models.Instance.find(filter, {
      flowId: 1,
      subject: 1,
      requesterUnitId: 1,
      status: 1,
      createdAt: 1,
      'state.id': 1,
      'state.requesterId': 1,
      'state.agendaNumbers': 1,
      'state.runs': 1,
      'state.createdAt': 1,
    })
      .sort({ updatedAt: -1 })
      .limit(SCANNED)
      .lean<ProjectedInstance[]>();
    const visible: FoundLetter[] = [];
    for (const doc of docs) {
      const letter: FoundLetter = {
        id: doc.state.id ?? String(doc._id),
        flowId: doc.flowId,
        subject: doc.subject ?? '',
        requesterId: doc.state.requesterId ?? '',
        requesterUnitId: doc.requesterUnitId ?? '',
        status: doc.status === 'completed' ? 'completed' : 'active',
        createdAt: doc.state.createdAt ?? doc.createdAt?.toISOString() ?? '',
        agendaNumbers: doc.state.agendaNumbers ?? {},
        runs: doc.state.runs ?? [],
      };
      if (!maySeeInstance(org, input.viewerId, letter)) continue;
      visible.push(letter);
      if (visible.length > input.limit) break;
    }
    return { letters: visible.slice(0, input.limit), more: visible.length > input.limit };
  }
}
