import type { PersonId, UnitId } from '../ids.js';
import type { OrgFile, OrgPerson, OrgUnit } from './schema.js';

/**
 * Read-only view of the organisation: who holds which position where, and who is whose
 * superior. Built from a validated org file; replaced whole when the file changes.
 *
 * Every decision asks who holds a position and who is whose superior, several times; in an org of
 * a thousand people a scan of everyone each time was a few per cent of the service's time. The
 * directory never changes, so what it works out once (a unit's ancestors, a position's holders,
 * a person's superior) is kept, and people are indexed by position.
 */
export class OrgDirectory {
  private readonly people = new Map<PersonId, OrgPerson>();
  private readonly units = new Map<UnitId, OrgUnit>();
  private readonly positionSuperior = new Map<string, string | undefined>();
  private readonly order: OrgPerson[];
  /** Holders of each position, in org-file order. */
  private readonly byPosition = new Map<string, OrgPerson[]>();
  private readonly ancestors = new Map<UnitId, { chain: UnitId[]; set: Set<UnitId> }>();
  private readonly holdersFound = new Map<string, OrgPerson[]>();
  private readonly superiors = new Map<PersonId, OrgPerson | undefined>();

  constructor(readonly file: OrgFile) {
    for (const p of file.positions) this.positionSuperior.set(p.id, p.superior);
    for (const u of file.units) this.units.set(u.id, u);
    for (const p of file.people) {
      this.people.set(p.id, p);
      const holders = this.byPosition.get(p.position);
      if (holders) holders.push(p);
      else this.byPosition.set(p.position, [p]);
    }
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
    return [...this.lineage(unitId).chain];
  }

  isWithin(unitId: UnitId, ancestorId: UnitId): boolean {
    return this.lineage(unitId).set.has(ancestorId);
  }

  private lineage(unitId: UnitId): { chain: UnitId[]; set: Set<UnitId> } {
    const known = this.ancestors.get(unitId);
    if (known) return known;
    const chain: UnitId[] = [];
    let current = this.units.get(unitId);
    while (current && !chain.includes(current.id)) {
      chain.push(current.id);
      current = current.parent ? this.units.get(current.parent) : undefined;
    }
    const found = { chain, set: new Set(chain) };
    this.ancestors.set(unitId, found);
    return found;
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
    const key = JSON.stringify([position, unitId, tag ?? null]);
    let found = this.holdersFound.get(key);
    if (!found) {
      found = [];
      const candidates = (this.byPosition.get(position) ?? []).filter((p) => !tag || p.tags.includes(tag));
      for (const scope of this.lineage(unitId).chain) {
        found = candidates.filter((p) => this.isWithin(p.unit, scope));
        if (found.length > 0) break;
      }
      this.holdersFound.set(key, found);
    }
    return [...found];
  }

  /**
   * The person's superior: the explicit one from the org file, else the holder of the nearest
   * position up the chain (skipping positions nobody holds) who heads the person's unit or one of
   * its ancestors, the nearest unit first: a Staf of a division without a Kasubbid reports to that
   * division's Kabid, and the Kasubbag TU (directly under the centre) to the Kapus, never to the
   * head of a sibling unit (a Kabid of another division).
   */
  superiorOf(personId: PersonId): OrgPerson | undefined {
    if (this.superiors.has(personId)) return this.superiors.get(personId);
    const superior = this.findSuperior(personId);
    this.superiors.set(personId, superior);
    return superior;
  }

  private findSuperior(personId: PersonId): OrgPerson | undefined {
    const person = this.people.get(personId);
    if (!person) return undefined;
    if (person.superior) return this.people.get(person.superior);
    const above: string[] = [];
    let position = this.positionSuperior.get(person.position);
    while (position !== undefined && !above.includes(position)) {
      above.push(position);
      position = this.positionSuperior.get(position);
    }
    for (const scope of this.lineage(person.unit).chain) {
      for (const wanted of above) {
        const holder = this.byPosition.get(wanted)?.find((p) => p.id !== person.id && p.unit === scope);
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
