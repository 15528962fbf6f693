import { congodb } from '@push.rocks/smartmongo';

/**
 * Key lookups for the embedded CongoDB. CongoDB answers every query by testing every document of
 * the collection (with mingo), so a filter naming one `_id` (get an instance, save it, save a
 * job's state, remove a job) costs as much as a full scan: ~20 ms at 10,000 documents. Its
 * storage already keeps each collection as a map keyed by the `_id`'s hex string; with this, a
 * filter whose `_id` is an ObjectId, `{ $eq: ObjectId }` or `{ $in: [ObjectId, …] }` takes its
 * candidates from that map, and the filter is still applied to them as before, so the answer is
 * the same set of documents (in `$in` order rather than insertion order, which MongoDB does not
 * promise either).
 *
 * It patches two methods of the pinned @push.rocks/smartmongo 2.2.0 (see package.json);
 * test/unit/storage/embedded-id-index.test.ts checks both still exist and behave. Only the
 * embedded server uses it; a real MongoDB has its own `_id` index.
 */
type Doc = Record<string, unknown>;
type Filter = Record<string, unknown> | undefined;
type Collections = Map<string, Map<string, Map<string, Doc>>>;

const BY_ID = Symbol('pandu.byId');
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

export function installEmbeddedIdIndex(): void {
  if (installed) return;
  const adapter = congodb.MemoryStorageAdapter.prototype as unknown as {
    findAll?: (this: { databases: Collections }, db: string, coll: string) => Promise<Doc[]>;
  };
  const engine = congodb.QueryEngine as unknown as { filter?: (documents: Doc[], filter: Filter) => Doc[] };
  const findAll = adapter.findAll;
  const filter = engine.filter?.bind(congodb.QueryEngine);
  if (typeof findAll !== 'function' || typeof filter !== 'function') {
    throw new Error(
      '@push.rocks/smartmongo changed: MemoryStorageAdapter.findAll or QueryEngine.filter is gone',
    );
  }
  installed = true;
  adapter.findAll = async function (db, coll) {
    const documents = await findAll.call(this, db, coll);
    const byId = this.databases.get(db)?.get(coll);
    if (byId) Object.defineProperty(documents, BY_ID, { value: byId });
    return documents;
  };
  engine.filter = (documents, query) => {
    const byId = (documents as unknown as { [BY_ID]?: Map<string, Doc> })[BY_ID];
    const ids = byId ? idsOfFilter(query) : undefined;
    if (!byId || !ids) return filter(documents, query);
    const candidates = ids.map((id) => byId.get(id)).filter((doc): doc is Doc => doc !== undefined);
    return filter(candidates, query);
  };
}
