/** PPK list rows for the feature tests: valid for fiscal year 2027 as of November 2026. */
import { PPK_HEADER, ppkCsv } from '../../../support/ppk-fixtures.js';

export type RowSpec = Partial<
  Record<
    | 'nip'
    | 'name'
    | 'position'
    | 'role'
    | 'email'
    | 'phone'
    | 'workUnit'
    | 'packageName'
    | 'pagu'
    | 'year'
    | 'decree',
    string
  >
>;

export const BUDI: RowSpec = {
  nip: '198503152010121002',
  name: 'Budi Santoso',
  role: 'PPK',
  email: 'budi.santoso@kemendagri.go.id',
  phone: '0812-3456-7890',
  packageName: 'Pengadaan Laptop Kantor',
  pagu: 'Rp 1.500.000.000',
};
export const SITI: RowSpec = {
  nip: '199001202015032001',
  name: 'Siti Aminah',
  role: 'Pokja Pemilihan',
  email: 'siti.aminah@kemendagri.go.id',
  phone: '+6281298765432',
  packageName: 'Pengadaan Laptop Kantor',
  pagu: '1500000000',
};
export const AGUS: RowSpec = {
  nip: '198807072012121003',
  name: 'Agus Wibowo',
  role: 'Pejabat Pengadaan',
  email: 'agus.wibowo@kemendagri.go.id',
  phone: '0857-1234-5678',
  packageName: 'Pemeliharaan Gedung Kantor',
  pagu: '750.000.000',
};
export const HENDRA: RowSpec = {
  nip: '197002021995031001',
  name: 'Drs. Hendra Gunawan',
  role: 'KPA',
  email: 'hendra.gunawan@kemendagri.go.id',
  phone: '0811 234 567',
  packageName: '',
  pagu: '',
};

/** One CSV row in the template's column order. */
export function row(spec: RowSpec): string[] {
  return [
    spec.nip ?? '',
    spec.name ?? '',
    spec.position ?? 'Analis Pengadaan',
    spec.role ?? 'PPK',
    spec.email ?? '',
    spec.phone ?? '',
    spec.workUnit ?? 'Biro Umum',
    spec.packageName ?? '',
    spec.pagu ?? '',
    spec.year ?? '2027',
    spec.decree ?? 'SK-001/BU/2027',
  ];
}

export function csvOf(...specs: RowSpec[]): Buffer {
  return Buffer.from(ppkCsv(specs.map(row)));
}

export { PPK_HEADER };
