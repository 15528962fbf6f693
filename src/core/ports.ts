import type { AuditEvent, FileRef, Instance, Prompt } from './engine/types.js';
import type { InstanceId, PersonId, RunId } from './ids.js';

/**
 * The ports between the core and the world. Each has an in-memory fake (test/support/fakes)
 * and a MongoDB implementation (src/storage); one contract suite runs against both.
 */

export class VersionConflictError extends Error {
  constructor(
    readonly instanceId: InstanceId,
    readonly expectedVersion: number,
  ) {
    super(`instance ${instanceId} is no longer at version ${expectedVersion}`);
    this.name = 'VersionConflictError';
  }
}

export class DuplicateInstanceError extends Error {
  constructor(readonly instanceId: InstanceId) {
    super(`instance ${instanceId} already exists`);
    this.name = 'DuplicateInstanceError';
  }
}

export interface OpenTask {
  instance: Instance;
  runId: RunId;
}

export interface InstanceStore {
  /** A stable instance id for an idempotency key, so the same request never makes two instances. */
  idForKey(idempotencyKey: string): InstanceId;
  /** Stores a new instance with its first events and the prompts it must send. Throws DuplicateInstanceError. */
  create(instance: Instance, prompts: Prompt[]): Promise<void>;
  get(id: InstanceId): Promise<Instance | undefined>;
  /**
   * Saves the instance only if the stored one is still at `expectedVersion` (else throws
   * VersionConflictError), appending `events` and keeping `prompts` pending until delivered.
   */
  save(instance: Instance, expectedVersion: number, events: AuditEvent[], prompts: Prompt[]): Promise<void>;
  /** Prompts saved with an instance but not yet handed to the outbox (after a crash). */
  pendingPrompts(limit: number): Promise<Prompt[]>;
  /**
   * Takes queued prompts off the pending list. A store may gather these for a moment and write
   * them together; `pendingPrompts` waits for this process's own first.
   */
  markPromptsQueued(instanceId: InstanceId, promptIds: string[]): Promise<void>;
  findByAgendaNumber(agendaNumber: string): Promise<Instance | undefined>;
  /** Open runs assigned to the person, across active instances. */
  openTasksFor(personId: PersonId): Promise<OpenTask[]>;
  /** Active instances with at least one open run (time standards, reconciliation). */
  listActive(limit: number): Promise<Instance[]>;
  listForUnit(unitId: string, limit: number): Promise<Instance[]>;
}

/** The agenda books: one number sequence per book and year. */
export interface AgendaBook {
  /**
   * The next number in the sequence. Calls with the same claim key get the same number, so a
   * retried registration does not consume a second one.
   */
  claim(book: 'incoming' | 'outgoing', year: number, claimKey: string): Promise<number>;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxEntry {
  prompt: Prompt;
  status: OutboxStatus;
  attempts: number;
  notBefore: string;
  lastError?: string;
}

/** Messages to send are stored before they are sent; a platform outage delays them and loses none. */
export interface Outbox {
  /** Adds prompts; a prompt id already present is ignored. */
  enqueue(prompts: Prompt[]): Promise<void>;
  /** Takes up to `limit` due entries and leases them to this worker for `leaseMs`. */
  lease(limit: number, leaseMs: number, now: Date): Promise<OutboxEntry[]>;
  markSent(promptId: string): Promise<void>;
  retryLater(promptId: string, notBefore: Date, error: string): Promise<void>;
  markFailed(promptId: string, error: string): Promise<void>;
  counts(): Promise<Record<OutboxStatus, number>>;
}

export interface StoredFile {
  ref: FileRef;
  bytes: Buffer;
}

export interface FileStore {
  put(
    bytes: Buffer,
    meta: { name: string; mimeType: string; uploadedBy: PersonId; uploadedAt: Date },
  ): Promise<FileRef>;
  get(fileId: string): Promise<StoredFile | undefined>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
