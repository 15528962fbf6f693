import { MongoDelegationStore } from '../../src/features/time-standards/delegations.js';
import { MongoDisruptionStore } from '../../src/features/time-standards/disruptions.js';
import { connectMongoStorage, type MongoStorage } from '../../src/storage/mongo-storage.js';
import { describeTimeStandardsStoresContract } from '../support/contracts/time-standards-contract.js';
import { MemoryDelegationStore, MemoryDisruptionStore } from '../support/fakes/memory-time-standards.js';
import { testMongo } from '../support/mongo.js';

describeTimeStandardsStoresContract('in memory', () =>
  Promise.resolve({ delegations: new MemoryDelegationStore(), disruptions: new MemoryDisruptionStore() }),
);

let storage: MongoStorage;
let stopMongo: () => Promise<void>;

describeTimeStandardsStoresContract(
  'MongoDB',
  async () => {
    const mongo = await testMongo('pandu-time-stores');
    stopMongo = () => mongo.stop();
    storage = await connectMongoStorage(mongo.uri);
    const db = storage.connection.db;
    if (!db) throw new Error('no database');
    return { delegations: new MongoDelegationStore(db), disruptions: new MongoDisruptionStore(db) };
  },
  async () => {
    await storage.close();
    await stopMongo();
  },
);
