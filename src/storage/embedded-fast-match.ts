/**
 * A compiled matcher for the simple filters Pandu and Agenda send most (job locks, version checks,
 * outbox and delegation look-ups), for the embedded server, which otherwise evaluates every
 * filter with mingo, document by document, at ~1–2 µs each. Supported: top-level field names (no
 * dots) with a scalar (null, boolean, number, string, Date, ObjectId) or an object of the
 * operators $eq $ne $lt $lte $gt $gte $in $nin $exists with scalar operands, combined with $and
 * and $or. Anything else is not compiled (undefined), and a document whose field holds an array
 * or an embedded document is not decided (undefined): the caller then uses mingo for the whole
 * query. test/unit/storage/embedded-fast-match.test.ts checks that it answers as mingo does.
 */
type Doc = Record<string, unknown>;
/** true / false: matches or not; undefined: this document needs the full matcher. */
export type FastMatch = (doc: Doc) => boolean | undefined;

type Scalar = null | boolean | number | string | Date | { _bsontype: 'ObjectId'; toHexString(): string };
type Test = (value: unknown) => boolean | undefined;

const OPERATORS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$nin', '$exists']);

function isObjectId(value: unknown): value is { _bsontype: 'ObjectId'; toHexString(): string } {
  return (
    typeof value === 'object' && value !== null && (value as { _bsontype?: unknown })._bsontype === 'ObjectId'
  );
}

function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && !Number.isNaN(value)) ||
    typeof value === 'string' ||
    (value instanceof Date && !Number.isNaN(value.getTime())) ||
    isObjectId(value)
  );
}

/** A value the matcher can decide on: a scalar or missing. Arrays, documents and others cannot. */
function decidable(value: unknown): value is Scalar | undefined {
  return value === undefined || isScalar(value);
}

/** The kind two values must share to be compared (MongoDB compares within a type only). */
function kind(value: Scalar | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return 'date';
  if (isObjectId(value)) return 'objectId';
  return typeof value;
}

function key(value: Scalar): number | string | boolean | null {
  if (value instanceof Date) return value.getTime();
  if (isObjectId(value)) return value.toHexString();
  return value;
}

function equals(value: Scalar | undefined, operand: Scalar): boolean {
  if (operand === null) return value === null || value === undefined;
  return kind(value) === kind(operand) && key(value as Scalar) === key(operand);
}

function compare(value: Scalar | undefined, operand: Scalar, ok: (order: number) => boolean): boolean {
  if (kind(value) !== kind(operand)) return false;
  const a = key(value as Scalar) as number | string | boolean;
  const b = key(operand) as number | string | boolean;
  return ok(a < b ? -1 : a > b ? 1 : 0);
}

function operatorTest(operator: string, operand: unknown): Test | undefined {
  if (operator === '$exists') {
    const wanted = Boolean(operand);
    return (value) => (value !== undefined) === wanted;
  }
  if (operator === '$in' || operator === '$nin') {
    if (!Array.isArray(operand) || !operand.every(isScalar)) return undefined;
    const list = operand;
    const inList: Test = (value) => (decidable(value) ? list.some((o) => equals(value, o)) : undefined);
    return operator === '$in' ? inList : (value) => negate(inList(value));
  }
  if (!isScalar(operand)) return undefined;
  // Ordering against null is where mingo and MongoDB part ways (missing fields): left to mingo.
  if (operand === null && operator !== '$eq' && operator !== '$ne') return undefined;
  const scalar = (test: (value: Scalar | undefined) => boolean): Test => {
    return (value) => (decidable(value) ? test(value) : undefined);
  };
  switch (operator) {
    case '$eq':
      return scalar((v) => equals(v, operand));
    case '$ne':
      return scalar((v) => !equals(v, operand));
    case '$lt':
      return scalar((v) => compare(v, operand, (o) => o < 0));
    case '$lte':
      return scalar((v) => compare(v, operand, (o) => o <= 0));
    case '$gt':
      return scalar((v) => compare(v, operand, (o) => o > 0));
    case '$gte':
      return scalar((v) => compare(v, operand, (o) => o >= 0));
    default:
      return undefined;
  }
}

function negate(result: boolean | undefined): boolean | undefined {
  return result === undefined ? undefined : !result;
}

function fieldTest(condition: unknown): Test | undefined {
  if (isScalar(condition)) return operatorTest('$eq', condition);
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return undefined;
  const entries = Object.entries(condition);
  if (entries.length === 0 || !entries.every(([op]) => OPERATORS.has(op))) return undefined;
  const tests = entries.map(([op, operand]) => operatorTest(op, operand));
  if (tests.some((t) => t === undefined)) return undefined;
  return all(tests as Test[]);
}

function all(tests: Test[]): Test {
  return (value) => {
    for (const test of tests) {
      const result = test(value);
      if (result !== true) return result;
    }
    return true;
  };
}

/** The compiled filter, or undefined when it uses something this matcher does not handle. */
export function compileFastMatch(filter: unknown): FastMatch | undefined {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) return undefined;
  const parts: FastMatch[] = [];
  for (const [name, condition] of Object.entries(filter)) {
    if (name === '$and' || name === '$or') {
      if (!Array.isArray(condition) || condition.length === 0) return undefined;
      const branches = condition.map((c) => compileFastMatch(c));
      if (branches.some((b) => b === undefined)) return undefined;
      parts.push(name === '$and' ? every(branches as FastMatch[]) : some(branches as FastMatch[]));
      continue;
    }
    if (name.startsWith('$') || name.includes('.') || name === '') return undefined;
    const test = fieldTest(condition);
    if (!test) return undefined;
    parts.push((doc) => test(Object.prototype.hasOwnProperty.call(doc, name) ? doc[name] : undefined));
  }
  return every(parts);
}

function every(parts: FastMatch[]): FastMatch {
  return (doc) => {
    let undecided = false;
    for (const part of parts) {
      const result = part(doc);
      if (result === false) return false;
      if (result === undefined) undecided = true;
    }
    return undecided ? undefined : true;
  };
}

function some(parts: FastMatch[]): FastMatch {
  return (doc) => {
    let undecided = false;
    for (const part of parts) {
      const result = part(doc);
      if (result === true) return true;
      if (result === undefined) undecided = true;
    }
    return undecided ? undefined : false;
  };
}
