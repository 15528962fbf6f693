import { readFileSync } from 'node:fs';
import { DataFileError, type FileProblem } from '../../../src/core/errors.js';
import { PLATFORMS } from '../../../src/channels/index.js';
import { accountRules } from '../../../src/chat/platforms.js';
import { parseOrg } from '../../../src/core/org/check-org.js';
import type { OrgDirectory } from '../../../src/core/org/org-directory.js';
import { EXAMPLE_ORG_FILE } from '../../support/paths.js';

const FILE = 'org/test.yaml';

/** `expect.stringContaining`, typed as the string it stands for (jest types its matchers `any`). */
const containing = (text: string): string => expect.stringContaining(text) as string;

/** A small valid org; the broken ones are edits of it. */
const SMALL = `units:
  - id: pusat
    name: Pusat Uji
  - id: bidang-a
    name: Bidang A
    parent: pusat
  - id: bidang-b
    name: Bidang B
    parent: pusat
people:
  - id: kapus
    name: Kepala Pusat
    position: Kapus
    unit: pusat
    chat: { telegram: 1001 }
  - id: kabid-a
    name: Kabid A
    position: Kabid
    unit: bidang-a
    chat: { slack: U0000KABIDA }
  - id: kabid-b
    name: Kabid B
    position: Kabid
    unit: bidang-b
  - id: staf-a
    name: Staf A
    nip: '199001012015031001'
    position: Staf
    unit: bidang-a
    chat: { telegram: '1002' }
  - id: staf-b
    name: Staf B
    position: Staf
    unit: bidang-b
    chat: { slack: U0000STAFB }
`;

function edited(...edits: Array<[from: string, to: string]>): string {
  let text = SMALL;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`the edit does not apply: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

function problemsOf(text: string): FileProblem[] {
  try {
    parseOrg(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).code).toBe('org-invalid');
    return [...(error as DataFileError).problems];
  }
  throw new Error('the org was accepted');
}

const ids = (people: ReadonlyArray<{ id: string }>) => people.map((p) => p.id);

describe('parseOrg on the example org', () => {
  const org = parseOrg(readFileSync(EXAMPLE_ORG_FILE, 'utf8'), EXAMPLE_ORG_FILE);

  test('reads units, people and the default positions', () => {
    expect(org.positions).toEqual(['Menteri', 'Sekjen', 'Kapus', 'Kabid', 'Kasubbid', 'Staf', 'ULP']);
    expect(org.allUnits()).toHaveLength(11);
    expect(org.allPeople()).toHaveLength(13);
    expect(org.person('tuti')).toMatchObject({ position: 'Staf', unit: 'subbag-tu', tags: ['tata-usaha'] });
    expect(org.person('dewi')?.nip).toBe('198001012005012004');
    expect(org.isAdmin('hendra')).toBe(true);
    expect(org.isAdmin('sari')).toBe(false);
    expect(org.unitAndAncestors('subbid-sisfo')).toEqual([
      'subbid-sisfo',
      'bidang-aplikasi',
      'pusdatinkomtel',
      'setjen',
      'kemendagri',
    ]);
  });

  test('superiorOf follows the chain, nearest in the unit tree first', () => {
    // Bambang (another subdivision's Kasubbid) comes first in the file; Fajar's own Kasubbid wins.
    expect(org.superiorOf('fajar')?.id).toBe('dewi');
    expect(org.superiorOf('rina')?.id).toBe('bambang');
    expect(org.superiorOf('tuti')?.id).toBe('agus');
    expect(org.superiorOf('dewi')?.id).toBe('sari');
    // Tata Usaha sits directly under the centre: its Kasubbag answers to the Kapus, not to the
    // Kabid who happens to come first under the centre.
    expect(org.superiorOf('agus')?.id).toBe('hendra');
    expect(org.isAbove('sari', 'tuti')).toBe(false);
    expect(org.superiorOf('sari')?.id).toBe('hendra');
    expect(org.superiorOf('yusuf')?.id).toBe('hendra');
    expect(org.superiorOf('hendra')?.id).toBe('sekjen');
    expect(org.superiorOf('sekjen')?.id).toBe('menteri');
    expect(org.superiorOf('menteri')).toBeUndefined();
    // The requesting unit's ULP is outside the chain of command.
    expect(org.superiorOf('ulp-biro-umum')).toBeUndefined();
    expect(org.superiorOf('nobody')).toBeUndefined();
  });

  test('superiorChain lists every superior, nearest first', () => {
    expect(ids(org.superiorChain('fajar'))).toEqual(['dewi', 'sari', 'hendra', 'sekjen', 'menteri']);
    expect(ids(org.superiorChain('hendra'))).toEqual(['sekjen', 'menteri']);
    expect(org.superiorChain('menteri')).toEqual([]);
  });

  test('isAbove holds for everyone up the chain and nobody else', () => {
    expect(org.isAbove('dewi', 'fajar')).toBe(true);
    expect(org.isAbove('sari', 'fajar')).toBe(true);
    expect(org.isAbove('menteri', 'fajar')).toBe(true);
    expect(org.isAbove('bambang', 'fajar')).toBe(false); // a Kasubbid of another subdivision
    expect(org.isAbove('yusuf', 'fajar')).toBe(false); // a Kabid of another division
    expect(org.isAbove('rina', 'fajar')).toBe(false); // a peer
    expect(org.isAbove('fajar', 'dewi')).toBe(false); // below, not above
    expect(org.isAbove('fajar', 'fajar')).toBe(false);
  });

  test('holders searches the unit subtree first, then the subtrees of its ancestors', () => {
    expect(ids(org.holders('Staf', 'bidang-aplikasi'))).toEqual(['rina', 'fajar']);
    expect(ids(org.holders('Staf', 'subbid-sisfo'))).toEqual(['fajar']);
    expect(ids(org.holders('Kasubbid', 'bidang-aplikasi'))).toEqual(['bambang', 'dewi']);
    expect(ids(org.holders('Kabid', 'subbid-sisfo'))).toEqual(['sari']);
    expect(ids(org.holders('Kabid', 'pusdatinkomtel'))).toEqual(['sari', 'yusuf']);
    // Nobody tagged tata-usaha in the subdivision or division: found in the centre.
    expect(ids(org.holders('Staf', 'subbid-eproc', 'tata-usaha'))).toEqual(['tuti']);
    // Biro Umum has no Kabid; its parent's subtree (Setjen) does.
    expect(ids(org.holders('Kabid', 'biro-umum'))).toEqual(['sari', 'yusuf']);
    expect(org.holders('Direktur', 'pusdatinkomtel')).toEqual([]);
    expect(org.holders('Staf', 'no-such-unit')).toEqual([]);
  });
});

describe('superiorOf on a small org', () => {
  test('an explicit superior wins over the chain', () => {
    const org = parseOrg(
      edited([
        '    unit: bidang-b\n    chat: { slack: U0000STAFB }',
        '    unit: bidang-b\n    chat: { slack: U0000STAFB }\n    superior: kapus',
      ]),
      FILE,
    );
    expect(org.superiorOf('staf-b')?.id).toBe('kapus');
    expect(ids(org.superiorChain('staf-b'))).toEqual(['kapus']);
    expect(org.isAbove('kabid-b', 'staf-b')).toBe(false);
  });

  test('positions nobody holds are skipped, and the nearest holder is chosen', () => {
    const org: OrgDirectory = parseOrg(SMALL, FILE);
    // Nobody is a Kasubbid: each Staf reports to the Kabid of their own division.
    expect(org.superiorOf('staf-a')?.id).toBe('kabid-a');
    expect(org.superiorOf('staf-b')?.id).toBe('kabid-b');
    expect(ids(org.superiorChain('staf-b'))).toEqual(['kabid-b', 'kapus']);
  });

  test("a Kasubbid of another division is not a Staf's superior: the own division's Kabid is", () => {
    const withKasubbidA = edited([
      '  - id: kabid-b\n',
      '  - id: kasubbid-a\n    name: Kasubbid A\n    position: Kasubbid\n    unit: bidang-a\n  - id: kabid-b\n',
    ]);
    const org = parseOrg(withKasubbidA, FILE);
    expect(org.superiorOf('staf-a')?.id).toBe('kasubbid-a');
    expect(org.superiorOf('staf-b')?.id).toBe('kabid-b');
    expect(ids(org.superiorChain('staf-b'))).toEqual(['kabid-b', 'kapus']);
    expect(org.isAbove('kabid-b', 'staf-b')).toBe(true);
    expect(org.isAbove('kasubbid-a', 'staf-b')).toBe(false);
  });
});

describe('parseOrg refuses a broken org, naming the file, the record and the field', () => {
  test('the small org the broken ones are made from is valid', () => {
    expect(parseOrg(SMALL, FILE).allPeople()).toHaveLength(5);
  });

  test('an unknown position', () => {
    expect(
      problemsOf(edited(['position: Kabid\n    unit: bidang-b', 'position: Direktur\n    unit: bidang-b'])),
    ).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'people "kabid-b"',
        field: 'position',
        message: containing('"Direktur"'),
      }),
    ]);
  });

  test('an unknown unit', () => {
    expect(problemsOf(edited(['unit: bidang-b\n    chat', 'unit: bidang-c\n    chat']))).toEqual([
      expect.objectContaining({ file: FILE, where: 'people "staf-b"', field: 'unit' }),
    ]);
  });

  test('an unknown parent unit', () => {
    expect(problemsOf(edited(['parent: pusat', 'parent: kemendagri']))).toEqual([
      expect.objectContaining({ file: FILE, where: 'unit "bidang-a"', field: 'parent' }),
    ]);
  });

  test('a cycle among unit parents', () => {
    const text = edited(['    name: Pusat Uji\n', '    name: Pusat Uji\n    parent: bidang-a\n']);
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'units',
        field: 'parent',
        message: containing('cycle'),
      }),
    ]);
  });

  test('a cycle among superiors (a → b → a)', () => {
    const text = edited(
      [
        '    unit: bidang-a\n    chat: { slack: U0000KABIDA }\n',
        '    unit: bidang-a\n    chat: { slack: U0000KABIDA }\n    superior: staf-a\n',
      ],
      ["    chat: { telegram: '1002' }\n", "    chat: { telegram: '1002' }\n    superior: kabid-a\n"],
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.where, p.field])).toEqual([
      ['people "kabid-a"', 'superior'],
      ['people "staf-a"', 'superior'],
    ]);
    expect(problems.every((p) => p.file === FILE && /cycle/.test(p.message))).toBe(true);
  });

  test('a longer cycle among superiors (a → b → c → a)', () => {
    const text = edited(
      [
        '    position: Kapus\n    unit: pusat\n',
        '    position: Kapus\n    unit: pusat\n    superior: staf-a\n',
      ],
      [
        '    unit: bidang-a\n    chat: { slack: U0000KABIDA }\n',
        '    unit: bidang-a\n    chat: { slack: U0000KABIDA }\n    superior: kapus\n',
      ],
      ["    chat: { telegram: '1002' }\n", "    chat: { telegram: '1002' }\n    superior: kabid-a\n"],
    );
    expect(problemsOf(text).map((p) => p.where)).toEqual([
      'people "kapus"',
      'people "kabid-a"',
      'people "staf-a"',
    ]);
  });

  test('a person as their own superior, and an unknown superior', () => {
    const text = edited(
      [
        '    unit: bidang-a\n    chat: { slack: U0000KABIDA }\n',
        '    unit: bidang-a\n    chat: { slack: U0000KABIDA }\n    superior: kabid-a\n',
      ],
      ["    chat: { telegram: '1002' }\n", "    chat: { telegram: '1002' }\n    superior: pak-budi\n"],
    );
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        where: 'people "kabid-a"',
        field: 'superior',
        message: containing('own superior'),
      }),
      expect.objectContaining({
        where: 'people "staf-a"',
        field: 'superior',
        message: containing('"pak-budi"'),
      }),
    ]);
  });

  test('a Telegram id given to two people (number and string alike)', () => {
    const problems = problemsOf(edited(["chat: { telegram: '1002' }", "chat: { telegram: '1001' }"]));
    expect(problems).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'people "staf-a"',
        field: 'chat.telegram',
        message: containing('"kapus"'),
      }),
    ]);
  });

  test('a Slack id given to two people', () => {
    expect(problemsOf(edited(['chat: { slack: U0000STAFB }', 'chat: { slack: U0000KABIDA }']))).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'people "staf-b"',
        field: 'chat.slack',
        message: containing('"kabid-a"'),
      }),
    ]);
  });

  test('two people with the same id', () => {
    expect(problemsOf(edited(['- id: staf-b', '- id: staf-a']))).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'people "staf-a"',
        field: 'id',
        message: 'duplicate person id',
      }),
    ]);
  });

  test('a NIP of 17 digits', () => {
    expect(problemsOf(edited(["nip: '199001012015031001'", "nip: '19900101201503100'"]))).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'people "staf-a"',
        field: 'people.3.nip',
        message: 'NIP must be 18 digits',
      }),
    ]);
  });

  test('several problems are all reported', () => {
    const problems = problemsOf(
      edited(
        ['position: Kabid\n    unit: bidang-b', 'position: Direktur\n    unit: bidang-c'],
        ['chat: { slack: U0000STAFB }', 'chat: { slack: U0000KABIDA }'],
      ),
    );
    expect(problems.map((p) => [p.where, p.field])).toEqual([
      ['people "kabid-b"', 'position'],
      ['people "kabid-b"', 'unit'],
      ['people "staf-b"', 'chat.slack'],
    ]);
  });

  test('chat accounts are checked against the registered platforms: an unknown platform, a malformed id', () => {
    const rules = accountRules(PLATFORMS);
    const check = (text: string) => {
      try {
        parseOrg(text, FILE, rules);
        return [];
      } catch (error) {
        return (error as DataFileError).problems;
      }
    };
    expect(check(SMALL)).toEqual([]);
    expect(check(edited(['chat: { slack: U0000STAFB }', 'chat: { whatsapp: 628123 }']))).toEqual([
      expect.objectContaining({
        where: 'people "staf-b"',
        field: 'chat.whatsapp',
        message: containing('unknown chat platform "whatsapp" (known: telegram, slack, web)'),
      }),
    ]);
    expect(check(edited(['chat: { slack: U0000STAFB }', 'chat: { slack: staf-b }']))).toEqual([
      expect.objectContaining({
        where: 'people "staf-b"',
        field: 'chat.slack',
        message: containing('U0123ABCD'),
      }),
    ]);
    // Without the rules (a bare check of the file), any platform id is taken as it is.
    expect(() =>
      parseOrg(edited(['chat: { slack: U0000STAFB }', 'chat: { whatsapp: 628123 }']), FILE),
    ).not.toThrow();
  });

  test('a YAML syntax error', () => {
    expect(problemsOf('units: [\n')).toEqual([expect.objectContaining({ file: FILE, field: '(yaml)' })]);
  });
});
