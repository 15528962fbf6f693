import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { objectIdForKey } from '../../storage/object-ids.js';
import type { PpkRegisterStore, RegisterUnit, VerifiedList } from './register-store.js';

/** One document per unit and kind; the list itself is kept whole in `data`. */
interface RegisterDoc {
  _id: Types.ObjectId;
  unitId: string;
  /** When the kept data was verified or authenticated (later saves win). */
  at: Date;
  data: Record<string, unknown>;
}

function registerModel(connection: Connection, name: string, collection: string): Model<RegisterDoc> {
  const existing = connection.models[name] as Model<RegisterDoc> | undefined;
  return (
    existing ??
    connection.model<RegisterDoc>(
      name,
      new Schema<RegisterDoc>(
        { unitId: { type: String, index: true }, at: Date, data: Schema.Types.Mixed },
        { collection, versionKey: false, minimize: false },
      ),
    )
  );
}

/** The register and the verified lists in MongoDB: collections `ppk_register` and `ppk_verified_lists`. */
export class MongoPpkRegisterStore implements PpkRegisterStore {
  private readonly verified: Model<RegisterDoc>;
  private readonly register: Model<RegisterDoc>;

  constructor(connection: Connection) {
    this.verified = registerModel(connection, 'PpkVerifiedList', 'ppk_verified_lists');
    this.register = registerModel(connection, 'PpkRegisterUnit', 'ppk_register');
  }

  async lastVerified(unitId: string): Promise<VerifiedList | undefined> {
    const doc = await this.verified.findById(objectIdForKey(`ppk-verified:${unitId}`)).lean<RegisterDoc>();
    return doc ? (doc.data as unknown as VerifiedList) : undefined;
  }

  async saveVerified(list: VerifiedList): Promise<void> {
    await this.keepLatest(this.verified, `ppk-verified:${list.unitId}`, list.unitId, list.verifiedAt, list);
  }

  async unit(unitId: string): Promise<RegisterUnit | undefined> {
    const doc = await this.register.findById(objectIdForKey(`ppk-register:${unitId}`)).lean<RegisterDoc>();
    return doc ? (doc.data as unknown as RegisterUnit) : undefined;
  }

  async units(): Promise<RegisterUnit[]> {
    const docs = await this.register.find({}).lean<RegisterDoc[]>();
    return docs
      .map((doc) => doc.data as unknown as RegisterUnit)
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'id'));
  }

  async saveUnit(unit: RegisterUnit): Promise<void> {
    await this.keepLatest(this.register, `ppk-register:${unit.unitId}`, unit.unitId, unit.updatedAt, unit);
  }

  /** Writes the data unless the stored one is later; one document per key, so no duplicates. */
  private async keepLatest(
    model: Model<RegisterDoc>,
    key: string,
    unitId: string,
    at: string,
    data: object,
  ): Promise<void> {
    const _id = objectIdForKey(key);
    const when = new Date(at);
    const stored = await model.findById(_id).lean<RegisterDoc>();
    if (stored && stored.at > when) return;
    await model.updateOne(
      { _id },
      { $set: { unitId, at: when, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown> } },
      { upsert: true },
    );
  }
}
