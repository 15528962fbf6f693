import { createHash, randomBytes } from 'node:crypto';
import { Binary, MongoClient, type Db } from 'mongodb';
import {
  FileTooLargeToStoreError,
  MAX_STORED_FILE_BYTES,
  MongoFileStore,
  StoredFileCorruptError,
} from '../../src/storage/mongo-file-store.js';
import { connectMongoStorage, type MongoStorage } from '../../src/storage/mongo-storage.js';
import { describePortsContract } from '../support/contracts/ports-contract.js';
import { testMongo } from '../support/mongo.js';

let storage: MongoStorage;
let stopMongo: () => Promise<void>;

describePortsContract(
  'MongoDB (mongoose)',
  async () => {
    const mongo = await testMongo('pandu-contract');
    stopMongo = () => mongo.stop();
    storage = await connectMongoStorage(mongo.uri);
    return storage;
  },
  async () => {
    await storage.close();
    await stopMongo();
  },
);

describe('files in GridFS', () => {
  let mongo: Awaited<ReturnType<typeof testMongo>>;
  let files: MongoFileStore;
  let db: Db;
  beforeAll(async () => {
    mongo = await testMongo('pandu-gridfs');
    const client = await MongoClient.connect(mongo.uri);
    db = client.db();
    files = new MongoFileStore(db);
    closeClient = () => client.close();
  });
  let closeClient: () => Promise<void>;
  afterAll(async () => {
    await closeClient();
    await mongo.stop();
  });
  const meta = {
    name: 'daftar.xlsx',
    mimeType: 'application/octet-stream',
    uploadedBy: 'rina',
    uploadedAt: new Date(),
  };

  test('a file over several chunks comes back byte for byte, with its SHA-256', async () => {
    const bytes = randomBytes(600 * 1024);
    const ref = await files.put(bytes, meta);
    expect(ref.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await db.collection('files.chunks').countDocuments()).toBeGreaterThan(2);
    const back = await files.get(ref.fileId);
    expect(back?.ref).toEqual(ref);
    expect(back?.bytes.equals(bytes)).toBe(true);
    expect(await files.get('no-such-file')).toBeUndefined();
  });

  test('bytes changed in the store are refused, not handed out', async () => {
    const ref = await files.put(Buffer.from('isi asli'), meta);
    // The same length, other bytes: only the checksum can tell.
    const chunks = db.collection('files.chunks');
    const [chunk] = await chunks
      .find({
        files_id: (
          await db
            .collection('files.files')
            .findOne({ filename: meta.name, 'metadata.ref.fileId': ref.fileId })
        )?._id,
      })
      .toArray();
    if (!chunk) throw new Error('no chunk stored');
    await chunks.deleteOne({ _id: chunk._id });
    await chunks.insertOne({ ...chunk, data: new Binary(Buffer.from('isi lain')) });
    await expect(files.get(ref.fileId)).rejects.toBeInstanceOf(StoredFileCorruptError);
  });

  test('a file over the limit is refused before anything is stored', async () => {
    const before = await db.collection('files.files').countDocuments();
    await expect(files.put(Buffer.alloc(MAX_STORED_FILE_BYTES + 1), meta)).rejects.toBeInstanceOf(
      FileTooLargeToStoreError,
    );
    expect(await db.collection('files.files').countDocuments()).toBe(before);
  });
});
