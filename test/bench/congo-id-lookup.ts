/**
 * EXPERIMENT (benchmark only, not used by the service): an `_id` lookup for the embedded CongoDB.
 * CongoDB answers every query by testing every document of the collection; a filter naming one
 * ObjectId `_id` (instance get and save, job state saves, job removal) then costs as much as a
 * full scan. With this, such a filter looks the document up by its key first and tests only it,
 * so the result is the same. Installed in the process that runs the embedded server.
 */
import { congodb } from '@push.rocks/smartmongo';

const BY_ID = Symbol('pandu.byId');
let installed = false;

type Doc = Record<string, unknown>;
type Filter = (documents: Doc[], filter: Record<string, unknown> | undefined) => Doc[];

export function installIdLookup(): void {
  if (installed) return;
  installed = true;
  const adapter = congodb.MemoryStorageAdapter.prototype as unknown as {
    findAll: (
      this: { databases: Map<string, Map<string, Map<string, Doc>>> },
      db: string,
      coll: string,
    ) => Promise<Doc[]>;
  };
  const findAll = adapter.findAll;
  adapter.findAll = async function (db, coll) {
    const docs = await findAll.call(this, db, coll);
    const byId = this.databases.get(db)?.get(coll);
    if (byId) Object.defineProperty(docs, BY_ID, { value: byId });
    return docs;
  };
  const engine = congodb.QueryEngine as unknown as { filter: Filter };
  const filter = engine.filter.bind(congodb.QueryEngine);
  engine.filter = (documents, query) => {
    const byId = (documents as unknown as Record<symbol, Map<string, Doc> | undefined>)[BY_ID];
    const id = query?.['_id'] as { _bsontype?: string; toHexString?: () => string } | undefined;
    if (byId && id && typeof id === 'object' && id._bsontype === 'ObjectId' && id.toHexString) {
      const doc = byId.get(id.toHexString());
      return filter(doc ? [doc] : [], query);
    }
    return filter(documents, query);
  };
}
