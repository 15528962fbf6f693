import { parse as parseYaml } from 'yaml';
import { DataFileError, type FileProblem } from '../errors.js';
import { OrgDirectory } from './org-directory.js';
import { orgSchema, type OrgFile } from './schema.js';

/**
 * Parses and validates an org file: the schema, then the rules across records (unknown
 * positions and units, duplicate ids and chat ids, cycles among superiors and units).
 */
/** What a chat platform's account ids look like, as its adapter registers it (for `chat:` entries). */
export interface ChatAccountRule {
  label: string;
  pattern: RegExp;
  example: string;
}

export function parseOrg(
  text: string,
  file: string,
  accounts?: Readonly<Record<string, ChatAccountRule>>,
): OrgDirectory {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new DataFileError(
      'org-invalid',
      [{ file, field: '(yaml)', message: (error as Error).message.split('\n')[0] ?? '' }],
      error,
    );
  }
  const result = orgSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const record = recordLabel(raw, path);
      return {
        file,
        ...(record ? { where: record } : {}),
        field: path.join('.') || '(root)',
        message: issue.message,
      };
    });
    throw new DataFileError('org-invalid', problems, result.error);
  }
  const problems = checkOrgRules(result.data, file, accounts);
  if (problems.length > 0) throw new DataFileError('org-invalid', problems);
  return new OrgDirectory(result.data);
}

function recordLabel(raw: unknown, path: string[]): string | undefined {
  const [collection, index] = path;
  if ((collection !== 'people' && collection !== 'units') || index === undefined) return undefined;
  const list = (raw as Record<string, unknown> | null)?.[collection];
  const record = Array.isArray(list) ? (list[Number(index)] as { id?: unknown } | undefined) : undefined;
  return typeof record?.id === 'string'
    ? `${collection} "${record.id}"`
    : `${collection} #${Number(index) + 1}`;
}

export function checkOrgRules(
  org: OrgFile,
  file: string,
  accounts?: Readonly<Record<string, ChatAccountRule>>,
): FileProblem[] {
  const problems: FileProblem[] = [];
  const add = (where: string, field: string, message: string): void => {
    problems.push({ file, where, field, message });
  };
  const positions = new Set(org.positions.map((p) => p.id));
  const units = new Set(org.units.map((u) => u.id));
  const people = new Set<string>();

  duplicates(org.positions.map((p) => p.id)).forEach((id) =>
    add(`position "${id}"`, 'id', 'duplicate position'),
  );
  duplicates(org.units.map((u) => u.id)).forEach((id) => add(`unit "${id}"`, 'id', 'duplicate unit id'));
  for (const p of org.positions) {
    if (p.superior && !positions.has(p.superior))
      add(`position "${p.id}"`, 'superior', `unknown position "${p.superior}"`);
  }
  if (hasCycle(org.positions.map((p) => [p.id, p.superior]))) {
    add('positions', 'superior', 'the position chain has a cycle');
  }
  for (const u of org.units) {
    if (u.parent && !units.has(u.parent)) add(`unit "${u.id}"`, 'parent', `unknown unit "${u.parent}"`);
  }
  if (hasCycle(org.units.map((u) => [u.id, u.parent])))
    add('units', 'parent', 'the units have a parent cycle');

  const chatIds = new Map<string, string>();
  for (const person of org.people) {
    const where = `people "${person.id}"`;
    if (people.has(person.id)) add(where, 'id', 'duplicate person id');
    people.add(person.id);
    if (!positions.has(person.position)) add(where, 'position', `unknown position "${person.position}"`);
    if (!units.has(person.unit)) add(where, 'unit', `unknown unit "${person.unit}"`);
    for (const [platform, accountId] of Object.entries(person.chat)) {
      const field = `chat.${platform}`;
      const rule = accounts?.[platform];
      if (accounts && !rule) {
        add(where, field, `unknown chat platform "${platform}" (known: ${Object.keys(accounts).join(', ')})`);
        continue;
      }
      if (rule && !rule.pattern.test(accountId)) {
        add(where, field, `"${accountId}" is not a ${rule.label} id such as ${rule.example}`);
        continue;
      }
      claimChatId(chatIds, `${platform}:${accountId}`, person.id, (other) =>
        add(where, field, `${rule?.label ?? platform} id ${accountId} is also given to "${other}"`),
      );
    }
  }
  for (const person of org.people) {
    for (const deputy of person.deputies) {
      if (!people.has(deputy)) add(`people "${person.id}"`, 'deputies', `unknown person "${deputy}"`);
      if (deputy === person.id)
        add(`people "${person.id}"`, 'deputies', 'a person cannot be their own deputy');
    }
    if (person.superior === undefined) continue;
    if (!people.has(person.superior))
      add(`people "${person.id}"`, 'superior', `unknown person "${person.superior}"`);
    if (person.superior === person.id)
      add(`people "${person.id}"`, 'superior', 'a person cannot be their own superior');
  }
  if (problems.length === 0) {
    const directory = new OrgDirectory(org);
    for (const person of org.people) {
      if (person.superior && directory.isAbove(person.id, person.superior)) {
        add(`people "${person.id}"`, 'superior', `superior cycle through "${person.superior}"`);
      }
    }
  }
  return problems;
}

function claimChatId(
  seen: Map<string, string>,
  key: string,
  personId: string,
  onDuplicate: (other: string) => void,
): void {
  const other = seen.get(key);
  if (other) onDuplicate(other);
  else seen.set(key, personId);
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

function hasCycle(edges: Array<[string, string | undefined]>): boolean {
  const next = new Map(edges);
  for (const [start] of edges) {
    const seen = new Set<string>();
    let current: string | undefined = start;
    while (current !== undefined) {
      if (seen.has(current)) return true;
      seen.add(current);
      current = next.get(current);
    }
  }
  return false;
}
