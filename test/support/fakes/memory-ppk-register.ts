import type {
  PpkRegisterStore,
  RegisterUnit,
  VerifiedList,
} from '../../../src/features/ppk/register-store.js';

/** The register and verified lists in memory, for unit tests (same contract as the MongoDB store). */
export class MemoryPpkRegisterStore implements PpkRegisterStore {
  readonly verifiedLists = new Map<string, VerifiedList>();
  readonly registerUnits = new Map<string, RegisterUnit>();

  lastVerified(unitId: string): Promise<VerifiedList | undefined> {
    return Promise.resolve(copy(this.verifiedLists.get(unitId)));
  }

  saveVerified(list: VerifiedList): Promise<void> {
    const kept = this.verifiedLists.get(list.unitId);
    if (!kept || kept.verifiedAt <= list.verifiedAt) this.verifiedLists.set(list.unitId, copy(list));
    return Promise.resolve();
  }

  unit(unitId: string): Promise<RegisterUnit | undefined> {
    return Promise.resolve(copy(this.registerUnits.get(unitId)));
  }

  units(): Promise<RegisterUnit[]> {
    return Promise.resolve(
      [...this.registerUnits.values()]
        .map((u) => copy(u))
        .sort((a, b) => a.unitName.localeCompare(b.unitName, 'id')),
    );
  }

  saveUnit(unit: RegisterUnit): Promise<void> {
    const kept = this.registerUnits.get(unit.unitId);
    if (!kept || kept.updatedAt <= unit.updatedAt) this.registerUnits.set(unit.unitId, copy(unit));
    return Promise.resolve();
  }
}

/** Stored data is plain JSON, as MongoDB gives it back. */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
