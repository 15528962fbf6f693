import { congodb } from '@push.rocks/smartmongo';
import { ObjectId } from 'mongodb';
import { compileFastMatch } from '../../../src/storage/embedded-fast-match.js';

// This file never starts the embedded server, so QueryEngine.filter here is CongoDB's own (mingo).
const mingoFilter = (docs: Array<Record<string, unknown>>, filter: Record<string, unknown>) =>
  (congodb.QueryEngine as unknown as { filter: (d: unknown[], f: unknown) => unknown[] }).filter(
    docs,
    filter,
  );

/** A small deterministic random source (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = [new ObjectId('000000000000000000000001'), new ObjectId('000000000000000000000002')];
const SCALARS: unknown[] = [
  null,
  -1,
  0,
  1,
  2.5,
  '',
  'a',
  'b',
  'B',
  true,
  false,
  new Date('2026-11-25T00:00:00Z'),
  new Date('2026-11-26T00:00:00Z'),
  ids[0],
  ids[1],
];
const VALUES: unknown[] = [...SCALARS, undefined, undefined, [1, 2], ['a'], { x: 1 }];
const FIELDS = ['a', 'b', 'c'];
const OPS = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$nin', '$exists'];

describe('compiled matching for the embedded server', () => {
  test('answers as mingo does on thousands of random filters and documents', () => {
    const next = random(20261125);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const docs = Array.from({ length: 300 }, (_, i) => {
      const doc: Record<string, unknown> = { _id: i };
      for (const field of FIELDS) {
        const value = pick(VALUES);
        if (value !== undefined) doc[field] = value;
      }
      return doc;
    });
    const condition = (): unknown => {
      const op = pick(OPS);
      if (next() < 0.2) return pick(SCALARS);
      if (op === '$exists') return { $exists: next() < 0.5 };
      if (op === '$in' || op === '$nin') return { [op]: [pick(SCALARS), pick(SCALARS)] };
      return next() < 0.3 ? { [op]: pick(SCALARS), $ne: pick(SCALARS) } : { [op]: pick(SCALARS) };
    };
    const filterOf = (depth: number): Record<string, unknown> => {
      const filter: Record<string, unknown> = {};
      const fields = 1 + Math.floor(next() * 2);
      for (let i = 0; i < fields; i++) filter[pick(FIELDS)] = condition();
      if (depth > 0 && next() < 0.4) {
        filter[next() < 0.5 ? '$or' : '$and'] = [filterOf(depth - 1), filterOf(depth - 1)];
      }
      return filter;
    };

    let compared = 0;
    let decidedDocs = 0;
    for (let i = 0; i < 3000; i++) {
      const filter = filterOf(2);
      const fast = compileFastMatch(filter);
      if (!fast) continue;
      const expected = new Set(mingoFilter(docs, filter));
      for (const doc of docs) {
        const result = fast?.(doc);
        if (result === undefined) continue;
        decidedDocs++;
        if (result !== expected.has(doc)) {
          throw new Error(`differs from mingo on ${JSON.stringify(filter)} for ${JSON.stringify(doc)}`);
        }
      }
      compared++;
    }
    // Only ordering against null is never compiled.
    expect(compared).toBeGreaterThan(2000);
    // Most documents are decided without mingo (only array and embedded-document values are not).
    expect(decidedDocs).toBeGreaterThan(3000 * 300 * 0.3);
  });

  test('the filters Agenda and Pandu send are compiled', () => {
    const now = new Date();
    for (const filter of [
      {
        name: 'pandu-escalation',
        disabled: { $ne: true },
        $or: [{ lockedAt: { $eq: null }, nextRunAt: { $lte: now } }, { lockedAt: { $lte: now } }],
      },
      { name: 'pandu-escalation', version: 3 },
      { status: 'pending', notBefore: { $lte: now }, leasedUntil: { $lte: now } },
      { from: { $lte: now }, until: { $gt: now } },
    ]) {
      expect(compileFastMatch(filter)).toBeDefined();
    }
  });

  test.each([
    ['a dotted path', { 'a.b': 1 }],
    ['$elemMatch', { a: { $elemMatch: { b: 1 } } }],
    ['a regular expression', { a: /x/ }],
    ['an embedded document', { a: { b: 1 } }],
    ['$not', { a: { $not: { $gt: 1 } } }],
    ['$nor', { $nor: [{ a: 1 }] }],
    ['an array value', { a: [1, 2] }],
    ['$in with a document', { a: { $in: [{ b: 1 }] } }],
    ['ordering against null', { a: { $lte: null } }],
  ])('leaves %s to mingo', (_label, filter) => {
    expect(compileFastMatch(filter)).toBeUndefined();
  });

  test('a document with an array or embedded document in a tested field is left to mingo', () => {
    const fast = compileFastMatch({ a: 1 });
    expect(fast?.({ a: [1, 2] })).toBeUndefined();
    expect(fast?.({ a: { x: 1 } })).toBeUndefined();
    expect(fast?.({ a: 1 })).toBe(true);
    expect(fast?.({})).toBe(false);
  });
});
