import type {
  PpkRegisterStore,
  RegisterUnit,
  VerifiedList,
} from '../../../src/features/ppk/register-store.js';
import type { PpkEntry } from '../../../src/files/ppk/types.js';

export function sampleEntry(overrides: Partial<PpkEntry> = {}): PpkEntry {
  return {
    rowNumber: 2,
    nip: '198503152010121002',
    name: 'Budi Santoso',
    position: 'Kepala Bagian Umum',
    role: 'PPK',
    email: 'budi.santoso@kemendagri.go.id',
    phone: '+6281234567890',
    workUnit: 'Biro Umum',
    packageName: 'Pengadaan Laptop Kantor',
    pagu: 1_500_000_000,
    fiscalYear: 2027,
    decreeNumber: 'SK-001/BU/2027',
    ...overrides,
  };
}

function verified(unitId: string, verifiedAt: string, name = 'Budi Santoso'): VerifiedList {
  return {
    unitId,
    instanceId: `i-${verifiedAt}`,
    agendaNumber: '001/ND-M/2026',
    fileId: 'f1',
    fileName: 'daftar.xlsx',
    entries: [sampleEntry({ name })],
    verifiedAt,
    verifiedBy: 'dewi',
  };
}

function unit(unitId: string, unitName: string, updatedAt: string, accounts = 1): RegisterUnit {
  const { rowNumber: _row, ...entry } = sampleEntry();
  return {
    unitId,
    unitName,
    accounts: Array.from({ length: accounts }, (_, i) => ({
      ...entry,
      nip: `19850315201012100${i}`,
      authenticatedAt: updatedAt,
      authenticatedBy: 'fajar',
    })),
    updatedAt,
    source: { instanceId: 'i1', agendaNumber: '001/ND-M/2026', fileName: 'daftar.xlsx' },
  };
}

/** One behaviour for every register store: the in-memory fake and MongoDB. */
export function ppkRegisterContract(name: string, make: () => Promise<PpkRegisterStore>): void {
  describe(`PPK register store contract: ${name}`, () => {
    let store: PpkRegisterStore;
    beforeEach(async () => {
      store = await make();
    });

    test('a unit has no verified list until one is saved; the latest verification is kept', async () => {
      expect(await store.lastVerified('biro-umum')).toBeUndefined();
      await store.saveVerified(verified('biro-umum', '2026-11-20T02:00:00.000Z', 'Lama'));
      await store.saveVerified(verified('biro-umum', '2026-11-24T02:00:00.000Z', 'Baru'));
      // A late save of an older verification does not win.
      await store.saveVerified(verified('biro-umum', '2026-11-22T02:00:00.000Z', 'Tengah'));
      const kept = await store.lastVerified('biro-umum');
      expect(kept?.entries.map((e) => e.name)).toEqual(['Baru']);
      expect(kept?.entries[0]).toEqual(sampleEntry({ name: 'Baru' }));
      expect(await store.lastVerified('ditjen-dukcapil')).toBeUndefined();
    });

    test('the register keeps one entry per unit, replaced by later updates, listed by name', async () => {
      await store.saveUnit(
        unit('ditjen-dukcapil', 'Direktorat Jenderal Dukcapil', '2026-11-20T02:00:00.000Z', 2),
      );
      await store.saveUnit(unit('biro-umum', 'Biro Umum', '2026-11-20T02:00:00.000Z', 1));
      await store.saveUnit(unit('biro-umum', 'Biro Umum', '2026-11-24T02:00:00.000Z', 3));
      await store.saveUnit(unit('biro-umum', 'Biro Umum', '2026-11-21T02:00:00.000Z', 5));
      const units = await store.units();
      expect(units.map((u) => [u.unitId, u.accounts.length])).toEqual([
        ['biro-umum', 3],
        ['ditjen-dukcapil', 2],
      ]);
      expect((await store.unit('biro-umum'))?.updatedAt).toBe('2026-11-24T02:00:00.000Z');
      expect(await store.unit('bpsdm')).toBeUndefined();
    });
  });
}
