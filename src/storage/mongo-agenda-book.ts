import { randomUUID } from 'node:crypto';
import type { AgendaBook } from '../core/ports.js';
import type { AgendaClaimDoc, AgendaLetterDoc, Models } from './models.js';
import { isDuplicateKeyError, objectIdForKey } from './object-ids.js';

type Book = 'incoming' | 'outgoing';

/** How often a claim may lose a race for a number before it gives up (never reached in practice). */
const MAX_ATTEMPTS = 10_000;
/** A letter's claim not finished within this long is taken over (its process is taken to be dead; if it
 * was only slow, the marker still decides which number is the letter's). */
const CLAIM_TAKEOVER_MS = 30_000;
const POLL_MS = 15;

/**
 * A gap-free agenda book on MongoDB without transactions or unique indexes. Every number of a
 * book and year is one document (a slot) whose `_id` comes from the number, so two claims can
 * never hold the same number (an `_id` is unique on every server), and the number and the letter
 * it belongs to are written in one atomic insert: a process that dies after taking a number
 * leaves it with its letter, which gets it back when it asks again. A number is only ever given
 * up in favour of a lower one of the same letter (two requests of one letter raced); it is then
 * marked free, and the next letter takes the lowest free number before a new one. Nothing is
 * skipped and nothing shared. `repair` (at start) frees what a process died before giving up.
 *
 * Requests of one letter take turns: the first inserts the letter's marker (its `_id` from the
 * claim key) and takes the number; the others wait for the marker to name it, and take over a
 * marker left unfinished for `CLAIM_TAKEOVER_MS` (its process died).
 */
export class MongoAgendaBook implements AgendaBook {
  constructor(private readonly models: Models) {}

  async claim(book: Book, year: number, claimKey: string): Promise<number> {
    const letterId = objectIdForKey(`agenda-letter:${claimKey}`);
    const token = randomUUID();
    for (;;) {
      const letter = await this.models.AgendaLetter.findById(letterId).lean<AgendaLetterDoc>();
      if (letter?.seq !== undefined && letter.seq !== null) return letter.seq;
      if (!letter) {
        const held = await this.held(claimKey);
        // Taken before letters had markers.
        if (held[0]) return held[0].seq;
        if (await this.insertLetter(letterId, claimKey, token)) break;
      } else if (Date.now() - letter.startedAt.getTime() > CLAIM_TAKEOVER_MS) {
        const taken = await this.models.AgendaLetter.updateOne(
          { _id: letterId, token: letter.token },
          { $set: { token, startedAt: new Date() } },
        );
        if (taken.modifiedCount > 0) break;
      } else {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
    const seq = await this.take(book, year, claimKey);
    // The letter's marker decides: the first number set on it is the letter's. A request that took
    // over a marker it thought dead (its holder was only slow) and finished second gives its own
    // number up and answers with the marker's, so one letter never answers with two numbers.
    const set = await this.models.AgendaLetter.updateOne(
      { _id: letterId, $or: [{ seq: { $exists: false } }, { seq: null }] },
      { $set: { seq } },
    );
    if (set.modifiedCount > 0) return seq;
    const decided = await this.models.AgendaLetter.findById(letterId).lean<AgendaLetterDoc>();
    const winner = decided?.seq;
    if (winner === undefined || winner === null || winner === seq) return seq;
    const mine = await this.models.AgendaClaim.findOne({ claimKey, seq, book, year }).lean<AgendaClaimDoc>();
    if (mine) await this.release(mine._id, claimKey);
    return winner;
  }

  private async insertLetter(letterId: AgendaLetterDoc['_id'], claimKey: string, token: string) {
    try {
      await this.models.AgendaLetter.collection.insertOne({
        _id: letterId,
        claimKey,
        token,
        startedAt: new Date(),
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** The letter's number: one a dead process took for it, else the lowest free or the next. */
  private async take(book: Book, year: number, claimKey: string): Promise<number> {
    const held = await this.held(claimKey);
    if (held[0]) return held[0].seq;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const taken =
        (await this.takeFree(book, year, claimKey)) ?? (await this.takeNext(book, year, claimKey));
      if (!taken) continue;
      // Another request of the same letter may have taken a number at the same time: the lowest stands.
      const mine = await this.held(claimKey);
      const winner = mine[0];
      if (winner && winner.seq !== taken.seq) await this.release(taken._id, claimKey);
      return winner?.seq ?? taken.seq;
    }
    throw new Error(`agenda book ${book} ${year}: no number after ${MAX_ATTEMPTS} attempts`);
  }

  /**
   * Frees the numbers a letter holds besides its lowest (left by a process that died between a
   * race and its outcome); returns how many were freed.
   */
  async repair(): Promise<number> {
    const held = await this.models.AgendaClaim.find({ free: { $ne: true } })
      .select({ claimKey: 1, seq: 1 })
      .lean();
    const lowest = new Map<string, number>();
    for (const slot of held) {
      const seen = lowest.get(slot.claimKey);
      if (seen === undefined || slot.seq < seen) lowest.set(slot.claimKey, slot.seq);
    }
    let freed = 0;
    for (const slot of held) {
      if (lowest.get(slot.claimKey) === slot.seq) continue;
      if (await this.release(slot._id, slot.claimKey)) freed++;
    }
    return freed;
  }

  /** The numbers a letter holds, lowest first. */
  private held(claimKey: string): Promise<AgendaClaimDoc[]> {
    return this.models.AgendaClaim.find({ claimKey, free: { $ne: true } })
      .sort({ seq: 1 })
      .lean<AgendaClaimDoc[]>()
      .exec();
  }

  /** The lowest number given up earlier, taken in one atomic update. */
  private async takeFree(book: Book, year: number, claimKey: string): Promise<AgendaClaimDoc | undefined> {
    const doc = await this.models.AgendaClaim.findOneAndUpdate(
      { book, year, free: true },
      { $set: { free: false, claimKey, claimedAt: new Date() } },
      { sort: { seq: 1 }, returnDocument: 'after' },
    ).lean<AgendaClaimDoc>();
    return doc ?? undefined;
  }

  /** The number after the highest, or nothing when another claim inserted it first. */
  private async takeNext(book: Book, year: number, claimKey: string): Promise<AgendaClaimDoc | undefined> {
    const top = await this.models.AgendaClaim.findOne({ book, year })
      .sort({ seq: -1 })
      .select({ seq: 1 })
      .lean<Pick<AgendaClaimDoc, 'seq'>>();
    const seq = (top?.seq ?? 0) + 1;
    const doc: AgendaClaimDoc = {
      _id: objectIdForKey(`agenda-slot:${book}:${year}:${seq}`),
      claimKey,
      book,
      year,
      seq,
      free: false,
      claimedAt: new Date(),
    };
    try {
      await this.models.AgendaClaim.collection.insertOne(doc);
      return doc;
    } catch (error) {
      if (isDuplicateKeyError(error)) return undefined;
      throw error;
    }
  }

  private async release(id: AgendaClaimDoc['_id'], claimKey: string): Promise<boolean> {
    const result = await this.models.AgendaClaim.updateOne(
      { _id: id, claimKey },
      { $set: { free: true }, $unset: { claimKey: 1 } },
    );
    return result.modifiedCount > 0;
  }
}
