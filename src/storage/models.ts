import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * The collections. Instances are one document each (state, audit trail, pending prompts),
 * changed by version-checked updates; nothing relies on multi-document transactions.
 */

export interface InstanceDoc {
  _id: Types.ObjectId;
  version: number;
  status: string;
  flowId: string;
  subject: string;
  requesterUnitId: string;
  handlingUnitId: string;
  agendaIncoming?: string;
  agendaOutgoing?: string;
  /** People with an open run, for "my tasks" queries. */
  openAssignees: string[];
  /** Everything else of the instance, as the core defines it. */
  state: Record<string, unknown>;
  events: unknown[];
  pending: unknown[];
  createdAt: Date;
  updatedAt: Date;
}

export interface CounterDoc {
  _id: Types.ObjectId;
  key: string;
  seq: number;
}

export interface AgendaClaimDoc {
  _id: Types.ObjectId;
  claimKey: string;
  book: string;
  year: number;
  seq: number;
  /** Given up in favour of a lower number of the same letter; the next letter takes it. */
  free?: boolean;
  claimedAt: Date;
}

/** A letter's turn at the agenda book: who is taking its number, and the number once taken. */
export interface AgendaLetterDoc {
  _id: Types.ObjectId;
  claimKey: string;
  token: string;
  startedAt: Date;
  seq?: number | null;
}

export interface OutboxDoc {
  _id: Types.ObjectId;
  promptId: string;
  prompt: Record<string, unknown>;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  notBefore: Date;
  leasedUntil: Date;
  /** The lease that claimed it last (see MongoOutbox.lease). */
  leaseToken?: string;
  lastError?: string;
  /** When it was given up on (marked failed). */
  failedAt?: Date;
  createdAt: Date;
  /** Order within the same millisecond: prompts of one decision go out in the order it made them. */
  seq: number;
}

export interface PreferenceFields {
  locale?: string;
  preferredChannel?: string;
  lastChannel?: string;
  notify?: string;
}

export interface IdentityDoc {
  _id: Types.ObjectId;
  personId: string;
  channel: string;
  userId: string;
  chatId?: string;
  /** A copy of the person's preferences at revision `prefsRev` (mongo-identity-store.ts). */
  prefs?: PreferenceFields;
  prefsRev?: number;
}

export interface PreferenceDoc extends PreferenceFields {
  _id: Types.ObjectId;
  personId: string;
  /** Counts the changes: an account's copy is replaced only by a later one. */
  rev?: number;
}

export interface InviteDoc {
  _id: Types.ObjectId;
  code: string;
  personId: string;
  expiresAt: Date;
  usedAt?: Date | null;
}

export interface DeliveryDoc {
  _id: Types.ObjectId;
  key: string;
  at: Date;
}

const mixed = Schema.Types.Mixed;

export function registerModels(connection: Connection) {
  // Each connection gets its own models (tests open several connections in one process).
  const model = <T>(name: string, schema: Schema<T>): Model<T> =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema as never);

  const instanceSchema = new Schema<InstanceDoc>(
    {
      version: { type: Number, required: true },
      status: { type: String, required: true, index: true },
      flowId: String,
      subject: String,
      requesterUnitId: { type: String, index: true },
      handlingUnitId: { type: String, index: true },
      agendaIncoming: { type: String, index: true },
      agendaOutgoing: { type: String, index: true },
      openAssignees: { type: [String], index: true },
      state: { type: mixed, required: true },
      events: { type: [mixed], default: [] },
      pending: { type: [mixed], default: [] },
      createdAt: Date,
      updatedAt: Date,
    },
    { collection: 'instances', minimize: false, versionKey: false },
  );
  // The compliance report reads a flow's instances changed in a period; the open-work list a status's assignees.
  instanceSchema.index({ flowId: 1, updatedAt: 1 });
  instanceSchema.index({ status: 1, openAssignees: 1 });
  const Instance = model<InstanceDoc>('Instance', instanceSchema);
  const Counter = model<CounterDoc>(
    'Counter',
    new Schema<CounterDoc>(
      { key: { type: String, unique: true }, seq: Number },
      { collection: 'counters', versionKey: false },
    ),
  );
  const agendaClaimSchema = new Schema<AgendaClaimDoc>(
    {
      claimKey: { type: String, index: true },
      book: String,
      year: Number,
      seq: Number,
      free: Boolean,
      claimedAt: Date,
    },
    { collection: 'agenda_claims', versionKey: false },
  );
  // The highest number of a book and year, and its lowest free one.
  agendaClaimSchema.index({ book: 1, year: 1, seq: 1 }, { unique: true });
  agendaClaimSchema.index({ book: 1, year: 1, free: 1, seq: 1 });
  const AgendaClaim = model<AgendaClaimDoc>('AgendaClaim', agendaClaimSchema);
  const AgendaLetter = model<AgendaLetterDoc>(
    'AgendaLetter',
    new Schema<AgendaLetterDoc>(
      { claimKey: String, token: String, startedAt: Date, seq: Number },
      { collection: 'agenda_letters', versionKey: false },
    ),
  );
  const Outbox = model<OutboxDoc>(
    'Outbox',
    new Schema<OutboxDoc>(
      {
        promptId: { type: String, unique: true },
        prompt: { type: mixed, required: true },
        status: { type: String, index: true },
        attempts: Number,
        notBefore: Date,
        leasedUntil: Date,
        leaseToken: String,
        lastError: String,
        failedAt: Date,
        createdAt: Date,
        seq: Number,
      },
      { collection: 'outbox', minimize: false, versionKey: false },
    ).index(
      // The dispatcher's lease: the pending entries, oldest first (notBefore and leasedUntil are
      // tested on what the index hands out, in its order, so no sort in memory).
      { status: 1, createdAt: 1, seq: 1, _id: 1 },
    ),
  );
  const Identity = model<IdentityDoc>(
    'Identity',
    new Schema<IdentityDoc>(
      {
        personId: { type: String, index: true },
        channel: String,
        userId: String,
        chatId: String,
        prefs: { _id: false, locale: String, preferredChannel: String, lastChannel: String, notify: String },
        prefsRev: Number,
      },
      { collection: 'identities', versionKey: false },
    ),
  );
  const Preference = model<PreferenceDoc>(
    'Preference',
    new Schema<PreferenceDoc>(
      {
        personId: { type: String, unique: true },
        locale: String,
        preferredChannel: String,
        lastChannel: String,
        notify: String,
        rev: Number,
      },
      { collection: 'preferences', versionKey: false },
    ),
  );
  const Invite = model<InviteDoc>(
    'Invite',
    new Schema<InviteDoc>(
      {
        code: { type: String, unique: true },
        personId: String,
        expiresAt: Date,
        usedAt: { type: Date, default: null },
      },
      { collection: 'invites', versionKey: false },
    ),
  );
  const Delivery = model<DeliveryDoc>(
    'Delivery',
    new Schema<DeliveryDoc>(
      { key: String, at: { type: Date, expires: 7 * 24 * 3600 } },
      { collection: 'deliveries', versionKey: false },
    ),
  );
  return { Instance, Counter, AgendaClaim, AgendaLetter, Outbox, Identity, Preference, Invite, Delivery };
}

export type Models = ReturnType<typeof registerModels>;
