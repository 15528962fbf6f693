/** A person as printed on a document: name and jabatan (the position's full title). */
export interface DocumentPerson {
  name: string;
  /** E.g. `Kepala Pusat Data dan Informasi …`, or the short position `Kabid`. */
  position: string;
  nip?: string;
}

/** `Kepala Bidang Aplikasi (Sari Handayani)`. */
export function personLine(person: DocumentPerson): string {
  return person.position ? `${person.position} (${person.name})` : person.name;
}
