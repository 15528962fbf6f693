import { createHash, randomBytes } from 'node:crypto';
import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { OutgoingButton, OutgoingMessage } from '../../chat/types.js';
import { objectIdForKey } from '../../storage/object-ids.js';

/** A message of a person's web conversation: from Pandu, or what the person typed or sent. */
export interface WebMessage {
  id: string;
  from: 'pandu' | 'me';
  lines: string[];
  parts: number[];
  buttons: OutgoingButton[][];
  files: Array<{ id: string; name: string; size: number }>;
  at: string;
}

interface MessageDoc {
  _id: Types.ObjectId;
  personId: string;
  from: 'pandu' | 'me';
  lines: string[];
  parts: number[];
  buttons: OutgoingButton[][];
  files: Array<{ id: string; name: string; size: number }>;
  at: Date;
  /** The order of the conversation (milliseconds × 1000 + a counter: later is larger). */
  seq: number;
}

let lastSeq = 0;
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

interface SessionDoc {
  _id: Types.ObjectId;
  /** The web accounts this browser signed in as (one in real use; several in the playground). */
  accounts: Array<{ personId: string; accountId: string }>;
  expiresAt: Date;
}

interface AccountDoc {
  _id: Types.ObjectId;
  accountId: string;
  personId: string;
}

interface FileDoc {
  _id: Types.ObjectId;
  personId: string;
  name: string;
  mimeType: string;
  bytes: Buffer;
}

export interface AuditEntry {
  kind: 'sign-in' | 'sign-in-refused' | 'sign-out';
  how: 'invite' | 'link' | 'playground';
  personId?: string;
  reason?: string;
  ip: string;
}

/** How long a web session lasts without use. */
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** How much of a conversation a page loads. */
const HISTORY = 200;

/**
 * The web channel's own records, in the service's database: sessions (stored by a hash of their
 * cookie), web accounts (which person each is), every person's conversation, the files in it, and
 * the sign-in audit log.
 */
export class WebStore {
  private readonly sessions: Model<SessionDoc>;
  private readonly accounts: Model<AccountDoc>;
  private readonly messages: Model<MessageDoc>;
  private readonly files: Model<FileDoc>;
  private readonly audit: Model<AuditEntry & { at: Date }>;

  constructor(connection: Connection) {
    const model = <T>(name: string, schema: Schema<T>): Model<T> =>
      (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
    this.sessions = model(
      'WebSession',
      new Schema<SessionDoc>(
        { accounts: [{ _id: false, personId: String, accountId: String }], expiresAt: Date },
        { collection: 'web_sessions', versionKey: false },
      ),
    );
    this.accounts = model(
      'WebAccount',
      new Schema<AccountDoc>(
        { accountId: String, personId: String },
        { collection: 'web_accounts', versionKey: false },
      ),
    );
    this.messages = model(
      'WebMessage',
      new Schema<MessageDoc>(
        {
          personId: { type: String, index: true },
          from: String,
          lines: [String],
          parts: [Number],
          buttons: Schema.Types.Mixed,
          files: Schema.Types.Mixed,
          at: Date,
          seq: Number,
        },
        { collection: 'web_messages', versionKey: false },
      ),
    );
    this.files = model(
      'WebFile',
      new Schema<FileDoc>(
        { personId: String, name: String, mimeType: String, bytes: Buffer },
        { collection: 'web_files', versionKey: false },
      ),
    );
    this.audit = model(
      'WebAudit',
      new Schema<AuditEntry & { at: Date }>(
        { kind: String, how: String, personId: String, reason: String, ip: String, at: Date },
        { collection: 'web_audit', versionKey: false },
      ),
    );
  }

  /** A new session; the cookie value is returned, only its hash is stored. */
  async createSession(now: Date): Promise<string> {
    const cookie = randomBytes(32).toString('base64url');
    await this.sessions.create({
      _id: sessionKey(cookie),
      accounts: [],
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    return cookie;
  }

  /** The session's accounts, or undefined when the cookie names no live session. */
  async session(cookie: string | undefined, now: Date): Promise<SessionDoc['accounts'] | undefined> {
    if (!cookie || cookie.length > 100) return undefined;
    const doc = await this.sessions.findById(sessionKey(cookie)).lean();
    if (!doc || doc.expiresAt <= now) return undefined;
    return doc.accounts;
  }

  async addAccount(cookie: string, personId: string, accountId: string): Promise<void> {
    await this.accounts.updateOne(
      { _id: objectIdForKey(`web-account:${accountId}`) },
      { $set: { accountId, personId } },
      { upsert: true },
    );
    await this.sessions.updateOne({ _id: sessionKey(cookie) }, { $pull: { accounts: { personId } } });
    await this.sessions.updateOne(
      { _id: sessionKey(cookie) },
      { $push: { accounts: { personId, accountId } } },
    );
  }

  async endSession(cookie: string): Promise<void> {
    await this.sessions.deleteOne({ _id: sessionKey(cookie) });
  }

  async personOfAccount(accountId: string): Promise<string | undefined> {
    return (await this.accounts.findById(objectIdForKey(`web-account:${accountId}`)).lean())?.personId;
  }

  async addMessage(
    personId: string,
    from: WebMessage['from'],
    message: OutgoingMessage,
    files: WebMessage['files'] = [],
  ): Promise<WebMessage> {
    const doc = await this.messages.create({
      personId,
      from,
      lines: message.lines,
      parts: message.parts ?? [],
      buttons: message.buttons,
      files,
      at: new Date(),
      seq: nextSeq(),
    });
    return toMessage(doc.toObject());
  }

  /** Replaces a message's content; undefined when it is not that person's message. */
  async editMessage(personId: string, id: string, message: OutgoingMessage): Promise<WebMessage | undefined> {
    if (!Types.ObjectId.isValid(id) || !/^[0-9a-f]{24}$/.test(id)) return undefined;
    const doc = await this.messages
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id), personId },
        { $set: { lines: message.lines, parts: message.parts ?? [], buttons: message.buttons } },
        { returnDocument: 'after' },
      )
      .lean();
    return doc ? toMessage(doc) : undefined;
  }

  async history(personId: string): Promise<WebMessage[]> {
    const docs = await this.messages.find({ personId }).sort({ seq: -1 }).limit(HISTORY).lean();
    return docs.reverse().map(toMessage);
  }

  async addFile(personId: string, name: string, mimeType: string, bytes: Buffer): Promise<string> {
    const doc = await this.files.create({ personId, name, mimeType, bytes });
    return doc._id.toHexString();
  }

  /** A file of the person's conversation; undefined for anyone else's. */
  async file(personId: string, id: string): Promise<{ name: string; bytes: Buffer } | undefined> {
    if (!/^[0-9a-f]{24}$/.test(id)) return undefined;
    const doc = await this.files.findOne({ _id: new Types.ObjectId(id), personId }).lean();
    if (!doc) return undefined;
    const bytes: unknown = doc.bytes;
    return {
      name: doc.name,
      bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from((bytes as { buffer: Uint8Array }).buffer),
    };
  }

  async record(entry: AuditEntry, now: Date): Promise<void> {
    await this.audit.create({ ...entry, at: now });
  }

  async auditLog(): Promise<Array<AuditEntry & { at: Date }>> {
    return this.audit.find({}, { _id: 0 }).sort({ at: 1 }).lean();
  }
}

function sessionKey(cookie: string) {
  return objectIdForKey(`web-session:${createHash('sha256').update(cookie).digest('hex')}`);
}

function toMessage(doc: MessageDoc): WebMessage {
  return {
    id: doc._id.toHexString(),
    from: doc.from,
    lines: doc.lines,
    parts: doc.parts,
    buttons: doc.buttons,
    files: doc.files,
    at: doc.at.toISOString(),
  };
}
