import type { PersonId } from '../core/ids.js';
import { DEFAULT_LOCALE, type Locale } from '../core/i18n.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import type { IdentityStore } from './ports.js';
import type { Reader } from '../i18n/translator.js';

/** Works out a person's language (their choice, else the default) and time zone (person, unit, service). */
export class ReaderResolver {
  constructor(
    private readonly deps: {
      org: () => OrgDirectory;
      identities: IdentityStore;
      defaultLocale?: Locale;
      defaultTimeZone: string;
    },
  ) {}

  async readerFor(personId: PersonId | undefined, fallbackLocale?: Locale): Promise<Reader> {
    const locale = personId ? (await this.deps.identities.preferences(personId)).locale : undefined;
    return {
      locale: locale ?? fallbackLocale ?? this.deps.defaultLocale ?? DEFAULT_LOCALE,
      timeZone: personId ? this.timeZoneOf(personId) : this.deps.defaultTimeZone,
    };
  }

  timeZoneOf(personId: PersonId): string {
    const org = this.deps.org();
    const person = org.person(personId);
    if (person?.timeZone) return person.timeZone;
    for (const unitId of person ? org.unitAndAncestors(person.unit) : []) {
      const zone = org.unit(unitId)?.timeZone;
      if (zone) return zone;
    }
    return this.deps.defaultTimeZone;
  }
}
