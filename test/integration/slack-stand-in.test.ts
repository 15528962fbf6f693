/**
 * Drives a real Bolt App through its real HTTPReceiver, mounted on a node:http server of our own (as the
 * service does: `POST /slack/events` next to `/healthz`), with the Web API served by the local stand-in.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { App, HTTPReceiver, LogLevel, webApi } from '@slack/bolt';
import type { Logger } from '@slack/bolt';

import {
  SLACK_TEST_WORKSPACE,
  SlackWebApiStandIn,
  STAND_IN_ROUTES,
  appHomeOpenedEvent,
  blockActionsPayload,
  dmMessageEvent,
  postToApp,
  signedEventRequest,
  signedInteraction,
  signedSlashCommand,
  signedUrlVerification,
  viewSubmissionPayload,
} from '../support/slack/index.js';
import type { SigningOptions } from '../support/slack/index.js';

const SIGNING_SECRET = 'test-signing-secret';
const signing: SigningOptions = { signingSecret: SIGNING_SECRET };
const USER = 'U0000ALICE';
const { botToken } = SLACK_TEST_WORKSPACE;

interface RecordingLogger extends Logger {
  lines: string[];
}

function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (...msg: unknown[]): void => {
      lines.push(`${level} ${msg.map(String).join(' ')}`);
    };
  return {
    lines,
    debug: () => undefined,
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/** The service's own router: Slack requests go to Bolt's receiver, everything else is ours. */
function serviceRouter(receiver: HTTPReceiver): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    } else if (req.method === 'POST' && path === '/slack/events') {
      // Handles the request asynchronously; throws synchronously only for paths it does not serve.
      receiver.requestListener(req, res);
    } else {
      res.writeHead(404).end();
    }
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
  server.closeAllConnections();
  await closed;
}

function buildApp(standIn: SlackWebApiStandIn, logger: Logger): { app: App; receiver: HTTPReceiver } {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger });
  const app = new App({
    receiver,
    token: botToken,
    logger,
    clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
  });
  return { app, receiver };
}

/** A promise plus the function that resolves it, for waiting on a listener. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('Bolt HTTPReceiver on our own server, Web API on the stand-in', () => {
  const standIn = new SlackWebApiStandIn();
  let logger: RecordingLogger;
  let app: App;
  let server: Server;
  let origin: string;
  let eventsUrl: string;
  let listenerErrors: unknown[];

  beforeAll(async () => {
    await standIn.start();
  });

  afterAll(async () => {
    await standIn.stop();
  });

  beforeEach(async () => {
    standIn.reset();
    logger = recordingLogger();
    // The App calls auth.test as soon as it is constructed, so the stand-in must already be listening.
    const built = buildApp(standIn, logger);
    app = built.app;
    listenerErrors = [];
    app.error((error) => {
      listenerErrors.push(error);
      return Promise.resolve();
    });
    server = createServer(serviceRouter(built.receiver));
    origin = await listen(server);
    eventsUrl = `${origin}/slack/events`;
  });

  afterEach(async () => {
    await close(server);
  });

  it('serves its own routes beside Bolt on one port', async () => {
    const health = await fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect((await fetch(`${origin}/elsewhere`)).status).toBe(404);
    expect((await fetch(eventsUrl)).status).toBe(404);
  });

  it('answers the url_verification challenge', async () => {
    const response = await postToApp(eventsUrl, signedUrlVerification('challenge-123', signing));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ challenge: 'challenge-123' });
  });

  it('delivers a signed message.im event to a listener that replies through the stand-in', async () => {
    app.message(async ({ message, say }) => {
      if (message.subtype === undefined) await say(`You said: ${message.text ?? ''}`);
    });

    const response = await postToApp(
      eventsUrl,
      signedEventRequest(dmMessageEvent({ user: USER, text: 'hi' }), signing),
    );

    expect(response.status).toBe(200);
    const call = await standIn.waitForCall('chat.postMessage');
    expect(call.token).toBe(botToken);
    expect(call.params).toMatchObject({ channel: standIn.dmChannelFor(USER), text: 'You said: hi' });
    expect(standIn.messagesTo(USER).map((message) => message.text)).toEqual(['You said: hi']);
    expect(standIn.calls('auth.test')).toHaveLength(1);
  });

  it('passes X-Slack-Retry-Num and X-Slack-Retry-Reason to the listener context', async () => {
    const seen = deferred<{ retryNum?: number; retryReason?: string }>();
    app.message(({ context }) => {
      seen.resolve({ retryNum: context.retryNum, retryReason: context.retryReason });
      return Promise.resolve();
    });

    const event = dmMessageEvent({ user: USER, text: 'again' });
    await postToApp(
      eventsUrl,
      signedEventRequest(event, { ...signing, retryNum: 1, retryReason: 'http_timeout' }),
    );

    expect(await seen.promise).toEqual({ retryNum: 1, retryReason: 'http_timeout' });
  });

  it('rejects a bad signature with 401 and runs no listener', async () => {
    let ran = false;
    app.message(() => {
      ran = true;
      return Promise.resolve();
    });

    const request = signedEventRequest(dmMessageEvent({ user: USER, text: 'forged' }), {
      ...signing,
      wrongSecret: true,
    });
    const response = await postToApp(eventsUrl, request);

    expect(response.status).toBe(401);
    expect(ran).toBe(false);
    expect(standIn.calls().map((call) => call.method)).toEqual(['auth.test']);
    expect(logger.lines.join('\n')).toContain('signature mismatch');
  });

  it('rejects a request whose timestamp is 6 minutes old with 401', async () => {
    let ran = false;
    app.message(() => {
      ran = true;
      return Promise.resolve();
    });

    const stale = { ...signing, timestampOffsetSeconds: -6 * 60 };
    const response = await postToApp(
      eventsUrl,
      signedEventRequest(dmMessageEvent({ user: USER, text: 'old' }), stale),
    );

    expect(response.status).toBe(401);
    expect(ran).toBe(false);
    expect(logger.lines.join('\n')).toContain('stale');
  });

  it('acknowledges a slash command with 200 and runs its listener', async () => {
    const responseUrl = standIn.responseUrl();
    app.command('/pandu', async ({ command, ack, client, respond }) => {
      await ack('Working on it');
      await client.chat.postMessage({ channel: command.user_id, text: `Started ${command.text}` });
      await respond({ text: 'Done', response_type: 'ephemeral' });
    });

    const command = signedSlashCommand(
      { command: '/pandu', text: 'leave-request', userId: USER, responseUrl },
      signing,
    );
    const response = await postToApp(eventsUrl, command);

    expect(response.status).toBe(200);
    expect(response.body).toBe('Working on it');
    const responded = await standIn.waitForCall(STAND_IN_ROUTES.responseUrl);
    expect(responded.params).toMatchObject({ text: 'Done', response_type: 'ephemeral' });
    expect(standIn.messagesTo(USER).map((message) => message.text)).toEqual(['Started leave-request']);
  });

  it('lets a block_actions listener update the message with chat.update', async () => {
    const posted = await app.client.chat.postMessage({ channel: USER, text: 'Approve the request?' });
    app.action('approve', async ({ ack, body, client }) => {
      await ack();
      if (body.type !== 'block_actions' || !body.channel || !body.message)
        throw new Error('not a message action');
      await client.chat.update({
        channel: body.channel.id,
        ts: body.message.ts,
        text: 'Approved',
        blocks: [],
      });
    });

    const payload = blockActionsPayload({
      userId: USER,
      actionId: 'approve',
      value: 'req-1',
      channelId: posted.channel ?? '',
      messageTs: posted.ts ?? '',
    });
    const response = await postToApp(eventsUrl, signedInteraction(payload, signing));

    expect(response.status).toBe(200);
    await standIn.waitForCall('chat.update');
    expect(standIn.messagesTo(USER)).toEqual([
      expect.objectContaining({ text: 'Approved', blocks: [], edits: 1 }),
    ]);
    expect(listenerErrors).toEqual([]);
  });

  it('opens a modal from a button and updates it with the returned hash', async () => {
    app.action('open_form', async ({ ack, body, client }) => {
      await ack();
      if (body.type !== 'block_actions') return;
      const modal = {
        type: 'modal' as const,
        callback_id: 'leave_form',
        title: { type: 'plain_text' as const, text: 'Leave' },
        blocks: [],
      };
      const opened = await client.views.open({ trigger_id: body.trigger_id, view: modal });
      await client.views.update({
        view_id: opened.view?.id ?? '',
        hash: opened.view?.hash,
        view: { ...modal, private_metadata: 'step-2' },
      });
    });

    const payload = blockActionsPayload({ userId: USER, actionId: 'open_form' });
    await postToApp(eventsUrl, signedInteraction(payload, signing));

    const update = await standIn.waitForCall('views.update');
    expect(update.ok).toBe(true);
    const viewId = String(update.params.view_id);
    expect(standIn.view(viewId)).toMatchObject({ callback_id: 'leave_form', private_metadata: 'step-2' });
  });

  it('returns a view_submission error response to Slack', async () => {
    app.view('leave_form', async ({ ack, view }) => {
      const reason = view.state.values.reason?.reason_input?.value ?? '';
      if (reason.length < 5) await ack({ response_action: 'errors', errors: { reason: 'Too short' } });
      else await ack();
    });

    const payload = viewSubmissionPayload({
      userId: USER,
      callbackId: 'leave_form',
      values: { reason: { reason_input: { type: 'plain_text_input', value: 'sick' } } },
    });
    const response = await postToApp(eventsUrl, signedInteraction(payload, signing));

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ response_action: 'errors', errors: { reason: 'Too short' } });
  });

  it('publishes the App Home on app_home_opened', async () => {
    app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({
        user_id: event.user,
        view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your tasks' } }] },
      });
    });

    await postToApp(eventsUrl, signedEventRequest(appHomeOpenedEvent(USER), signing));

    await standIn.waitForCall('views.publish');
    expect(standIn.homeView(USER)).toMatchObject({
      type: 'home',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your tasks' } }],
    });
  });

  it('serves files.info and an authenticated download of a registered file', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    const file = standIn.registerFile({ id: 'F0000FILE1', name: 'permit.pdf', bytes, user: USER });
    const downloaded = deferred<Buffer>();
    app.message(async ({ message, client, context }) => {
      if (message.subtype !== 'file_share' || !message.files?.[0]) return;
      const info = await client.files.info({ file: message.files[0].id });
      const url = info.file?.url_private_download ?? '';
      const response = await fetch(url, { headers: { Authorization: `Bearer ${context.botToken ?? ''}` } });
      downloaded.resolve(Buffer.from(await response.arrayBuffer()));
    });

    const event = dmMessageEvent({ user: USER, text: '', files: [{ id: 'F0000FILE1', name: 'permit.pdf' }] });
    await postToApp(eventsUrl, signedEventRequest(event, signing));

    expect(await downloaded.promise).toEqual(bytes);
    expect(file).toMatchObject({ id: 'F0000FILE1', mimetype: 'application/pdf', size: bytes.length });
    const url = String(file.url_private_download);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: 'Bearer xoxb-other' } })).status).toBe(403);
  });

  it('completes the external upload flow of client.filesUploadV2', async () => {
    const bytes = Buffer.from('name,days\nAlice,3\n', 'utf8');
    const channel = standIn.dmChannelFor(USER);

    const result = await app.client.filesUploadV2({
      channel_id: channel,
      file: bytes,
      filename: 'leave.csv',
      title: 'Leave report',
      initial_comment: 'Here is the report',
    });

    expect(result.ok).toBe(true);
    expect(standIn.calls().map((call) => call.method)).toEqual([
      'auth.test',
      'files.getUploadURLExternal',
      STAND_IN_ROUTES.upload,
      'files.completeUploadExternal',
    ]);
    expect(standIn.calls('files.getUploadURLExternal')[0]?.params).toMatchObject({
      filename: 'leave.csv',
      length: '18',
    });
    const [uploaded] = standIn.uploadedFiles();
    expect(uploaded).toMatchObject({
      name: 'leave.csv',
      title: 'Leave report',
      completed: true,
      channels: [channel],
    });
    expect(uploaded?.bytes).toEqual(bytes);
    expect(standIn.messagesTo(USER)).toEqual([
      expect.objectContaining({ text: 'Here is the report', files: [uploaded?.id] }),
    ]);
  });

  it('refuses a user id as channel_id in files.completeUploadExternal, as Slack does', async () => {
    const upload = app.client.filesUploadV2({ channel_id: USER, content: 'x', filename: 'x.txt' });

    await expect(upload).rejects.toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      data: { error: 'invalid_arguments' },
    });
  });

  it('reports a 429 to the caller', async () => {
    standIn.failNext('chat.postMessage', { status: 429, retryAfter: 0 });

    // With retries: 0 the client waits Retry-After seconds, then fails with a request error.
    const post = app.client.chat.postMessage({ channel: USER, text: 'hello' });

    await expect(post).rejects.toMatchObject({
      code: webApi.ErrorCode.RequestError,
      original: { message: expect.stringContaining('A rate limit was exceeded') as unknown },
    });
    expect(standIn.calls('chat.postMessage')).toEqual([expect.objectContaining({ status: 429, ok: false })]);
    expect(standIn.messagesTo(USER)).toEqual([]);
  });

  it('rejects at once with a rate-limited error when rejectRateLimitedCalls is set', async () => {
    standIn.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    const client = new webApi.WebClient(botToken, {
      slackApiUrl: standIn.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger,
    });

    await expect(client.chat.postMessage({ channel: USER, text: 'hello' })).rejects.toMatchObject({
      code: webApi.ErrorCode.RateLimitedError,
      retryAfter: 30,
    });
  });

  it('retries after a 429 when the client allows a retry', async () => {
    standIn.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    const client = new webApi.WebClient(botToken, {
      slackApiUrl: standIn.apiUrl,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      logger,
    });

    await client.chat.postMessage({ channel: USER, text: 'second time lucky' });

    expect(standIn.calls('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
    expect(standIn.messagesTo(USER).map((message) => message.text)).toEqual(['second time lucky']);
  });

  it('hands a platform error from a listener to the app error handler', async () => {
    standIn.failNext('chat.postMessage', { ok: false, error: 'channel_not_found' });
    const failed = deferred<unknown>();
    app.error((error) => {
      failed.resolve(error);
      return Promise.resolve();
    });
    app.message(async ({ say }) => {
      await say('will fail');
    });

    await postToApp(eventsUrl, signedEventRequest(dmMessageEvent({ user: USER, text: 'hi' }), signing));

    expect(await failed.promise).toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      data: { error: 'channel_not_found' },
    });
  });

  it('answers unknown methods with unknown_method and missing tokens with not_authed', async () => {
    await expect(app.client.apiCall('pandu.nothing')).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    const anonymous = new webApi.WebClient(undefined, {
      slackApiUrl: standIn.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(anonymous.auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
  });

  it('explains a waitForCall timeout with what was received', async () => {
    await app.client.chat.postMessage({ channel: USER, text: 'only this' });

    await expect(standIn.waitForCall('chat.update', () => true, 50)).rejects.toThrow(
      /No matching chat.update call within 50 ms[\s\S]*chat.postMessage \[200\][\s\S]*only this/,
    );
  });
});

describe('HTTPReceiver listening on its own port via app.start', () => {
  it('takes signed events at /slack/events', async () => {
    const standIn = new SlackWebApiStandIn();
    await standIn.start();
    const { app } = buildApp(standIn, recordingLogger());
    app.message(async ({ say }) => {
      await say('pong');
    });
    const server = (await app.start(0)) as Server;
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
      const response = await postToApp(
        url,
        signedEventRequest(dmMessageEvent({ user: USER, text: 'ping' }), signing),
      );
      expect(response.status).toBe(200);
      await standIn.waitForCall('chat.postMessage', (call) => call.params.text === 'pong');
    } finally {
      server.closeAllConnections();
      await app.stop();
      await standIn.stop();
    }
  });
});

describe('SlackWebApiStandIn on its own', () => {
  const standIn = new SlackWebApiStandIn();
  const auth = { Authorization: `Bearer ${botToken}` };

  beforeAll(async () => {
    await standIn.start();
  });

  afterAll(async () => {
    await standIn.stop();
  });

  beforeEach(() => standIn.reset());

  it('accepts JSON bodies and answers in JSON', async () => {
    const response = await fetch(`${standIn.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C0000CHAN1', text: 'json', blocks: [{ type: 'divider' }] }),
    });

    expect(await response.json()).toMatchObject({ ok: true, channel: 'C0000CHAN1' });
    expect(standIn.messagesTo('C0000CHAN1')).toEqual([
      expect.objectContaining({ text: 'json', blocks: [{ type: 'divider' }] }),
    ]);
  });

  it('stores raw bytes posted to an upload URL', async () => {
    const url = await fetch(`${standIn.apiUrl}files.getUploadURLExternal?filename=a.bin&length=3`, {
      headers: auth,
    });
    const { upload_url: uploadUrl, file_id: fileId } = (await url.json()) as {
      upload_url: string;
      file_id: string;
    };

    const upload = await fetch(uploadUrl, { method: 'POST', body: new Uint8Array([1, 2, 3]) });

    expect(upload.status).toBe(200);
    expect(standIn.uploadedFiles()).toEqual([
      expect.objectContaining({
        id: fileId,
        bytes: Buffer.from([1, 2, 3]),
        uploaded: true,
        completed: false,
      }),
    ]);
  });
});
