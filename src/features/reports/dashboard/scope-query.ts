import type { OrgDirectory } from '../../../core/org/org-directory.js';
import { permittedScope, type ReportScope } from '../report-scope.js';
import { PageRefusal } from './dashboard-deps.js';

/**
 * The scope a page asks for in its URL (`?unit=…` or `?person=…`), checked on the server against
 * the org file and what the viewer may see: an unknown id is 404, one outside the viewer's own
 * scope 403; no id is the viewer's whole scope.
 */
export function scopeFromQuery(query: URLSearchParams, viewerId: string, org: OrgDirectory): ReportScope {
  const unit = query.get('unit')?.trim() || undefined;
  const person = query.get('person')?.trim() || undefined;
  if (unit && person) throw new PageRefusal(400, 'dash-error-unit-and-person');
  let requested: ReportScope | undefined;
  if (unit) {
    if (!org.unit(unit)) throw new PageRefusal(404, 'dash-error-unknown-unit', { unit });
    requested = { kind: 'unit', unitId: unit };
  }
  if (person) {
    if (!org.person(person)) throw new PageRefusal(404, 'dash-error-unknown-person', { person });
    requested = { kind: 'person', personId: person };
  }
  const scope = permittedScope(org, viewerId, requested);
  if (!scope) throw new PageRefusal(403, requested ? 'dash-error-forbidden-scope' : 'dash-error-not-in-org');
  return scope;
}

/** The units a viewer may pick (their own scope's units; everything for an admin). */
export function unitsFor(org: OrgDirectory, viewerId: string): Array<{ id: string; name: string }> {
  return org
    .allUnits()
    .filter((unit) => permittedScope(org, viewerId, { kind: 'unit', unitId: unit.id }) !== undefined)
    .map((unit) => ({ id: unit.id, name: unit.name }));
}

/** The query string that keeps a page's scope (for links to other views of the same scope). */
export function scopeParams(scope: ReportScope): Record<string, string> {
  if (scope.kind === 'unit') return { unit: scope.unitId };
  if (scope.kind === 'person') return { person: scope.personId };
  return {};
}
