import type { PersonId } from '../../core/ids.js';
import type { PpkEntry } from '../../files/ppk/types.js';

/** A unit's PPK list as the verifier approved it (step 6): what the next list is compared with. */
export interface VerifiedList {
  /** The org unit the list belongs to (the requesting unit of the instance). */
  unitId: string;
  instanceId: string;
  agendaNumber?: string;
  fileId: string;
  fileName: string;
  entries: PpkEntry[];
  /** UTC, ISO 8601. */
  verifiedAt: string;
  verifiedBy: PersonId;
}

/** An account authenticated in SPSE (step 7), as the register keeps it. */
export type RegisterAccount = Omit<PpkEntry, 'rowNumber'> & {
  /** UTC, ISO 8601. */
  authenticatedAt: string;
  authenticatedBy: PersonId;
};

/**
 * The SOP's "Pencatatan dan Pendataan" for one unit using SPSE: its PPK, its ULP/committee members
 * and its other agency users, as the latest authenticated list gave them.
 */
export interface RegisterUnit {
  unitId: string;
  unitName: string;
  accounts: RegisterAccount[];
  /** UTC, ISO 8601. */
  updatedAt: string;
  source: { instanceId: string; agendaNumber?: string; fileName: string };
}

/** Where verified lists and the register live: MongoDB in the service, memory in unit tests. */
export interface PpkRegisterStore {
  lastVerified(unitId: string): Promise<VerifiedList | undefined>;
  /** Keeps the list as the unit's last verified one, unless a later verification is already kept. */
  saveVerified(list: VerifiedList): Promise<void>;
  unit(unitId: string): Promise<RegisterUnit | undefined>;
  units(): Promise<RegisterUnit[]>;
  /** Replaces the unit's register entry, unless a later update is already kept. */
  saveUnit(unit: RegisterUnit): Promise<void>;
}
