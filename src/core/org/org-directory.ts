import type { PersonId, UnitId } from '../ids.js';
import type { OrgFile, OrgPerson, OrgUnit } from './schema.js';

/**
 * Read-only view of the organisation: who holds which position where, and who is whose
 * superior. Built from a validated org file; replaced whole when the file changes.
 */
export class OrgDirectory {
  private readonly people = new Map<PersonId, OrgPerson>();
  private readonly units = new Map<UnitId, OrgUnit>();
  private readonly positionSuperior = new Map<string, string | undefined>();
  private readonly order: OrgPerson[];

  constructor(readonly file: OrgFile) {
    for (const p of file.positions) this.positionSuperior.set(p.id, p.superior);
    for (const u of file.units) this.units.set(u.id, u);
    for (const p of file.people) this.people.set(p.id, p);
    this.order = file.people;
  }

  get positions(): string[] {
    return [...this.positionSuperior.keys()];
  }

  person(id: PersonId): OrgPerson | undefined {
    return this.people.get(id);
  }

  unit(id: UnitId): OrgUnit | undefined {
    return this.units.get(id);
  }

  allPeople(): readonly OrgPerson[] {
    return this.order;
  }

  allUnits(): readonly OrgUnit[] {
    return this.file.units;
  }

  /** The unit and its ancestors, nearest first. */
  unitAndAncestors(unitId: UnitId): UnitId[] {
    const chain: UnitId[] = [];
    let current = this.units.get(unitId);
    while (current && !chain.includes(current.id)) {
      chain.push(current.id);
      current = current.parent ? this.units.get(current.parent) : undefined;
    }
    return chain;
  }

  isWithin(unitId: UnitId, ancestorId: UnitId): boolean {
    return this.unitAndAncestors(unitId).includes(ancestorId);
  }

  /** The position above this one in the chain (Staf → Kasubbid → Kabid → Kapus → Sekjen → Menteri). */
  superiorPosition(position: string): string | undefined {
    return this.positionSuperior.get(position);
  }

  /** Is position `a` strictly below position `b` in the chain? */
  isPositionBelow(a: string, b: string): boolean {
    let current = this.positionSuperior.get(a);
    const seen = new Set<string>();
    while (current !== undefined && !seen.has(current)) {
      if (current === b) return true;
      seen.add(current);
      current = this.positionSuperior.get(current);
    }
    return false;
  }

  /**
   * People holding a position (and tag), searched in the unit's subtree first and then in the
   * subtrees of its ancestors, nearest first; org-file order within a level.
   */
  holders(position: string, unitId: UnitId, tag?: string): OrgPerson[] {
    for (const scope of this.unitAndAncestors(unitId)) {
      const found = this.order.filter(
        (p) => p.position === position && (!tag || p.tags.includes(tag)) && this.isWithin(p.unit, scope),
      );
      if (found.length > 0) return found;
    }
    return [];
  }

  /**
   * The person's superior: the explicit one from the org file, else the holder of the nearest
   * position up the chain (skipping positions nobody holds) who heads the person's unit or one of
   * its ancestors, the nearest unit first: a Staf of a division without a Kasubbid reports to that
   * division's Kabid, and the Kasubbag TU (directly under the centre) to the Kapus, never to the
   * head of a sibling unit (a Kabid of another division).
   */
  superiorOf(personId: PersonId): OrgPerson | undefined {
    const person = this.people.get(personId);
    if (!person) return undefined;
    if (person.superior) return this.people.get(person.superior);
    const above: string[] = [];
    let position = this.positionSuperior.get(person.position);
    while (position !== undefined && !above.includes(position)) {
      above.push(position);
      position = this.positionSuperior.get(position);
    }
    for (const scope of this.unitAndAncestors(person.unit)) {
      for (const wanted of above) {
        const holder = this.order.find(
          (p) => p.position === wanted && p.id !== person.id && p.unit === scope,
        );
        if (holder) return holder;
      }
    }
    return undefined;
  }

  /** The chain of superiors above a person, nearest first (cycle-safe). */
  superiorChain(personId: PersonId): OrgPerson[] {
    const chain: OrgPerson[] = [];
    let current = this.superiorOf(personId);
    while (current && !chain.some((p) => p.id === current?.id) && current.id !== personId) {
      chain.push(current);
      current = this.superiorOf(current.id);
    }
    return chain;
  }

  /** Is `superiorId` anywhere above `personId`? */
  isAbove(superiorId: PersonId, personId: PersonId): boolean {
    return this.superiorChain(personId).some((p) => p.id === superiorId);
  }

  isAdmin(personId: PersonId): boolean {
    return this.people.get(personId)?.admin === true;
  }
}
