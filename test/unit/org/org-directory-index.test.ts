import { OrgDirectory } from '../../../src/core/org/org-directory.js';
import { orgSchema, type OrgFile, type OrgPerson } from '../../../src/core/org/schema.js';
import { seededRandom } from '../../support/seeded-random.js';

/**
 * The directory keeps what it works out (ancestors, holders, superiors) and indexes people by
 * position. Its answers must be those of the plain definitions, written here as scans of everyone.
 */
function ancestorsOf(org: OrgFile, unitId: string): string[] {
  const chain: string[] = [];
  let current = org.units.find((u) => u.id === unitId);
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    const parent = current.parent;
    current = parent ? org.units.find((u) => u.id === parent) : undefined;
  }
  return chain;
}

function plainHolders(org: OrgFile, position: string, unitId: string, tag?: string): string[] {
  for (const scope of ancestorsOf(org, unitId)) {
    const found = org.people.filter(
      (p) =>
        p.position === position && (!tag || p.tags.includes(tag)) && ancestorsOf(org, p.unit).includes(scope),
    );
    if (found.length > 0) return found.map((p) => p.id);
  }
  return [];
}

function plainSuperior(org: OrgFile, person: OrgPerson): string | undefined {
  if (person.superior) return person.superior;
  const chain = new Map(org.positions.map((p) => [p.id, p.superior]));
  const above: string[] = [];
  for (let p = chain.get(person.position); p !== undefined && !above.includes(p); p = chain.get(p))
    above.push(p);
  for (const scope of ancestorsOf(org, person.unit))
    for (const wanted of above) {
      const holder = org.people.find((p) => p.position === wanted && p.id !== person.id && p.unit === scope);
      if (holder) return holder.id;
    }
  return undefined;
}

function randomOrg(seed: number): OrgFile {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const units = [{ id: 'u0', name: 'Pusat' }];
  for (let k = 1; k < 25; k++)
    units.push({ id: `u${k}`, name: `Unit ${k}`, parent: pick(units).id } as never);
  const positions = ['Kapus', 'Kabid', 'Kasubbid', 'Staf', 'ULP'];
  const people = Array.from({ length: 120 }, (_, i) => ({
    id: `p${i}`,
    name: `Orang ${i}`,
    position: pick(positions),
    unit: pick(units).id,
    ...(random() < 0.3 ? { tags: [pick(['ppk', 'tu'])] } : {}),
  }));
  return orgSchema.parse({ units, people });
}

describe('the org directory’s indexes', () => {
  test.each([1, 2, 3, 4, 5])('answer as the plain scans do (random org %i)', (seed) => {
    const org = randomOrg(seed);
    const directory = new OrgDirectory(org);
    for (let round = 0; round < 2; round++) {
      for (const unit of org.units) {
        expect(directory.unitAndAncestors(unit.id)).toEqual(ancestorsOf(org, unit.id));
        for (const position of ['Kapus', 'Kabid', 'Kasubbid', 'Staf', 'ULP'])
          for (const tag of [undefined, 'ppk'])
            expect(directory.holders(position, unit.id, tag).map((p) => p.id)).toEqual(
              plainHolders(org, position, unit.id, tag),
            );
      }
      for (const person of org.people)
        expect(directory.superiorOf(person.id)?.id).toBe(plainSuperior(org, person));
    }
  });

  test('a caller changing what it was given changes nothing the next caller gets', () => {
    const directory = new OrgDirectory(randomOrg(7));
    const staf = directory.holders('Staf', 'u0');
    const chain = directory.unitAndAncestors('u3');
    staf.length = 0;
    chain.push('elsewhere');
    expect(directory.holders('Staf', 'u0').length).toBeGreaterThan(0);
    expect(directory.unitAndAncestors('u3')).not.toContain('elsewhere');
  });
});
