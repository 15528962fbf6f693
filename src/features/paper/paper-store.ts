import type { Collection, Db, ObjectId } from 'mongodb';
import type { InstanceId, PersonId } from '../../core/ids.js';
import type { LetterMetadata } from '../../files/paper/index.js';
import { isDuplicateKeyError, objectIdForKey } from '../../storage/object-ids.js';

/** What Pandu generated: a document kind, stored as a version of a step's output. */
export type PaperKind = 'lembar-disposisi' | 'nota-dinas' | 'nota-dinas-docx' | 'archive-summary' | 'archive';

/** One generated document: its file in the FileStore, its version among the step's outputs, its hash. */
export interface PaperDocument {
  /** The verification id (PDFs carry it in their QR code); for a DOCX, a random id too. */
  id: string;
  instanceId: InstanceId;
  kind: PaperKind;
  /** The step whose output it is. */
  stepId: string;
  /** 1, 2, …: one sequence per instance and kind. */
  version: number;
  agendaNumber: string;
  fileId: string;
  name: string;
  mimeType: string;
  bytes: number;
  sha256: string;
  generatedAt: string;
}

/** A letter's metadata as the requester gave it and TU confirmed or corrected it. */
export interface StoredLetter {
  instanceId: InstanceId;
  metadata: LetterMetadata;
  updatedAt: string;
  updatedBy: PersonId;
  /** Whether TU has confirmed it (at step 2). */
  confirmed: boolean;
}

/** A registration in a buku agenda. */
export interface AgendaRecord {
  book: 'incoming' | 'outgoing';
  year: number;
  agendaNumber: string;
  instanceId: InstanceId;
  at: string;
}

export interface PaperStore {
  addDocument(document: Omit<PaperDocument, 'version'>): Promise<PaperDocument>;
  document(id: string): Promise<PaperDocument | undefined>;
  /** Every version of every document of the instance, oldest first. */
  documentsOf(instanceId: InstanceId): Promise<PaperDocument[]>;
  /** Whether the document is the newest of its instance and kind. */
  isCurrent(document: PaperDocument): Promise<boolean>;
  letter(instanceId: InstanceId): Promise<StoredLetter | undefined>;
  /** The letters of many instances in one read (those that have one). */
  lettersOf(instanceIds: readonly InstanceId[]): Promise<StoredLetter[]>;
  saveLetter(letter: StoredLetter): Promise<void>;
  addAgendaRecord(record: AgendaRecord): Promise<void>;
  agendaRecords(book: 'incoming' | 'outgoing', year: number): Promise<AgendaRecord[]>;
}

type WithId<T> = T & { _id: ObjectId };
const key = (text: string): ObjectId => objectIdForKey(text);

/** The paper feature's three collections: `paper_documents`, `paper_letters`, `paper_agenda`. */
export class MongoPaperStore implements PaperStore {
  private readonly documents: Collection<WithId<PaperDocument>>;
  private readonly letters: Collection<WithId<StoredLetter>>;
  private readonly agenda: Collection<WithId<AgendaRecord>>;
  private indexed: Promise<unknown> | undefined;

  constructor(db: Db) {
    this.documents = db.collection('paper_documents');
    this.letters = db.collection('paper_letters');
    this.agenda = db.collection('paper_agenda');
  }

  private ready(): Promise<unknown> {
    this.indexed ??= Promise.all([
      this.documents.createIndex({ instanceId: 1, kind: 1, version: 1 }, { unique: true }),
      this.agenda.createIndex({ book: 1, year: 1, at: 1 }),
    ]);
    return this.indexed;
  }

  async addDocument(document: Omit<PaperDocument, 'version'>): Promise<PaperDocument> {
    await this.ready();
    // The unique index makes two writers of the same kind take distinct versions: retry on a clash.
    for (let attempt = 0; ; attempt++) {
      const last = await this.documents
        .find({ instanceId: document.instanceId, kind: document.kind })
        .sort({ version: -1 })
        .limit(1)
        .next();
      const stored: PaperDocument = { ...document, version: (last?.version ?? 0) + 1 };
      try {
        await this.documents.insertOne({ _id: key(`paper-document:${stored.id}`), ...stored });
        return stored;
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= 5) throw error;
      }
    }
  }

  async document(id: string): Promise<PaperDocument | undefined> {
    const found = await this.documents.findOne(
      { _id: key(`paper-document:${id}`) },
      { projection: { _id: 0 } },
    );
    return found ?? undefined;
  }

  async documentsOf(instanceId: InstanceId): Promise<PaperDocument[]> {
    return this.documents
      .find({ instanceId }, { projection: { _id: 0 } })
      .sort({ generatedAt: 1, version: 1 })
      .toArray();
  }

  async isCurrent(document: PaperDocument): Promise<boolean> {
    const newer = await this.documents.countDocuments(
      { instanceId: document.instanceId, kind: document.kind, version: { $gt: document.version } },
      { limit: 1 },
    );
    return newer === 0;
  }

  async letter(instanceId: InstanceId): Promise<StoredLetter | undefined> {
    const found = await this.letters.findOne(
      { _id: key(`paper-letter:${instanceId}`) },
      { projection: { _id: 0 } },
    );
    return found ?? undefined;
  }

  async lettersOf(instanceIds: readonly InstanceId[]): Promise<StoredLetter[]> {
    if (instanceIds.length === 0) return [];
    return this.letters
      .find({ _id: { $in: instanceIds.map((id) => key(`paper-letter:${id}`)) } }, { projection: { _id: 0 } })
      .toArray();
  }

  async saveLetter(letter: StoredLetter): Promise<void> {
    await this.letters.updateOne(
      { _id: key(`paper-letter:${letter.instanceId}`) },
      { $set: letter },
      { upsert: true },
    );
  }

  async addAgendaRecord(record: AgendaRecord): Promise<void> {
    await this.ready();
    const id = key(`paper-agenda:${record.book}:${record.agendaNumber}`);
    await this.agenda.updateOne({ _id: id }, { $setOnInsert: record }, { upsert: true });
  }

  async agendaRecords(book: 'incoming' | 'outgoing', year: number): Promise<AgendaRecord[]> {
    return this.agenda
      .find({ book, year }, { projection: { _id: 0 } })
      .sort({ at: 1 })
      .toArray();
  }
}
