import { createHash, randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { PersonId } from '../../../core/ids.js';

export const SESSIONS_COLLECTION = 'dashboard_sessions';
export const SIGN_INS_COLLECTION = 'dashboard_sign_ins';
/** How long a sign-in link works (once). */
export const SIGN_IN_TTL_MS = 10 * 60_000;
/** How long a dashboard session lasts. */
export const SESSION_TTL_MS = 12 * 3600_000;

export interface DashboardSession {
  personId: PersonId;
  /** The token every state-changing form must carry. */
  csrf: string;
  via: 'link' | 'mini-app';
}

interface SessionDoc {
  /** The SHA-256 of the cookie (the embedded database takes only ObjectIds as `_id`). */
  key: string;
  personId: string;
  csrf: string;
  via: DashboardSession['via'];
  createdAt: Date;
  expiresAt: Date;
}

interface SignInDoc {
  key: string;
  personId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A fresh secret: 32 random bytes, base64url. */
function secret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only a hash of a token is stored: the database alone signs nobody in. */
function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Dashboard sign-ins and sessions in MongoDB: a sign-in token (from `/dasbor` or App Home) works
 * once within 10 minutes and becomes a session; a session lasts 12 hours. Both collections have a
 * TTL index on `expiresAt`, and every read also checks the time, as the TTL monitor is lazy.
 * Times are the wall clock's: this is bookkeeping of the server, not of the office.
 */
export class DashboardSessions {
  private readonly sessions: Collection<SessionDoc>;
  private readonly signIns: Collection<SignInDoc>;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sessions = db.collection<SessionDoc>(SESSIONS_COLLECTION);
    this.signIns = db.collection<SignInDoc>(SIGN_INS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.sessions.createIndex({ key: 1 }, { unique: true });
    await this.sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    await this.signIns.createIndex({ key: 1 }, { unique: true });
    await this.signIns.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  }

  /** A one-time sign-in token for the person. */
  async issueSignIn(personId: PersonId): Promise<string> {
    const token = secret();
    const now = this.now();
    await this.signIns.insertOne({
      key: hashOf(token),
      personId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_IN_TTL_MS),
    });
    return token;
  }

  /** Uses a sign-in token up: the person it was for, once, while it is fresh; else undefined. */
  async redeemSignIn(token: string): Promise<PersonId | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const doc = await this.signIns.findOneAndDelete({ key: hashOf(token) });
    if (!doc || doc.expiresAt.getTime() <= this.now().getTime()) return undefined;
    return doc.personId;
  }

  /** Starts a session; the cookie value is returned, the database keeps its hash. */
  async start(personId: PersonId, via: DashboardSession['via']): Promise<{ cookie: string; csrf: string }> {
    const cookie = secret();
    const csrf = secret();
    const now = this.now();
    await this.sessions.insertOne({
      key: hashOf(cookie),
      personId,
      csrf,
      via,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    return { cookie, csrf };
  }

  async find(cookie: string | undefined): Promise<DashboardSession | undefined> {
    if (!cookie || !/^[A-Za-z0-9_-]{43}$/.test(cookie)) return undefined;
    const doc = await this.sessions.findOne({ key: hashOf(cookie) });
    if (!doc || doc.expiresAt.getTime() <= this.now().getTime()) return undefined;
    return { personId: doc.personId, csrf: doc.csrf, via: doc.via };
  }

  async end(cookie: string): Promise<void> {
    await this.sessions.deleteOne({ key: hashOf(cookie) });
  }
}
