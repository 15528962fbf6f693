import { congodb } from '@push.rocks/smartmongo';
import { compileFastMatch } from './embedded-fast-match.js';

/**
 * Speed-ups for the embedded CongoDB, which answers every query by testing every document of the
 * collection with mingo, so a filter naming one `_id` (get an instance, save it, save a job's
 * state, remove a job) costs as much as a full scan: ~20 ms at 10,000 documents.
 *
 * - Key lookups: its storage already keeps each collection as a map keyed by the `_id`'s hex
 *   string; a filter whose `_id` is an ObjectId, `{ $eq: ObjectId }` or `{ $in: [ObjectId, …] }`
 *   takes its candidates from that map and tests only the rest of the filter on them, so the
 *   answer is the same set of documents (in `$in` order rather than insertion order, which
 *   MongoDB does not promise either).
 * - Compiled matching: other simple filters are tested with embedded-fast-match.ts instead of
 *   mingo where it can decide every document.
 * - A kept document array: each command starts from the collection as an array, which is built
 *   once and kept in step with the collection's inserts and updates instead of copied again for
 *   every statement of a bulk write.
 *
 * It patches methods of the pinned @push.rocks/smartmongo 2.2.0 (see package.json), checking
 * they exist; test/integration/embedded-id-index.test.ts checks the answers. Only the embedded
 * server uses it; a real MongoDB has its own `_id` index.
 */
type Doc = Record<string, unknown>;
type Filter = Record<string, unknown> | undefined;
type Collections = Map<string, Map<string, Map<string, Doc>>>;

const BY_ID = Symbol('pandu.byId');
/** The adapter's methods that change a collection's documents (insertMany and deleteByIds call these). */
const MUTATIONS = ['insertOne', 'updateById', 'deleteById'] as const;
let installed = false;

interface ObjectIdLike {
  _bsontype: 'ObjectId';
  toHexString(): string;
}

function isObjectId(value: unknown): value is ObjectIdLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { _bsontype?: unknown })._bsontype === 'ObjectId' &&
    typeof (value as { toHexString?: unknown }).toHexString === 'function'
  );
}

/** The `_id` hex strings a filter is limited to, or undefined when it is not limited by `_id`. */
export function idsOfFilter(filter: Filter): string[] | undefined {
  const id = filter?.['_id'];
  if (isObjectId(id)) return [id.toHexString()];
  if (typeof id !== 'object' || id === null || Array.isArray(id)) return undefined;
  const operators = Object.keys(id);
  if (operators.length !== 1) return undefined;
  const { $eq, $in } = id as { $eq?: unknown; $in?: unknown };
  if (isObjectId($eq)) return [$eq.toHexString()];
  if (Array.isArray($in) && $in.every(isObjectId)) return [...new Set($in.map((v) => v.toHexString()))];
  return undefined;
}

type Adapter = { databases: Collections };
type Mutation = (this: Adapter, db: string, coll: string, ...rest: unknown[]) => Promise<unknown>;

export function installEmbeddedIdIndex(): void {
  if (installed) return;
  const adapter = congodb.MemoryStorageAdapter.prototype as unknown as Record<string, unknown> & {
    findAll?: (this: Adapter, db: string, coll: string) => Promise<Doc[]>;
  };
  const engine = congodb.QueryEngine as unknown as { filter?: (documents: Doc[], filter: Filter) => Doc[] };
  const findAll = adapter.findAll;
  const filter = engine.filter?.bind(congodb.QueryEngine);
  const mutations = MUTATIONS.map((name) => [name, adapter[name]] as const);
  if (
    typeof findAll !== 'function' ||
    typeof filter !== 'function' ||
    mutations.some(([, method]) => typeof method !== 'function')
  ) {
    throw new Error(
      '@push.rocks/smartmongo changed: MemoryStorageAdapter.findAll/insertOne/updateById/deleteById or QueryEngine.filter is gone',
    );
  }
  installed = true;

  // Every command starts from the collection's documents as an array (findAll): built once and
  // then kept in step with the collection, instead of copied from the map for every statement of
  // a bulk write (a bulk update of 50 instances copied 10,000 documents 50 times). An update puts
  // the new document in its place and an insert appends it, as the map does; a delete (which
  // shifts the rest) lets the next command build it afresh. The handlers never change the array
  // they are given (filtering, sorting and slicing make new ones).
  const kept = new WeakMap<Map<string, Doc>, { documents: Doc[]; indexOf: Map<string, number> }>();
  adapter.findAll = async function (db, coll) {
    const known = this.databases.get(db)?.get(coll);
    const cached = known && kept.get(known);
    if (cached) return cached.documents;
    const documents = await findAll.call(this, db, coll);
    const byId = this.databases.get(db)?.get(coll);
    if (!byId) return documents;
    Object.defineProperty(documents, BY_ID, { value: byId });
    kept.set(byId, { documents, indexOf: new Map([...byId.keys()].map((key, i) => [key, i])) });
    return documents;
  };
  const keptOf = (adapter: Adapter, db: string, coll: string) => {
    const byId = adapter.databases.get(db)?.get(coll);
    return byId ? { byId, cached: kept.get(byId) } : undefined;
  };
  const [insertOne, updateById, deleteById] = MUTATIONS.map((name) => adapter[name] as Mutation) as [
    Mutation,
    Mutation,
    Mutation,
  ];
  adapter.insertOne = async function (this: Adapter, db: string, coll: string, ...rest: unknown[]) {
    const stored = (await insertOne.call(this, db, coll, ...rest)) as Doc;
    const found = keptOf(this, db, coll);
    const id = stored['_id'];
    if (found?.cached && isObjectId(id)) {
      found.cached.indexOf.set(id.toHexString(), found.cached.documents.length);
      found.cached.documents.push(stored);
    } else if (found) kept.delete(found.byId);
    return stored;
  };
  adapter.updateById = async function (this: Adapter, db: string, coll: string, ...rest: unknown[]) {
    try {
      return await updateById.call(this, db, coll, ...rest);
    } finally {
      const found = keptOf(this, db, coll);
      const [id] = rest;
      const key = isObjectId(id) ? id.toHexString() : undefined;
      const index = key === undefined ? undefined : found?.cached?.indexOf.get(key);
      const doc = key === undefined ? undefined : found?.byId.get(key);
      if (found?.cached && index !== undefined && doc) found.cached.documents[index] = doc;
      else if (found) kept.delete(found.byId);
    }
  };
  adapter.deleteById = async function (this: Adapter, db: string, coll: string, ...rest: unknown[]) {
    try {
      return await deleteById.call(this, db, coll, ...rest);
    } finally {
      const found = keptOf(this, db, coll);
      if (found) kept.delete(found.byId);
    }
  };

  engine.filter = (documents, query) => {
    const byId = (documents as unknown as { [BY_ID]?: Map<string, Doc> })[BY_ID];
    const ids = byId ? idsOfFilter(query) : undefined;
    if (!byId || !ids || !query) return matching(documents, query);
    const candidates = ids.map((id) => byId.get(id)).filter((doc): doc is Doc => doc !== undefined);
    // The candidates meet the `_id` condition by construction; only the rest is left to test.
    const { _id: _met, ...rest } = query;
    return Object.keys(rest).length === 0 ? candidates : matching(candidates, rest);
  };

  /** The compiled matcher where it can decide every document, else mingo (the original). */
  function matching(documents: Doc[], query: Filter): Doc[] {
    const fast = query && Object.keys(query).length > 0 ? compileFastMatch(query) : undefined;
    if (!fast) return (filter as (documents: Doc[], filter: Filter) => Doc[])(documents, query);
    const found: Doc[] = [];
    for (const doc of documents) {
      const result = fast(doc);
      if (result === undefined)
        return (filter as (documents: Doc[], filter: Filter) => Doc[])(documents, query);
      if (result) found.push(doc);
    }
    return found;
  }
}
