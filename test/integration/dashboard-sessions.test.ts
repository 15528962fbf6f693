import { MongoClient } from 'mongodb';
import {
  DashboardSessions,
  SESSION_TTL_MS,
  SESSIONS_COLLECTION,
  SIGN_IN_TTL_MS,
  SIGN_INS_COLLECTION,
} from '../../src/features/reports/dashboard/sessions.js';
import { testMongo } from '../support/mongo.js';

/** The dashboard's sign-in tokens and sessions on MongoDB: once, within their time, only hashes stored. */
describe('dashboard sign-ins and sessions', () => {
  let client: MongoClient;
  let stop: () => Promise<void>;
  let now = new Date('2026-12-01T03:00:00Z');
  let sessions: DashboardSessions;

  beforeAll(async () => {
    const mongo = await testMongo('pandu-dashboard-sessions');
    stop = () => mongo.stop();
    client = await MongoClient.connect(mongo.uri);
    sessions = new DashboardSessions(client.db(), () => now);
    await sessions.ensureIndexes();
  });

  afterAll(async () => {
    await client?.close();
    await stop?.();
  });

  test('a sign-in token works once; the database holds only its hash', async () => {
    const token = await sessions.issueSignIn('sari');
    const stored = await client.db().collection(SIGN_INS_COLLECTION).find({}).toArray();
    expect(JSON.stringify(stored)).not.toContain(token);
    const [first, second] = await Promise.all([sessions.redeemSignIn(token), sessions.redeemSignIn(token)]);
    expect([first, second].sort()).toEqual(['sari', undefined].sort());
    expect(await sessions.redeemSignIn(token)).toBeUndefined();
  });

  test('a sign-in token older than 10 minutes, a malformed one and an unknown one sign nobody in', async () => {
    const token = await sessions.issueSignIn('sari');
    now = new Date(now.getTime() + SIGN_IN_TTL_MS + 1000);
    expect(await sessions.redeemSignIn(token)).toBeUndefined();
    expect(await sessions.redeemSignIn('x')).toBeUndefined();
    expect(await sessions.redeemSignIn('{"$ne":null}')).toBeUndefined();
    expect(await sessions.redeemSignIn('A'.repeat(43))).toBeUndefined();
  });

  test('a session is found by its cookie until it ends or expires; its CSRF token stays with it', async () => {
    const { cookie, csrf } = await sessions.start('hendra', 'link');
    expect(await sessions.find(cookie)).toEqual({ personId: 'hendra', csrf, via: 'link' });
    const stored = await client.db().collection(SESSIONS_COLLECTION).find({}).toArray();
    expect(JSON.stringify(stored)).not.toContain(cookie);
    await sessions.end(cookie);
    expect(await sessions.find(cookie)).toBeUndefined();

    const later = await sessions.start('hendra', 'mini-app');
    now = new Date(now.getTime() + SESSION_TTL_MS + 1000);
    expect(await sessions.find(later.cookie)).toBeUndefined();
    expect(await sessions.find(undefined)).toBeUndefined();
  });

  test('both collections expire their documents by a TTL index on expiresAt', async () => {
    for (const name of [SESSIONS_COLLECTION, SIGN_INS_COLLECTION]) {
      const indexes = await client.db().collection(name).indexes();
      expect(indexes.find((i) => i.key['expiresAt'] === 1)?.expireAfterSeconds).toBe(0);
    }
  });
});
