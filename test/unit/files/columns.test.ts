import { PPK_COLUMNS, headerKey, matchColumns } from '../../../src/files/ppk/columns.js';

describe('matchColumns', () => {
  it('matches aliases in any order and case, and lists the columns it ignores', () => {
    const headers = [
      'No.',
      'Pagu',
      'no hp',
      'TA',
      'Nomor SK',
      'Satker',
      'Paket',
      'E-Mail',
      'Role',
      'Jabatan',
      'Nama Lengkap',
      'NIP',
    ];
    expect(matchColumns(headers)).toEqual({
      ok: true,
      value: {
        columns: {
          nip: 'NIP',
          name: 'Nama Lengkap',
          position: 'Jabatan',
          role: 'Role',
          email: 'E-Mail',
          phone: 'no hp',
          workUnit: 'Satker',
          packageName: 'Paket',
          pagu: 'Pagu',
          fiscalYear: 'TA',
          decreeNumber: 'Nomor SK',
        },
        ignored: ['No.'],
      },
    });
  });

  it('reports every missing column at once, in template order', () => {
    const outcome = matchColumns(['Nama', 'Peran']);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.issues.map((issue) => issue.params.column)).toEqual(
      PPK_COLUMNS.filter((c) => c.field !== 'name' && c.field !== 'role').map((c) => c.header),
    );
  });

  it('does not confuse Nama with Nama Paket', () => {
    const outcome = matchColumns(PPK_COLUMNS.filter((c) => c.field !== 'name').map((c) => c.header));
    expect(!outcome.ok && outcome.issues.map((issue) => issue.field)).toEqual(['name']);
  });
});

describe('headerKey', () => {
  it.each([
    ['No. HP', 'nohp'],
    ['  NOMOR   hp ', 'nomorhp'],
    ['Pagu Anggaran (Rp)', 'paguanggaranrp'],
    ['E-mail', 'email'],
    ['ｎｉｐ', 'nip'], // full-width letters, as some Asian keyboards type them
  ])('%j → %j', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});
