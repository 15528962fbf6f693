import { diffPpkLists, findRegisterDuplicates } from '../../../src/files/ppk/diff.js';
import type { RegisterEntry } from '../../../src/files/ppk/diff.js';
import type { PpkEntry } from '../../../src/files/ppk/types.js';

function entry(overrides: Partial<PpkEntry>): PpkEntry {
  return {
    rowNumber: 2,
    nip: '198503302010011002',
    name: 'Budi Santoso',
    position: 'Kepala Subbagian Perencanaan',
    role: 'PPK',
    email: 'budi.santoso@kemendagri.go.id',
    phone: '+6281234567890',
    workUnit: 'Biro Umum',
    packageName: 'Pengadaan Perangkat Jaringan',
    pagu: 1_500_000_000,
    fiscalYear: 2025,
    decreeNumber: '027/101/SJ/2025',
    ...overrides,
  };
}

const budi = entry({});
const siti = entry({ nip: '199001152015032001', name: 'Siti Aminah', role: 'Pokja Pemilihan', rowNumber: 3 });
const agus = entry({
  nip: '198807072012121003',
  name: 'Agus Wibowo',
  packageName: 'Pemeliharaan Gedung',
  pagu: 7_500_000,
  rowNumber: 4,
});

describe('diffPpkLists', () => {
  it('finds added, removed and changed rows, naming the changed fields', () => {
    const previous = [budi, siti, agus];
    const current = [
      { ...budi, rowNumber: 5, phone: '+6281299998888', pagu: 1_600_000_000 }, // changed
      { ...siti, rowNumber: 2 }, // only its row moved: unchanged
      entry({
        nip: '197002021995031001',
        name: 'Hendra',
        role: 'KPA',
        packageName: null,
        pagu: null,
        rowNumber: 3,
      }), // added
    ];
    const diff = diffPpkLists(previous, current);
    expect(diff.added.map((e) => e.nip)).toEqual(['197002021995031001']);
    expect(diff.removed).toEqual([agus]);
    expect(diff.changed).toEqual([
      {
        key: '198503302010011002|PPK|pengadaan perangkat jaringan|2025',
        before: budi,
        after: current[0],
        fields: ['phone', 'pagu'],
      },
    ]);
    expect(diff.unchanged).toBe(1);
  });

  it('matches packages ignoring case and spacing, but reports the new spelling as a change', () => {
    const diff = diffPpkLists([budi], [{ ...budi, packageName: 'pengadaan  perangkat JARINGAN' }]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed[0]?.fields).toEqual(['packageName']);
  });

  it('treats another role, package or fiscal year as another row', () => {
    const diff = diffPpkLists(
      [budi],
      [
        { ...budi, role: 'Pejabat Pengadaan' },
        { ...budi, fiscalYear: 2026 },
      ],
    );
    expect(diff.added).toHaveLength(2);
    expect(diff.removed).toEqual([budi]);
    expect(diff.changed).toEqual([]);
  });

  it('reports nothing for identical lists and everything as added against an empty one', () => {
    expect(diffPpkLists([budi, siti], [budi, siti])).toEqual({
      added: [],
      removed: [],
      changed: [],
      unchanged: 2,
    });
    expect(diffPpkLists([], [budi, siti]).added).toEqual([budi, siti]);
  });
});

describe('findRegisterDuplicates', () => {
  const register: RegisterEntry[] = [
    { nip: budi.nip, role: 'PPK', unit: 'Direktorat Jenderal Bina Keuangan Daerah' },
    { nip: budi.nip, role: 'PPK', unit: 'Biro Umum' }, // the list's own unit
    { nip: siti.nip, role: 'PPK', unit: 'Inspektorat Jenderal' }, // another role than in the list
    { nip: agus.nip, role: 'PPK', unit: 'Badan Strategi Kebijakan Dalam Negeri' },
    { nip: agus.nip, role: 'PPK', unit: 'badan strategi  kebijakan dalam negeri' }, // same unit, other spelling
  ];

  it('reports people who hold the same role for another unit, once per other unit', () => {
    expect(findRegisterDuplicates([budi, siti, agus], register, ' biro  UMUM ')).toEqual([
      {
        row: 2,
        nip: budi.nip,
        name: 'Budi Santoso',
        role: 'PPK',
        otherUnit: 'Direktorat Jenderal Bina Keuangan Daerah',
      },
      {
        row: 4,
        nip: agus.nip,
        name: 'Agus Wibowo',
        role: 'PPK',
        otherUnit: 'Badan Strategi Kebijakan Dalam Negeri',
      },
    ]);
  });

  it('reports nothing against an empty register', () => {
    expect(findRegisterDuplicates([budi], [], 'Biro Umum')).toEqual([]);
  });
});
