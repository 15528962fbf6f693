import type { MessageRef } from '../../core/i18n.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import { phoneForDisplay } from '../../files/ppk/phone.js';
import type { PpkRole } from '../../files/ppk/roles.js';
import { maskEmail, maskNip, maskPhone } from './masking.js';
import type { RegisterAccount, RegisterUnit } from './register-store.js';

/** The SOP's records: the unit's PPK, its ULP/committee members, and its other agency users. */
export type RegisterGroup = 'ppk' | 'ulp' | 'agency';
export const REGISTER_GROUPS: readonly RegisterGroup[] = ['ppk', 'ulp', 'agency'];

export function groupOf(role: PpkRole): RegisterGroup {
  if (role === 'PPK') return 'ppk';
  if (role === 'Pokja Pemilihan' || role === 'Pejabat Pengadaan') return 'ulp';
  return 'agency';
}

/** Accounts written out in one chat message; the export has them all. */
export const ACCOUNTS_IN_MESSAGE = 30;

/** Units in the register, each with its counts (no personal data). */
export function registerListLines(units: readonly RegisterUnit[]): MessageRef[] {
  if (units.length === 0) return [{ key: 'ppk-register-empty' }];
  return [
    { key: 'ppk-register-list-title', params: { count: units.length } },
    ...units.map((unit) => ({
      key: 'ppk-register-list-item',
      params: {
        unitId: unit.unitId,
        unit: unit.unitName,
        ppk: unit.accounts.filter((a) => groupOf(a.role) === 'ppk').length,
        ulp: unit.accounts.filter((a) => groupOf(a.role) === 'ulp').length,
        agency: unit.accounts.filter((a) => groupOf(a.role) === 'agency').length,
      },
    })),
    { key: 'ppk-register-usage' },
  ];
}

/** One unit's register, by group; NIP, email and phone masked unless `personal`. */
export function registerUnitLines(unit: RegisterUnit, personal: boolean): MessageRef[] {
  const lines: MessageRef[] = [
    { key: 'ppk-register-title', params: { unit: unit.unitName, unitId: unit.unitId } },
    {
      key: 'ppk-register-source',
      params: {
        at: { instant: unit.updatedAt, style: 'datetime' },
        agenda: unit.source.agendaNumber ?? '-',
        count: unit.accounts.length,
      },
    },
  ];
  let written = 0;
  for (const group of REGISTER_GROUPS) {
    const accounts = unit.accounts.filter((a) => groupOf(a.role) === group);
    if (accounts.length === 0) continue;
    lines.push({ key: 'ppk-register-group', params: { group, count: accounts.length } });
    for (const account of accounts) {
      if (written >= ACCOUNTS_IN_MESSAGE) break;
      written += 1;
      lines.push(accountLine(account, personal));
    }
  }
  if (unit.accounts.length > written)
    lines.push({ key: 'ppk-register-more', params: { count: unit.accounts.length - written } });
  if (!personal) lines.push({ key: 'ppk-register-masked' });
  return lines;
}

function accountLine(account: RegisterAccount, personal: boolean): MessageRef {
  const phone = phoneForDisplay(account.phone);
  return {
    key: 'ppk-register-account',
    params: {
      name: account.name,
      role: account.role,
      package: account.packageName ?? '–',
      year: String(account.fiscalYear),
      nip: personal ? account.nip : maskNip(account.nip),
      email: personal ? account.email : maskEmail(account.email),
      phone: personal ? phone : maskPhone(phone),
    },
  };
}

/** A unit named by its id, or by a part of its name that fits one unit only. */
export function findUnit(
  org: OrgDirectory,
  units: readonly RegisterUnit[],
  query: string,
): string | undefined {
  const wanted = query.trim().toLowerCase();
  if (!wanted) return undefined;
  const ids = new Set([...units.map((u) => u.unitId), ...org.allUnits().map((u) => u.id)]);
  for (const id of ids) if (id.toLowerCase() === wanted) return id;
  const byName = [
    ...new Set([
      ...units.filter((u) => u.unitName.toLowerCase().includes(wanted)).map((u) => u.unitId),
      ...org
        .allUnits()
        .filter((u) => u.name.toLowerCase().includes(wanted))
        .map((u) => u.id),
    ]),
  ];
  return byName.length === 1 ? byName[0] : undefined;
}
