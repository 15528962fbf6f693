import { defaultFiscalYearRange, parseFiscalYear } from '../../../src/files/ppk/fiscal-year.js';
import { nipParts, parseNip } from '../../../src/files/ppk/nip.js';
import { parsePagu } from '../../../src/files/ppk/pagu.js';
import { parsePhone, phoneForDisplay } from '../../../src/files/ppk/phone.js';
import { normaliseRole, roleNeedsPackage } from '../../../src/files/ppk/roles.js';
import { formatRupiah } from '../../../src/files/ppk/rupiah.js';
import { TODAY } from './ppk-fixtures.js';

describe('parseNip', () => {
  it.each([
    ['198503302010011002', '198503302010011002'],
    ['19850330 201001 1 002', '198503302010011002'],
    ['199602292019032001', '199602292019032001'], // 29 February in a leap year
    ['200701012025071001', '200701012025071001'], // appointed at 18, in July 2025 (ahead of "today" by a month)
  ])('accepts %j', (text, nip) => {
    expect(parseNip({ text }, TODAY)).toEqual({ ok: true, value: nip });
  });

  it.each([
    ['19850330201001100A', 'nip-not-digits', undefined],
    ['1985-03-30-2010011002', 'nip-not-digits', undefined],
    ['19850330201001100', 'nip-length', { length: 17 }],
    ['1985033020100110021', 'nip-length', { length: 19 }],
    ['1.98503E+17', 'nip-number-cell', undefined],
    ['198502312010011002', 'nip-birth-date', { value: '19850231' }],
    ['199502292019031001', 'nip-birth-date', { value: '19950229' }], // 1995 is no leap year
    ['198513012010011002', 'nip-birth-date', { value: '19851301' }],
    ['193912312010011002', 'nip-birth-year', { year: '1939', min: '1940', max: '2025' }],
    ['202601012010011002', 'nip-birth-year', { year: '2026', min: '1940', max: '2025' }],
    ['198503302010131002', 'nip-appointment-date', { value: '201013' }],
    ['198503302010001002', 'nip-appointment-date', { value: '201000' }],
    ['200001012017121001', 'nip-appointment-too-early', { minAge: 18 }],
    ['198503302026071002', 'nip-appointment-future', { value: '202607' }],
    ['198503302010013002', 'nip-gender', { digit: '3' }],
    ['198503302010010002', 'nip-gender', { digit: '0' }],
  ])('refuses %j with %s', (text, code, params) => {
    expect(parseNip({ text }, TODAY)).toEqual(
      params === undefined ? { ok: false, code } : { ok: false, code, params },
    );
  });

  it('refuses a NIP that an XLSX stored as a number (its last digits are already lost)', () => {
    const number = Number('198503302010011002'); // precision lost on purpose, as in Excel
    expect(parseNip({ text: String(number), number }, TODAY)).toEqual({ ok: false, code: 'nip-number-cell' });
  });

  it('splits an accepted NIP into its parts', () => {
    expect(nipParts('198503302010011002')).toEqual({
      birthDate: '1985-03-30',
      appointment: '2010-01',
      gender: 'male',
      sequence: '002',
    });
  });
});

describe('parsePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['(0812) 3456 7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62-812-3456-7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 0812 3456 7890', '+6281234567890'],
    ['0811 234 567', '+62811234567'],
    ['0812.3456.78901', '+62812345678901'],
  ])('normalises %j to %s', (text, phone) => {
    expect(parsePhone({ text })).toEqual({ ok: true, value: phone });
  });

  it('reads a number cell that lost its leading 0 as 08…', () => {
    expect(parsePhone({ text: '81234567890', number: 81234567890 })).toEqual({
      ok: true,
      value: '+6281234567890',
    });
    expect(parsePhone({ text: '81234567890' })).toEqual({ ok: false, code: 'phone-invalid' });
  });

  it.each([
    ['nomor saya 0812', 'phone-invalid'],
    ['0812345678x', 'phone-invalid'],
    ['++6281234567890', 'phone-invalid'],
    ['021-3456789', 'phone-not-mobile'],
    ['+62 21 3456789', 'phone-not-mobile'],
  ])('refuses %j with %s', (text, code) => {
    expect(parsePhone({ text })).toEqual({ ok: false, code });
  });

  it.each([
    ['0812345', 7],
    ['08123456789012', 14],
  ])('refuses %j for its length', (text, digits) => {
    expect(parsePhone({ text })).toEqual({ ok: false, code: 'phone-length', params: { digits } });
  });

  it('displays a normalised number as 08…', () => {
    expect(phoneForDisplay('+6281234567890')).toBe('081234567890');
  });
});

describe('parsePagu', () => {
  it.each([
    ['1500000000', 1_500_000_000],
    ['1.500.000.000', 1_500_000_000],
    ['Rp 1.500.000.000', 1_500_000_000],
    ['Rp1.500.000.000', 1_500_000_000],
    ['Rp1.500.000.000,00', 1_500_000_000],
    ['Rp. 1.500.000.000,-', 1_500_000_000],
    ['IDR 1.500.000.000', 1_500_000_000],
    ['rp 750.000.000,0', 750_000_000],
    ['1.000', 1_000],
    ['1500000000,00', 1_500_000_000],
  ])('accepts %j', (text, value) => {
    expect(parsePagu({ text })).toEqual({ ok: true, value });
  });

  it.each([
    ['1.5 M', 'pagu-abbreviation'],
    ['1,5 miliar', 'pagu-abbreviation'],
    ['750 jt', 'pagu-abbreviation'],
    ['Rp 1,5M', 'pagu-abbreviation'],
    ['1,500.000', 'pagu-ambiguous'],
    ['1,500,000', 'pagu-ambiguous'],
    ['1,500', 'pagu-ambiguous'],
    ['1.5', 'pagu-ambiguous'],
    ['1500000.00', 'pagu-ambiguous'],
    ['1.50.000', 'pagu-ambiguous'],
    ['1.500.000,000', 'pagu-ambiguous'],
    ['1.500.000,50', 'pagu-cents'],
    ['Rp 1.500.000,5', 'pagu-cents'],
    ['-1.500.000', 'pagu-negative'],
    ['Rp -1.500.000', 'pagu-negative'],
    ['-Rp 1.500.000', 'pagu-negative'],
    ['(Rp 1.500.000)', 'pagu-negative'],
    ['0', 'pagu-zero'],
    ['Rp 0,00', 'pagu-zero'],
    ['Rp', 'pagu-not-number'],
    ['satu miliar', 'pagu-not-number'],
    ['1 500 000', 'pagu-not-number'],
    ['#VALUE!', 'pagu-not-number'],
  ])('refuses %j with %s', (text, code) => {
    expect(parsePagu({ text })).toEqual({ ok: false, code });
  });

  it('refuses an amount above Rp 1.000 triliun as a typing slip', () => {
    expect(parsePagu({ text: '1.000.000.000.000.001' })).toEqual({
      ok: false,
      code: 'pagu-too-large',
      params: { max: 'Rp 1.000.000.000.000.000' },
    });
    expect(parsePagu({ text: '99999999999999999999999' }).ok).toBe(false);
  });

  it('takes an XLSX number cell as it is, refusing cents, zero and negatives', () => {
    expect(parsePagu({ text: '1500000000', number: 1_500_000_000 })).toEqual({
      ok: true,
      value: 1_500_000_000,
    });
    expect(parsePagu({ text: '', number: 1_650_000_000.0000002 })).toEqual({
      ok: true,
      value: 1_650_000_000,
    });
    expect(parsePagu({ text: '', number: 1_500_000.5 })).toEqual({ ok: false, code: 'pagu-cents' });
    expect(parsePagu({ text: '', number: 0 })).toEqual({ ok: false, code: 'pagu-zero' });
    expect(parsePagu({ text: '', number: -5 })).toEqual({ ok: false, code: 'pagu-negative' });
  });
});

describe('roles', () => {
  it.each([
    ['ppk', 'PPK'],
    ['  Pokja   pemilihan ', 'Pokja Pemilihan'],
    ['POKJA-PEMILIHAN', 'Pokja Pemilihan'],
    ['Pejabat Pembuat Komitmen', 'PPK'],
    ['pejabat pengadaan', 'Pejabat Pengadaan'],
    ['Kuasa Pengguna Anggaran', 'KPA'],
    ['admin agency', 'Admin Agency'],
    ['P.P.S.P.M.', 'PPSPM'],
  ])('normalises %j to %s', (text, role) => {
    expect(normaliseRole(text)).toBe(role);
  });

  it('knows nothing of other roles', () => {
    expect(normaliseRole('Bendahara')).toBeNull();
    expect(normaliseRole('')).toBeNull();
  });

  it('ties only procurement roles to a package', () => {
    expect(roleNeedsPackage('PPK')).toBe(true);
    expect(roleNeedsPackage('Pokja Pemilihan')).toBe(true);
    expect(roleNeedsPackage('KPA')).toBe(false);
    expect(roleNeedsPackage('Admin Agency')).toBe(false);
  });
});

describe('parseFiscalYear', () => {
  const range = defaultFiscalYearRange(TODAY);

  it('accepts five years back to next year', () => {
    expect(range).toEqual({ min: 2020, max: 2026 });
    expect(parseFiscalYear('2025', range)).toEqual({ ok: true, value: 2025 });
    expect(parseFiscalYear('2020', range)).toEqual({ ok: true, value: 2020 });
    expect(parseFiscalYear('2026', range)).toEqual({ ok: true, value: 2026 });
  });

  it.each([
    ['25', 'year-invalid', undefined],
    ['TA 2025', 'year-invalid', undefined],
    ['2025-01-01', 'year-invalid', undefined],
    ['2019', 'year-range', { min: '2020', max: '2026' }],
    ['2027', 'year-range', { min: '2020', max: '2026' }],
  ])('refuses %j', (text, code, params) => {
    expect(parseFiscalYear(text, range)).toEqual(params ? { ok: false, code, params } : { ok: false, code });
  });
});

describe('formatRupiah', () => {
  it.each([
    [1_500_000_000, 'Rp 1.500.000.000'],
    [0, 'Rp 0'],
    [999, 'Rp 999'],
    [1000, 'Rp 1.000'],
    [12_345_678_901_234_567_890n, 'Rp 12.345.678.901.234.567.890'],
    [-2500, '-Rp 2.500'],
  ])('%p → %s', (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });
});
