/**
 * The Slack adapter's pieces with a real Bolt app behind the service's own HTTP server, a ChatCore on
 * in-memory ports, and the Web API stand-in: request verification, once-only events, Block Kit, error
 * mapping for the outbox, and file downloads with the bot token.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ChannelModule } from '../../src/channels/channel.js';
import {
  ChannelPermanentError,
  ChannelRateLimitedError,
  ChannelTransientError,
} from '../../src/chat/errors.js';
import { escapeMrkdwn, fallbackText, messageBlocks } from '../../src/channels/slack/block-kit.js';
import { slackChannel } from '../../src/channels/slack/slack-channel.js';
import { loadConfig } from '../../src/config/env.js';
import { createHttpServer, listen } from '../../src/http/http-server.js';
import { createChatRig } from '../support/chat-rig.js';
import { untilChannel } from '../support/channel-status.js';
import {
  appHomeOpenedEvent,
  dmMessageEvent,
  postToApp,
  signedEventRequest,
  signedSlashCommand,
  SlackWebApiStandIn,
  STAND_IN_ROUTES,
  type RecordedCall,
  type SigningOptions,
} from '../support/slack/index.js';

const SIGNING_SECRET = 'integration-signing-secret';
const signing: SigningOptions = { signingSecret: SIGNING_SECRET };
const ULP = 'U0000ULP01';
const STRANGER = 'U0000NOBODY';
const UPLOAD_MAX_BYTES = 2048;

function config(standIn: SlackWebApiStandIn, env: Record<string, string> = {}) {
  return loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES),
    ...env,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const textOf = (call: RecordedCall) => (typeof call.params.text === 'string' ? call.params.text : '');

describe('the Slack channel', () => {
  const standIn = new SlackWebApiStandIn();
  let rig: ReturnType<typeof createChatRig>;
  let channel: ChannelModule;
  let server: Server;
  let eventsUrl: string;

  beforeAll(async () => {
    await standIn.start();
  });

  afterAll(async () => {
    await standIn.stop();
  });

  beforeEach(async () => {
    standIn.reset();
    standIn.onMethod('chat.postEphemeral', () => ({ ok: true, message_ts: '1.000001' }));
    rig = createChatRig({ uploadMaxBytes: UPLOAD_MAX_BYTES });
    const built = await slackChannel({ clientOptions: { retryConfig: { retries: 0 } } })(
      rig.channelDeps(config(standIn)),
    );
    if ('off' in built) throw new Error(built.off);
    channel = built;
    server = createHttpServer(channel.routes, () => Promise.resolve({ ok: true }), rig.logger);
    const port = await listen(server, 0, '127.0.0.1');
    eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port || port}/slack/events`;
    await channel.start();
    await untilChannel(channel);
  });

  afterEach(async () => {
    await channel.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
  });

  /** Waits until the stand-in has no more calls coming (the listener ran after the ack). */
  async function settled(): Promise<void> {
    let count = -1;
    while (count !== standIn.calls().length) {
      count = standIn.calls().length;
      await sleep(100);
    }
  }

  async function command(userId: string, text: string) {
    return postToApp(eventsUrl, signedSlashCommand({ command: '/pandu', text, userId }, signing));
  }

  async function link(userId: string, personId: string): Promise<void> {
    const code = await rig.invite(personId);
    await command(userId, `link ${code}`);
    await standIn.waitForCall('chat.postMessage', (c) => textOf(c).includes('Selamat datang'));
  }

  describe('configuration', () => {
    it('is off without a bot token, and says why', async () => {
      const result = await slackChannel()(rig.channelDeps(loadConfig({})));
      expect(result).toEqual({ off: 'slack: SLACK_BOT_TOKEN is not set' });
    });

    it('serves POST /slack/events on the service port in HTTP mode', () => {
      expect(channel.describe()).toEqual({ mode: 'http', path: '/slack/events' });
      expect(channel.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /slack/events']);
      expect(channel.sender.platform).toBe('slack');
    });

    it('uses Socket Mode, with no HTTP route, when SLACK_APP_TOKEN is set', async () => {
      const built = await slackChannel()(
        rig.channelDeps(config(standIn, { SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SIGNING_SECRET: '' })),
      );
      if ('off' in built) throw new Error(built.off);
      expect(built.describe()).toEqual({ mode: 'socket' });
      expect(built.routes).toEqual([]);
    });

    it('is down, with the reason Slack gave, when Slack rejects the token (the start goes on)', async () => {
      const built = await slackChannel({ clientOptions: { retryConfig: { retries: 0 } } })(
        rig.channelDeps(config(standIn, { SLACK_BOT_TOKEN: 'xoxb-revoked' })),
      );
      if ('off' in built) throw new Error(built.off);
      await built.start();
      const status = await untilChannel(built, 'down');
      await built.stop();
      expect(status.reason).toContain('invalid_auth');
      expect(standIn.calls().filter((c) => c.token === 'xoxb-revoked')).toHaveLength(1);
    });
  });

  describe('request verification', () => {
    it('answers a bad signature with 401 and runs no listener', async () => {
      const forged = signedSlashCommand(
        { command: '/pandu', text: 'bantuan', userId: ULP },
        { ...signing, wrongSecret: true },
      );
      const response = await postToApp(eventsUrl, forged);

      expect(response.status).toBe(401);
      await settled();
      expect(standIn.calls().map((c) => c.method)).toEqual(['auth.test']);
    });

    it('answers a timestamp six minutes old with 401 and runs no listener', async () => {
      const stale = signedEventRequest(dmMessageEvent({ user: ULP, text: 'halo' }), {
        ...signing,
        timestampOffsetSeconds: -6 * 60,
      });
      const response = await postToApp(eventsUrl, stale);

      expect(response.status).toBe(401);
      await settled();
      expect(standIn.calls().map((c) => c.method)).toEqual(['auth.test']);
    });

    it('acknowledges a correctly signed command at once and answers in the DM', async () => {
      const response = await command(STRANGER, 'bantuan');

      expect(response.status).toBe(200);
      expect(response.body).toBe('');
      const answer = await standIn.waitForCall('chat.postMessage');
      expect(answer.params.channel).toBe(standIn.dmChannelFor(STRANGER));
      expect(textOf(answer)).toContain('/pandu tugas');
    });

    it('answers an unknown sub-command with the localized message', async () => {
      await command(STRANGER, 'terbang ke bulan');

      const answer = await standIn.waitForCall('chat.postMessage');
      expect(textOf(answer)).toContain('Perintah /pandu terbang tidak dikenal');
    });
  });

  describe('slash commands', () => {
    it('sets where tasks go with /pandu kanal, and explains the choices otherwise', async () => {
      await link(ULP, 'ulp-biro-umum');
      await command(ULP, 'kanal telegram');
      await standIn.waitForCall('chat.postMessage', (c) =>
        textOf(c).includes('Akun Telegram Anda belum terhubung'),
      );
      expect((await rig.identities.preferences('ulp-biro-umum')).preferredChannel).toBeUndefined();
      await rig.identities.link('ulp-biro-umum', { channel: 'telegram', userId: '5101', chatId: '5101' });
      await command(ULP, 'kanal telegram');
      await standIn.waitForCall('chat.postMessage', (c) =>
        textOf(c).includes('Tugas akan dikirim ke Telegram'),
      );
      expect(await rig.identities.preferences('ulp-biro-umum')).toMatchObject({
        preferredChannel: 'telegram',
      });

      await command(ULP, 'kanal merpati');
      await standIn.waitForCall('chat.postMessage', (c) => textOf(c).includes('/pandu kanal slack'));
    });

    it('lists open tasks with their buttons and records them so later edits reach them', async () => {
      const instance = await rig.harness.start();
      await link('U0000TUTI1', 'tuti');
      await command('U0000TUTI1', 'tugas');

      const listed = await standIn.waitForCall('chat.postMessage', (c) => textOf(c).includes('Langkah 2/11'));
      expect(JSON.stringify(listed.params.blocks)).toContain('"type":"actions"');
      await settled();
      // Listed twice (on linking, and for /pandu tugas): both messages are recorded for later edits.
      const logged = await rig.messages.find(instance.id, 'agenda-surat-masuk#1');
      const posted = standIn.messagesTo('U0000TUTI1').filter((m) => (m.text ?? '').includes('Langkah 2/11'));
      expect(logged).toEqual(
        posted.map((m) => ({
          personId: 'tuti',
          sent: { platform: 'slack', chatId: m.channel, messageId: m.ts },
        })),
      );
      expect(logged).toHaveLength(2);
    });
  });

  describe('once-only delivery', () => {
    it('applies an event once when Slack retries it with X-Slack-Retry-Num', async () => {
      const first = signedEventRequest(dmMessageEvent({ user: STRANGER, text: 'halo' }), signing);
      expect((await postToApp(eventsUrl, first)).status).toBe(200);
      await standIn.waitForCall('chat.postMessage');

      const retry = {
        ...first,
        headers: { ...first.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      };
      expect((await postToApp(eventsUrl, retry)).status).toBe(200);
      await settled();

      expect(standIn.calls('chat.postMessage')).toHaveLength(1);
      expect(textOf(standIn.calls('chat.postMessage')[0] as RecordedCall)).toContain('belum terhubung');
    });

    it('ignores messages from bots and edits', async () => {
      const bot = { ...dmMessageEvent({ user: STRANGER, text: 'from a bot' }), bot_id: 'B0OTHER' };
      const edit = { ...dmMessageEvent({ user: STRANGER, text: 'edited' }), subtype: 'message_changed' };
      await postToApp(eventsUrl, signedEventRequest(bot, signing));
      await postToApp(eventsUrl, signedEventRequest(edit, signing));
      await settled();

      expect(standIn.calls('chat.postMessage')).toEqual([]);
    });
  });

  describe('Block Kit', () => {
    const message = {
      lines: ['📄 SOP.TPD.01 · No. agenda 001/ND-M', 'Perihal: R&D <rahasia> > biasa'],
      buttons: [
        [{ label: '☐ Kertas', token: 'tok-check' }],
        [
          { label: '✅ Setujui', token: 'tok-approve', style: 'primary' as const },
          { label: '↩️ Kembalikan', token: 'tok-return', style: 'danger' as const },
        ],
      ],
    };

    it('renders lines as escaped mrkdwn and button rows as actions carrying only the token', () => {
      expect(escapeMrkdwn('a & <b> > c')).toBe('a &amp; &lt;b&gt; &gt; c');
      expect(messageBlocks(message)).toEqual([
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '📄 SOP.TPD.01 · No. agenda 001/ND-M\nPerihal: R&amp;D &lt;rahasia&gt; &gt; biasa',
          },
        },
        {
          type: 'actions',
          block_id: 'pandu-actions-0-0',
          elements: [
            {
              type: 'button',
              action_id: 'pandu:0',
              text: { type: 'plain_text', text: '☐ Kertas', emoji: true },
              value: 'tok-check',
            },
          ],
        },
        {
          type: 'actions',
          block_id: 'pandu-actions-1-0',
          elements: [
            {
              type: 'button',
              action_id: 'pandu:1',
              text: { type: 'plain_text', text: '✅ Setujui', emoji: true },
              value: 'tok-approve',
              style: 'primary',
            },
            {
              type: 'button',
              action_id: 'pandu:2',
              text: { type: 'plain_text', text: '↩️ Kembalikan', emoji: true },
              value: 'tok-return',
              style: 'danger',
            },
          ],
        },
      ]);
      expect(fallbackText(message)).toBe(
        '📄 SOP.TPD.01 · No. agenda 001/ND-M\nPerihal: R&amp;D &lt;rahasia&gt; &gt; biasa',
      );
    });

    it('splits long text over several sections within Slack’s 3000-character limit', () => {
      const blocks = messageBlocks({
        lines: Array.from({ length: 8 }, (_, i) => `${i}`.repeat(900)),
        buttons: [],
      });
      expect(blocks.length).toBeGreaterThan(2);
      for (const block of blocks) {
        expect(block.type).toBe('section');
        expect((block as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000);
      }
    });

    it('sends to the DM opened for a user id, and an edit without buttons removes them', async () => {
      const sent = await channel.sender.send(ULP, message);

      const dm = standIn.dmChannelFor(ULP);
      expect(sent).toEqual({ platform: 'slack', chatId: dm, messageId: expect.any(String) as unknown });
      expect(standIn.calls('conversations.open')).toHaveLength(1);
      expect(standIn.calls('chat.postMessage')[0]?.params).toMatchObject({
        channel: dm,
        blocks: messageBlocks(message),
      });

      await channel.sender.edit(sent, { lines: ['✅ Disetujui oleh Dewi'], buttons: [] });
      await channel.sender.send(ULP, { lines: ['lagi'], buttons: [] });

      expect(standIn.calls('conversations.open')).toHaveLength(1);
      const [edited] = standIn.messagesTo(ULP);
      expect(edited).toMatchObject({ edits: 1, text: '✅ Disetujui oleh Dewi' });
      expect(edited?.blocks).toEqual([
        { type: 'section', text: { type: 'mrkdwn', text: '✅ Disetujui oleh Dewi' } },
      ]);
    });

    it('sends a file through the external upload flow to the DM', async () => {
      await channel.sender.sendFile(ULP, {
        name: 'laporan.csv',
        mimeType: 'text/csv',
        bytes: Buffer.from('a,b\n1,2\n'),
        caption: 'Laporan pemeriksaan',
      });

      expect(standIn.uploadedFiles()).toEqual([
        expect.objectContaining({
          name: 'laporan.csv',
          completed: true,
          channels: [standIn.dmChannelFor(ULP)],
        }),
      ]);
      expect(standIn.messagesTo(ULP)[0]).toMatchObject({ text: 'Laporan pemeriksaan' });
    });
  });

  describe('errors the outbox understands', () => {
    const hello = { lines: ['halo'], buttons: [] };

    it('turns a 429 into ChannelRateLimitedError with Retry-After in ms', async () => {
      standIn.failNext('chat.postMessage', { status: 429, retryAfter: 30 });

      const error = await channel.sender.send(standIn.dmChannelFor(ULP), hello).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ChannelRateLimitedError);
      expect((error as ChannelRateLimitedError).retryAfterMs).toBe(30_000);
    });

    it('turns a 5xx and an unreachable API into ChannelTransientError', async () => {
      standIn.failNext('chat.update', { status: 503 });
      await expect(
        channel.sender.edit(
          { platform: 'slack', chatId: standIn.dmChannelFor(ULP), messageId: '1.1' },
          hello,
        ),
      ).rejects.toBeInstanceOf(ChannelTransientError);

      const offline = await slackChannel({ clientOptions: { retryConfig: { retries: 0 } } })(
        rig.channelDeps(config(standIn, { SLACK_API_URL: 'http://127.0.0.1:9/api/' })),
      );
      if ('off' in offline) throw new Error(offline.off);
      await expect(offline.sender.send('D000000001', hello)).rejects.toBeInstanceOf(ChannelTransientError);
    });

    it.each(['channel_not_found', 'not_in_channel', 'account_inactive', 'invalid_auth'])(
      'turns %s into ChannelPermanentError',
      async (code) => {
        standIn.failNext('chat.postMessage', { ok: false, error: code });

        const error = await channel.sender.send(standIn.dmChannelFor(ULP), hello).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(ChannelPermanentError);
        expect((error as Error).message).toContain(code);
      },
    );
  });

  describe('files shared in the DM', () => {
    it('are fetched with files.info and downloaded with the bot token, once for message and file_shared', async () => {
      await link(ULP, 'ulp-biro-umum');
      await command(ULP, 'ajukan Permohonan pemanfaatan SPSE TA 2027');
      await standIn.waitForCall('chat.postMessage', (c) => textOf(c).includes('kirim nota dinasnya'));
      const bytes = Buffer.from('%PDF-1.4 nota dinas permohonan');
      standIn.registerFile({ id: 'F0000NOTA1', name: 'nota-dinas.pdf', bytes, user: ULP });

      const shared = dmMessageEvent({
        user: ULP,
        text: '',
        files: [{ id: 'F0000NOTA1', name: 'nota-dinas.pdf' }],
      });
      await postToApp(eventsUrl, signedEventRequest(shared, signing));
      const fileShared = {
        type: 'file_shared',
        file_id: 'F0000NOTA1',
        user_id: ULP,
        file: { id: 'F0000NOTA1' },
        channel_id: standIn.dmChannelFor(ULP),
        event_ts: '1.2',
      };
      await postToApp(eventsUrl, signedEventRequest(fileShared, signing));

      await standIn.waitForCall('chat.postMessage', (c) => textOf(c).includes('diterima dan diteruskan'));
      await settled();
      const downloads = standIn.calls(STAND_IN_ROUTES.download);
      expect(downloads).toEqual([expect.objectContaining({ token: 'xoxb-test', status: 200 })]);
      const [task] = await rig.harness.service.openTasksFor('tuti');
      expect(task?.instance.attachments).toEqual([
        expect.objectContaining({ name: 'nota-dinas.pdf', size: bytes.length }),
      ]);
      const stored = await rig.files.get(task?.instance.attachments[0]?.fileId ?? '');
      expect(stored?.bytes).toEqual(bytes);
    });

    it('refuses a file over UPLOAD_MAX_BYTES by its declared size, without downloading it', async () => {
      await link(ULP, 'ulp-biro-umum');
      await command(ULP, 'ajukan Permohonan besar');
      await standIn.waitForCall('chat.postMessage', (c) => textOf(c).includes('kirim nota dinasnya'));
      standIn.registerFile({
        id: 'F0000BIG01',
        name: 'besar.pdf',
        bytes: Buffer.alloc(UPLOAD_MAX_BYTES + 1),
        user: ULP,
      });

      const shared = dmMessageEvent({
        user: ULP,
        text: '',
        files: [{ id: 'F0000BIG01', name: 'besar.pdf' }],
      });
      await postToApp(eventsUrl, signedEventRequest(shared, signing));

      await standIn.waitForCall('chat.postMessage', (c) => textOf(c).includes('Berkas terlalu besar'));
      expect(standIn.calls(STAND_IN_ROUTES.download)).toEqual([]);
      expect(await rig.harness.service.openTasksFor('tuti')).toEqual([]);
    });
  });

  describe('App Home', () => {
    it('tells an unlinked person how to link', async () => {
      await postToApp(eventsUrl, signedEventRequest(appHomeOpenedEvent(STRANGER), signing));

      await standIn.waitForCall('views.publish');
      expect(JSON.stringify(standIn.homeView(STRANGER)?.blocks)).toContain('/pandu link KODE');
    });
  });
});
