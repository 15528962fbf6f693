import { MongoBackend } from '@agendajs/mongo-backend';
import {
  BatchingMongoBackend,
  DEFAULT_LOCK_BATCH_SIZE,
} from '../../src/scheduling/batching-mongo-backend.js';
import { agendaBackendContract } from '../support/contracts/agenda-backend-contract.js';

/** The plain backend sets what the contract expects; Pandu's must behave the same. */
agendaBackendContract({ name: 'plain MongoBackend', create: (db) => new MongoBackend({ mongo: db }) });
agendaBackendContract({
  name: `BatchingMongoBackend (batches of ${DEFAULT_LOCK_BATCH_SIZE}, as in production)`,
  create: (db) => new BatchingMongoBackend({ mongo: db }),
});
// Batches smaller than the jobs due: several batches per name, a buffer carried between calls.
agendaBackendContract({
  name: 'BatchingMongoBackend (batches of 2)',
  create: (db) => new BatchingMongoBackend({ mongo: db, lockBatchSize: 2 }),
});
