import { congodb } from '@push.rocks/smartmongo';
import { UpdateHandler } from '@push.rocks/smartmongo/dist_ts/congodb/server/handlers/UpdateHandler.js';

/**
 * The embedded server's `update` command without copying whole documents. CongoDB's own copies
 * the document deeply before applying an update and then compares the two as JSON to learn
 * whether it changed: for an instance with its audit trail that is most of the database's time
 * under load (a save is a few fields). Here an update copies only the objects on the paths it
 * names and shares the rest with the stored version, and "changed" compares what is not shared.
 * The answer is the same: the same documents stored, the same `n`, `nModified`, `upserted` and
 * write errors. An update it cannot follow this way (a positional path, `$rename`, a replacement,
 * a pipeline) is left to CongoDB's own. Patches the pinned @push.rocks/smartmongo 2.2.0 (see
 * package.json), checking what it patches exists; test/integration/embedded-update.test.ts checks
 * the answers.
 */
type Doc = Record<string, unknown>;

interface Storage {
  createCollection(db: string, coll: string): Promise<unknown>;
  findAll(db: string, coll: string): Promise<Doc[]>;
  insertOne(db: string, coll: string, doc: Doc): Promise<Doc>;
  updateById(db: string, coll: string, id: unknown, doc: Doc): Promise<boolean>;
}

interface UpdateContext {
  storage: Storage;
  database: string;
  command: Doc;
  documentSequences?: Map<string, unknown[]>;
}

interface Statement {
  q?: Doc;
  filter?: Doc;
  u?: unknown;
  update?: unknown;
  multi?: boolean;
  upsert?: boolean;
  arrayFilters?: unknown[];
}

type Handle = (this: unknown, context: UpdateContext) => Promise<Doc>;

let installed = false;

export function installEmbeddedUpdate(): void {
  if (installed) return;
  const proto = UpdateHandler.prototype as unknown as Record<string, unknown>;
  const engine = congodb.UpdateEngine as unknown as {
    applyUpdate?: (doc: Doc, update: Doc, arrayFilters?: unknown[]) => Doc;
    deepClone?: (value: unknown) => unknown;
  };
  const original = proto['handleUpdate'] as Handle | undefined;
  const applyUpdate = engine.applyUpdate?.bind(congodb.UpdateEngine);
  const deepClone = engine.deepClone;
  const applyFilterToDoc = proto['applyFilterToDoc'];
  const filter = (congodb.QueryEngine as unknown as { filter?: (docs: Doc[], q: Doc) => Doc[] }).filter;
  if (
    typeof original !== 'function' ||
    typeof applyUpdate !== 'function' ||
    typeof deepClone !== 'function' ||
    typeof applyFilterToDoc !== 'function' ||
    typeof filter !== 'function'
  )
    throw new Error('@push.rocks/smartmongo changed: UpdateHandler.handleUpdate or UpdateEngine is gone');
  installed = true;

  // applyUpdate starts by deep-copying the document; the copy made here is handed over as is.
  const handedOver = new WeakSet<object>();
  engine.deepClone = function (this: unknown, value: unknown) {
    if (typeof value === 'object' && value !== null && handedOver.delete(value)) return value;
    return deepClone.call(this, value);
  };

  proto['handleUpdate'] = async function (
    this: { applyFilterToDoc(doc: Doc, q: Doc): void },
    context: UpdateContext,
  ) {
    const { storage, database, command } = context;
    const collection = command['update'];
    const sequence = context.documentSequences?.get('updates');
    const statements = (sequence ?? command['updates'] ?? []) as Statement[];
    if (typeof collection !== 'string' || !Array.isArray(statements) || statements.length === 0)
      return original.call(this, context);
    if (!statements.every((s) => copyable(s.u ?? s.update))) return original.call(this, context);
    const ordered = command['ordered'] !== false;
    const writeErrors: Doc[] = [];
    const upserted: Doc[] = [];
    let matched = 0;
    let modified = 0;
    await storage.createCollection(database, collection);
    for (const [index, statement] of statements.entries()) {
      const query = statement.q ?? statement.filter ?? {};
      const update = (statement.u ?? statement.update ?? {}) as Doc;
      try {
        const found = filter.call(congodb.QueryEngine, await storage.findAll(database, collection), query);
        if (found.length === 0 && statement.upsert) {
          const fresh: Doc = { _id: new congodb.ObjectId() };
          this.applyFilterToDoc(fresh, query);
          const inserted = applyUpdate(fresh, update, statement.arrayFilters);
          if (update['$setOnInsert']) Object.assign(inserted, update['$setOnInsert']);
          await storage.insertOne(database, collection, inserted);
          upserted.push({ index, _id: inserted['_id'] });
          continue;
        }
        const targets = statement.multi ? found : found.slice(0, 1);
        // Counted before they are updated, as CongoDB does (also when one of them fails).
        matched += targets.length;
        for (const doc of targets) {
          const copy = copyAlongPaths(doc, update);
          handedOver.add(copy);
          const updated = applyUpdate(copy, update, statement.arrayFilters);
          handedOver.delete(copy);
          if (sameJson(doc, updated)) continue;
          await storage.updateById(database, collection, doc['_id'], updated);
          modified++;
        }
      } catch (error) {
        const failure = error as { code?: number; message?: string };
        writeErrors.push({ index, code: failure.code ?? 1, errmsg: failure.message ?? 'Update failed' });
        if (ordered) break;
      }
    }
    return {
      ok: 1,
      n: matched + upserted.length,
      nModified: modified,
      ...(upserted.length > 0 ? { upserted } : {}),
      ...(writeErrors.length > 0 ? { writeErrors } : {}),
    };
  };
}

const OPERATORS_ON_ONE_PATH = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$currentDate',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$bit',
  '$setOnInsert',
]);

/** An update of operators that each change only the paths they name, with plain paths. */
function copyable(update: unknown): boolean {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) return false;
  return Object.entries(update as Doc).every(
    ([operator, operand]) =>
      OPERATORS_ON_ONE_PATH.has(operator) &&
      typeof operand === 'object' &&
      operand !== null &&
      Object.keys(operand as Doc).every((path) => path.split('.').every((part) => /^[^$[\]]+$/.test(part))),
  );
}

const isContainer = (value: unknown): value is Doc | unknown[] =>
  typeof value === 'object' &&
  value !== null &&
  (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

/** A copy of `doc` in which every object and array on a path the update names is a copy. */
function copyAlongPaths(doc: Doc, update: Doc): Doc {
  const root: Doc = { ...doc };
  for (const [operator, operand] of Object.entries(update)) {
    if (operator === '$setOnInsert') continue;
    for (const path of Object.keys(operand as Doc)) {
      let parent: Doc | unknown[] = root;
      for (const part of path.split('.')) {
        const value: unknown = (parent as Doc)[part];
        if (!isContainer(value)) break;
        const copy: Doc | unknown[] = Array.isArray(value) ? [...value] : { ...value };
        (parent as Doc)[part] = copy;
        parent = copy;
      }
    }
  }
  return root;
}

/**
 * Whether the two read the same as JSON (what CongoDB compares), without writing out what they
 * share: plain objects and arrays are compared key by key, anything else as JSON.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (o: Doc | unknown[]) =>
    Object.keys(o).filter((k) => {
      const value = (o as Doc)[k];
      return (
        Array.isArray(o) || (value !== undefined && typeof value !== 'function' && typeof value !== 'symbol')
      );
    });
  const [ka, kb] = [keys(a), keys(b)];
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameJson((a as Doc)[k], (b as Doc)[k]));
}
