import mongoose, { type Connection } from 'mongoose';
import { MongoPpkRegisterStore } from '../../src/features/ppk/mongo-register-store.js';
import { ppkRegisterContract } from '../support/contracts/ppk-register-contract.js';
import { testMongo } from '../support/mongo.js';

let connection: Connection;
let stopMongo: () => Promise<void>;

beforeAll(async () => {
  const mongo = await testMongo('pandu-ppk-register');
  stopMongo = () => mongo.stop();
  connection = mongoose.createConnection(mongo.uri, { serverSelectionTimeoutMS: 10_000 });
  await connection.asPromise();
});

afterAll(async () => {
  await connection.close();
  await stopMongo();
});

ppkRegisterContract('MongoDB (mongoose)', async () => {
  const store = new MongoPpkRegisterStore(connection);
  await connection.collection('ppk_register').deleteMany({});
  await connection.collection('ppk_verified_lists').deleteMany({});
  return store;
});
