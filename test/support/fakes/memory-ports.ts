import { createHash, randomUUID } from 'node:crypto';
import type { FileRef } from '../../../src/core/engine/types.js';
import type {
  AgendaBook,
  Clock,
  FileStore,
  Outbox,
  OutboxEntry,
  OutboxStatus,
  StoredFile,
} from '../../../src/core/ports.js';
import type {
  ChatIdentity,
  DeliveryLog,
  IdentityStore,
  LinkedAccount,
  InviteStore,
  PersonPreferences,
  RedeemResult,
} from '../../../src/chat/ports.js';
import type { Prompt } from '../../../src/core/engine/types.js';

/** In-memory fakes of the core's ports, for unit tests. */

export class MemoryAgendaBook implements AgendaBook {
  private readonly counters = new Map<string, number>();
  private readonly claims = new Map<string, number>();

  claim(book: 'incoming' | 'outgoing', year: number, claimKey: string): Promise<number> {
    const existing = this.claims.get(claimKey);
    if (existing !== undefined) return Promise.resolve(existing);
    const key = `${book}:${year}`;
    const next = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, next);
    this.claims.set(claimKey, next);
    return Promise.resolve(next);
  }
}

export class MemoryOutbox implements Outbox {
  readonly entries = new Map<string, OutboxEntry & { leasedUntil?: number }>();

  enqueue(prompts: Prompt[]): Promise<void> {
    for (const prompt of prompts) {
      if (!this.entries.has(prompt.id)) {
        this.entries.set(prompt.id, {
          prompt,
          status: 'pending',
          attempts: 0,
          notBefore: new Date(0).toISOString(),
        });
      }
    }
    return Promise.resolve();
  }

  lease(limit: number, leaseMs: number, now: Date): Promise<OutboxEntry[]> {
    const due = [...this.entries.values()]
      .filter(
        (e) =>
          e.status === 'pending' && e.notBefore <= now.toISOString() && (e.leasedUntil ?? 0) <= now.getTime(),
      )
      .slice(0, limit);
    for (const entry of due) {
      entry.leasedUntil = now.getTime() + leaseMs;
      entry.attempts += 1;
    }
    return Promise.resolve(due.map((e) => structuredClone(e)));
  }

  markSent(promptId: string): Promise<void> {
    const entry = this.entries.get(promptId);
    if (entry) entry.status = 'sent';
    return Promise.resolve();
  }

  retryLater(promptId: string, notBefore: Date, error: string): Promise<void> {
    const entry = this.entries.get(promptId);
    if (entry) Object.assign(entry, { notBefore: notBefore.toISOString(), lastError: error, leasedUntil: 0 });
    return Promise.resolve();
  }

  markFailed(promptId: string, error: string): Promise<void> {
    const entry = this.entries.get(promptId);
    if (entry) Object.assign(entry, { status: 'failed', lastError: error });
    return Promise.resolve();
  }

  counts(): Promise<Record<OutboxStatus, number>> {
    const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
    for (const entry of this.entries.values()) counts[entry.status] += 1;
    return Promise.resolve(counts);
  }

  /** Test helper: every prompt enqueued, in order. */
  prompts(): Prompt[] {
    return [...this.entries.values()].map((e) => e.prompt);
  }
}

export class MemoryIdentityStore implements IdentityStore {
  private readonly links: Array<{ personId: string } & ChatIdentity> = [];
  private readonly prefs = new Map<string, PersonPreferences>();

  link(personId: string, identity: ChatIdentity): Promise<void> {
    const index = this.links.findIndex((l) => l.channel === identity.channel && l.userId === identity.userId);
    if (index >= 0) this.links.splice(index, 1);
    this.links.push({ personId, ...identity });
    return Promise.resolve();
  }

  findPerson(channel: ChatIdentity['channel'], userId: string): Promise<string | undefined> {
    return Promise.resolve(this.links.find((l) => l.channel === channel && l.userId === userId)?.personId);
  }

  account(channel: ChatIdentity['channel'], userId: string): Promise<LinkedAccount | undefined> {
    const link = this.links.find((l) => l.channel === channel && l.userId === userId);
    if (!link) return Promise.resolve(undefined);
    return Promise.resolve({
      personId: link.personId,
      ...(link.chatId ? { chatId: link.chatId } : {}),
      preferences: { ...(this.prefs.get(link.personId) ?? {}) },
    });
  }

  identitiesOf(personId: string): Promise<ChatIdentity[]> {
    return Promise.resolve(this.linksOf(personId));
  }

  identitiesOfMany(personIds: readonly string[]): Promise<Map<string, ChatIdentity[]>> {
    return Promise.resolve(new Map(personIds.map((id) => [id, this.linksOf(id)])));
  }

  private linksOf(personId: string): ChatIdentity[] {
    return this.links
      .filter((l) => l.personId === personId)
      .map(({ channel, userId, chatId }) => ({ channel, userId, ...(chatId ? { chatId } : {}) }));
  }

  preferences(personId: string): Promise<PersonPreferences> {
    return Promise.resolve({ ...(this.prefs.get(personId) ?? {}) });
  }

  preferencesOfMany(personIds: readonly string[]): Promise<Map<string, PersonPreferences>> {
    return Promise.resolve(new Map(personIds.map((id) => [id, { ...(this.prefs.get(id) ?? {}) }])));
  }

  setPreferences(personId: string, changes: PersonPreferences): Promise<void> {
    this.prefs.set(personId, { ...(this.prefs.get(personId) ?? {}), ...changes });
    return Promise.resolve();
  }
}

export class MemoryInviteStore implements InviteStore {
  private readonly invites = new Map<string, { personId: string; expiresAt: Date; used: boolean }>();

  issue(personId: string, code: string, expiresAt: Date): Promise<void> {
    this.invites.set(code, { personId, expiresAt, used: false });
    return Promise.resolve();
  }

  redeem(code: string, now: Date): Promise<RedeemResult> {
    const invite = this.invites.get(code);
    if (!invite) return Promise.resolve({ ok: false, reason: 'unknown' });
    if (invite.used) return Promise.resolve({ ok: false, reason: 'used' });
    if (invite.expiresAt <= now) return Promise.resolve({ ok: false, reason: 'expired' });
    invite.used = true;
    return Promise.resolve({ ok: true, personId: invite.personId });
  }
}

export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, StoredFile>();

  put(
    bytes: Buffer,
    meta: { name: string; mimeType: string; uploadedBy: string; uploadedAt: Date },
  ): Promise<FileRef> {
    const ref: FileRef = {
      fileId: randomUUID(),
      name: meta.name,
      size: bytes.length,
      mimeType: meta.mimeType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: meta.uploadedBy,
      uploadedAt: meta.uploadedAt.toISOString(),
    };
    this.files.set(ref.fileId, { ref, bytes: Buffer.from(bytes) });
    return Promise.resolve(ref);
  }

  get(fileId: string): Promise<StoredFile | undefined> {
    return Promise.resolve(this.files.get(fileId));
  }
}

export class MemoryDeliveryLog implements DeliveryLog {
  private readonly keys = new Set<string>();

  firstTime(key: string): Promise<boolean> {
    if (this.keys.has(key)) return Promise.resolve(false);
    this.keys.add(key);
    return Promise.resolve(true);
  }

  seen(key: string): Promise<boolean> {
    return Promise.resolve(this.keys.has(key));
  }

  handled(key: string): Promise<void> {
    this.keys.add(key);
    return Promise.resolve();
  }
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
