/**
 * Roles a unit registers in SPSE, in canonical spelling, and the spellings people actually write.
 * Roles tied to a tender package need Nama Paket and Pagu on their row; the others may leave both blank.
 */

export const PPK_ROLES = [
  'PA',
  'KPA',
  'PPK',
  'Pokja Pemilihan',
  'Pejabat Pengadaan',
  'PjPHP',
  'PPHP',
  'PPSPM',
  'Admin Agency',
  'Auditor',
] as const;
export type PpkRole = (typeof PPK_ROLES)[number];

export const PACKAGE_ROLES: ReadonlySet<PpkRole> = new Set<PpkRole>([
  'PPK',
  'Pokja Pemilihan',
  'Pejabat Pengadaan',
  'PjPHP',
  'PPHP',
]);

const ALIASES: Record<PpkRole, readonly string[]> = {
  PA: ['Pengguna Anggaran'],
  KPA: ['Kuasa Pengguna Anggaran'],
  PPK: ['Pejabat Pembuat Komitmen'],
  'Pokja Pemilihan': [
    'Pokja',
    'Pokja ULP',
    'Pokja UKPBJ',
    'Kelompok Kerja Pemilihan',
    'Panitia Pengadaan',
    'Panitia Lelang',
  ],
  'Pejabat Pengadaan': ['PP', 'PjP'],
  PjPHP: ['Pejabat Penerima Hasil Pekerjaan'],
  PPHP: ['Panitia Penerima Hasil Pekerjaan'],
  PPSPM: ['Pejabat Penandatangan Surat Perintah Membayar'],
  'Admin Agency': ['Admin Agensi', 'Administrator Agency'],
  Auditor: [],
};

function roleKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const LOOKUP = new Map<string, PpkRole>();
for (const role of PPK_ROLES) {
  LOOKUP.set(roleKey(role), role);
  for (const alias of ALIASES[role]) LOOKUP.set(roleKey(alias), role);
}

/** The canonical role for what a user wrote (any case, spacing, punctuation), or null. */
export function normaliseRole(text: string): PpkRole | null {
  return LOOKUP.get(roleKey(text)) ?? null;
}

export function roleNeedsPackage(role: PpkRole): boolean {
  return PACKAGE_ROLES.has(role);
}
