import { MongoBackend, MongoJobRepository, type MongoBackendConfig } from '@agendajs/mongo-backend';
import type { AgendaBackend, JobLogger, NotificationChannel } from 'agenda';
import { BatchingJobRepository } from './batching-job-repository.js';

export type BatchingMongoBackendConfig = MongoBackendConfig & {
  /** Due jobs one lock call locks at most (default 200; 0 or 1: one job per query, as Agenda does). */
  lockBatchSize?: number;
  /** A batch's unused locks could not be given back (they expire with their lock lifetime). */
  onReleaseError?: (error: unknown) => void;
};

export const DEFAULT_LOCK_BATCH_SIZE = 200;

/**
 * An Agenda backend: @agendajs/mongo-backend's MongoBackend (same configuration, same
 * collection, same documents), with its repository replaced by BatchingJobRepository, which
 * shares round trips between jobs (batch locking, coalesced state saves and removals) and adds
 * bulk inserts of keyed jobs. Connection, job logger and notifications are MongoBackend's.
 *
 *     new Agenda({ backend: new BatchingMongoBackend({ mongo: db }) })
 */
export class BatchingMongoBackend implements AgendaBackend {
  readonly name = 'MongoDB (batching)';
  readonly repository: BatchingJobRepository;
  private readonly mongo: MongoBackend;

  constructor(config: BatchingMongoBackendConfig) {
    const { lockBatchSize = DEFAULT_LOCK_BATCH_SIZE, onReleaseError, ...mongoConfig } = config;
    this.mongo = new MongoBackend(mongoConfig);
    const inner = this.mongo.repository;
    if (!(inner instanceof MongoJobRepository)) {
      throw new TypeError('@agendajs/mongo-backend no longer gives a MongoJobRepository: check its version');
    }
    this.repository = new BatchingJobRepository(inner, {
      lockBatchSize,
      ...(mongoConfig.sort ? { sort: mongoConfig.sort } : {}),
      ...(onReleaseError ? { onReleaseError } : {}),
    });
  }

  get notificationChannel(): NotificationChannel | undefined {
    return this.mongo.notificationChannel;
  }

  get logger(): JobLogger {
    return this.mongo.logger;
  }

  get ownsConnection(): boolean {
    return this.mongo.ownsConnection;
  }

  connect(): Promise<void> {
    return this.mongo.connect();
  }

  disconnect(): Promise<void> {
    return this.mongo.disconnect();
  }
}
