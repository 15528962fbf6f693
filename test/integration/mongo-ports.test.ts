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
