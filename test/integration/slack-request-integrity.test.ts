/**
 * Issue 15 (5): requests to the Slack endpoint, on the real store (seen signatures in MongoDB):
 * timestamps in the future, replayed signatures, malformed bodies and payloads without a user.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ChannelModule } from '../../src/channels/channel.js';
import { slackChannel } from '../../src/channels/slack/slack-channel.js';
import { loadConfig } from '../../src/config/env.js';
import { createHttpServer, listen } from '../../src/http/http-server.js';
import { connectMongoStorage, type MongoStorage } from '../../src/storage/mongo-storage.js';
import { createChatRig } from '../support/chat-rig.js';
import { testMongo } from '../support/mongo.js';
import {
  dmMessageEvent,
  postToApp,
  signedEventRequest,
  signedSlashCommand,
  signRequest,
  SlackWebApiStandIn,
  type SigningOptions,
} from '../support/slack/index.js';

const SIGNING_SECRET = 'integrity-signing-secret';
const signing: SigningOptions = { signingSecret: SIGNING_SECRET };
const FORM = 'application/x-www-form-urlencoded';
const STRANGER = 'U0000NOBODY';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Slack requests refused before anything is applied', () => {
  const standIn = new SlackWebApiStandIn();
  let mongo: Awaited<ReturnType<typeof testMongo>>;
  let storage: MongoStorage;
  let other: MongoStorage;
  let channel: ChannelModule;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    await standIn.start();
    mongo = await testMongo('pandu-slack-integrity');
    storage = await connectMongoStorage(mongo.uri);
    other = await connectMongoStorage(mongo.uri);
    const rig = createChatRig({ uploadMaxBytes: 2048 });
    const built = await slackChannel({ clientOptions: { retryConfig: { retries: 0 } } })({
      ...rig.channelDeps(
        loadConfig({
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: standIn.apiUrl,
        }),
      ),
      deliveries: storage.deliveries,
    });
    if ('off' in built) throw new Error(built.off);
    channel = built;
    server = createHttpServer(channel.routes, () => Promise.resolve({ ok: true }), rig.logger);
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    await channel.start();
  });

  afterAll(async () => {
    await channel.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await standIn.stop();
    await storage.close();
    await other.close();
    await mongo.stop();
  });

  beforeEach(() => standIn.reset());

  /** The calls the listeners made, once no more are coming. */
  async function settledCalls(): Promise<string[]> {
    let count = -1;
    while (count !== standIn.calls().length) {
      count = standIn.calls().length;
      await sleep(150);
    }
    return standIn.calls().map((c) => c.method);
  }

  test.each([
    ['ten minutes', 10 * 60],
    ['a year', 365 * 24 * 3600],
  ])('a correctly signed request from %s in the future gets 401 and runs nothing', async (_, seconds) => {
    const future = signedSlashCommand(
      { command: '/pandu', text: 'bantuan', userId: STRANGER },
      { ...signing, timestampOffsetSeconds: seconds },
    );
    expect((await postToApp(url, future)).status).toBe(401);
    expect(await settledCalls()).not.toContain('chat.postMessage');
  });

  test('an identical signed slash command replayed is acknowledged and applied once, also by another process', async () => {
    const request = signedSlashCommand({ command: '/pandu', text: 'bantuan', userId: STRANGER }, signing);
    expect((await postToApp(url, request)).status).toBe(200);
    await standIn.waitForCall('chat.postMessage');
    // Acknowledged (Slack shows no error) and not applied.
    expect((await postToApp(url, request)).status).toBe(200);
    expect((await settledCalls()).filter((m) => m === 'chat.postMessage')).toHaveLength(1);
    // The signature is remembered in the database: a second process refuses it too.
    const signature = request.headers['x-slack-signature'] ?? '';
    expect(await other.deliveries.firstTime(`slack:signature:${signature}`)).toBe(false);
    // A signature is remembered only when the request passed every other check.
    const event = signedEventRequest(dmMessageEvent({ user: STRANGER, text: 'halo' }), signing);
    expect((await postToApp(url, event)).status).toBe(200);
    await settledCalls();
  });

  test('malformed bodies and payloads without a user get 400, not a reset or a 500', async () => {
    const malformedJson = signRequest('{"type":"event_callback",', 'application/json', signing);
    expect((await postToApp(url, malformedJson)).status).toBe(400);
    const notAnObject = signRequest('[1,2,3]', 'application/json', signing);
    expect((await postToApp(url, notAnObject)).status).toBe(400);
    const badPayload = signRequest(`payload=${encodeURIComponent('{not json')}`, FORM, signing);
    expect((await postToApp(url, badPayload)).status).toBe(400);
    const noUser = signRequest(
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [], team: { id: 'T1' } }))}`,
      FORM,
      signing,
    );
    expect((await postToApp(url, noUser)).status).toBe(400);
    const commandNoUser = signRequest('command=%2Fpandu&text=bantuan&team_id=T1', FORM, signing);
    expect((await postToApp(url, commandNoUser)).status).toBe(400);
    expect(await settledCalls()).toEqual([]);
  });

  test('a slash command replayed with a retry header added is still a replay', async () => {
    const request = signedSlashCommand({ command: '/pandu', text: 'bantuan', userId: STRANGER }, signing);
    expect((await postToApp(url, request)).status).toBe(200);
    const replay = { ...request, headers: { ...request.headers, 'x-slack-retry-num': '1' } };
    expect((await postToApp(url, replay)).status).toBe(200);
    expect((await settledCalls()).filter((m) => m === 'chat.postMessage')).toHaveLength(1);
  });
});
