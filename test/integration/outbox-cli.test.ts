import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Types } from 'mongoose';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { connectMongoStorage, type MongoStorage } from '../../src/storage/mongo-storage.js';
import { REPO_ROOT } from '../support/paths.js';

const run = promisify(execFile);
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** Issue 15 (3): an admin sees what the outbox gave up on and sends it again. */
describe('pandu outbox (real processes, real store)', () => {
  let mongo: EmbeddedMongo;
  let storage: MongoStorage;
  beforeAll(async () => {
    mongo = await startEmbeddedMongo({ database: 'pandu-outbox-cli' });
    storage = await connectMongoStorage(mongo.uri);
  });
  afterAll(async () => {
    await storage.close();
    await mongo.stop();
  });

  async function pandu(args: string[]) {
    try {
      const { stdout, stderr } = await run(TSX, ['src/cli/main.ts', ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, LOG_LEVEL: 'silent', MONGODB_URI: mongo.uri },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  test('list --failed names the message and its error; retry queues it again, once', async () => {
    const id = new Types.ObjectId();
    await storage.models.Outbox.collection.insertOne({
      _id: id,
      promptId: 'p-1',
      prompt: { id: 'p-1', to: 'tuti', instanceId: 'inst-9', kind: 'task', lines: [], actions: [] },
      status: 'failed',
      attempts: 1,
      notBefore: new Date(0),
      leasedUntil: new Date(0),
      lastError: 'Bad Request: text must be encoded in UTF-8',
      createdAt: new Date(),
      seq: 0,
    });
    const listed = await pandu(['outbox', 'list', '--failed', '--lang', 'en']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(id.toHexString());
    expect(listed.stdout).toContain('to tuti');
    expect(listed.stdout).toContain('UTF-8');

    const retried = await pandu(['outbox', 'retry', id.toHexString(), '--lang', 'en']);
    expect([retried.code, retried.stdout.trim()]).toEqual([0, `✔ Message ${id.toHexString()} queued again.`]);
    expect(await storage.models.Outbox.findById(id).lean()).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await pandu(['outbox', 'retry', id.toHexString()])).code).toBe(1);
    expect((await pandu(['outbox', 'retry', 'not-an-id'])).code).toBe(2);
  }, 120_000);

  test('retry also takes the message’s own id, the one the notice in chat names', async () => {
    const id = new Types.ObjectId();
    await storage.models.Outbox.collection.insertOne({
      _id: id,
      promptId: 'inst-9:4:1',
      prompt: { id: 'inst-9:4:1', to: 'tuti', instanceId: 'inst-9', kind: 'task', lines: [], actions: [] },
      status: 'failed',
      attempts: 2,
      notBefore: new Date(0),
      leasedUntil: new Date(0),
      lastError: 'tuti has no linked chat account on an enabled channel',
      createdAt: new Date(),
      seq: 0,
    });
    const retried = await pandu(['outbox', 'retry', 'inst-9:4:1', '--lang', 'en']);
    expect([retried.code, retried.stdout.trim()]).toEqual([0, '✔ Message inst-9:4:1 queued again.']);
    expect(await storage.models.Outbox.findById(id).lean()).toMatchObject({ status: 'pending', attempts: 0 });
  }, 120_000);
});
