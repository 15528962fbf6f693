import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ChannelModule } from '../../src/channels/channel.js';
import { proxyFor } from '../../src/channels/proxy.js';
import { slackChannel } from '../../src/channels/slack/slack-channel.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/logger.js';
import { untilChannel } from '../support/channel-status.js';
import { createChatRig } from '../support/chat-rig.js';
import { ConnectProxyStandIn } from '../support/connect-proxy.js';
import { SlackWebApiStandIn } from '../support/slack/index.js';
import { TelegramBotApiStandIn } from '../support/telegram/index.js';
import { REPO_ROOT } from '../support/paths.js';

const run = promisify(execFile);

const TOKEN = '515151:PROXY-token';
const VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];

describe('outbound proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)', () => {
  const proxy = new ConnectProxyStandIn();
  const telegram = new TelegramBotApiStandIn({ token: TOKEN });
  const slack = new SlackWebApiStandIn();
  const saved: Record<string, string | undefined> = {};
  let proxyUrl: string;
  const rig = createChatRig({ logger: createLogger('silent') });
  const started: ChannelModule[] = [];

  beforeAll(async () => {
    proxyUrl = await proxy.start();
    await telegram.start();
    await slack.start();
    for (const name of VARIABLES) saved[name] = process.env[name];
  });

  afterEach(async () => {
    for (const channel of started.splice(0)) await channel.stop();
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    proxy.tunnels.length = 0;
  });

  afterAll(async () => {
    await telegram.stop();
    await slack.stop();
    await proxy.stop();
  });

  const telegramChannel = async (): Promise<ChannelModule> => {
    const made = await createTelegramChannel(
      rig.channelDeps(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot })),
    );
    if ('off' in made) throw new Error(made.off);
    started.push(made);
    return made;
  };

  test('reads the variables per URL: https takes HTTPS_PROXY, NO_PROXY hosts go direct', () => {
    const env = { HTTPS_PROXY: 'http://user:secret@proxy.example:3128', NO_PROXY: 'slack.com' };
    expect(proxyFor('https://api.telegram.org', env)).toBe('http://user:secret@proxy.example:3128');
    expect(proxyFor('https://slack.com/api/', env)).toBeUndefined();
    expect(proxyFor('https://api.telegram.org', {})).toBeUndefined();
  });

  test("the process's own fetch (file downloads) goes through the proxy only when a variable is set", async () => {
    // In a process of its own: the global dispatcher is the process's, not this test's realm's.
    const fetchIn = async (env: Record<string, string>) => {
      const code = [
        `const { proxyGlobalFetch } = await import(${JSON.stringify(join(REPO_ROOT, 'src/channels/proxy.ts'))});`,
        'const proxied = await proxyGlobalFetch();',
        `await (await fetch(${JSON.stringify(`${telegram.apiRoot}/bot${TOKEN}/getMe`)})).arrayBuffer();`,
        'console.log(JSON.stringify({ proxied }));',
      ].join('\n');
      const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        cwd: REPO_ROOT,
        env: { PATH: process.env['PATH'] ?? '', ...env },
      });
      return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { proxied?: boolean };
    };
    expect(await fetchIn({})).toEqual({ proxied: false });
    expect(proxy.tunnels).toHaveLength(0);
    expect(await fetchIn({ HTTP_PROXY: proxyUrl })).toEqual({ proxied: true });
    expect(proxy.tunnels.length).toBeGreaterThan(0);
  });

  test('the Telegram channel reaches the Bot API through the proxy, with the proxy named in /healthz', async () => {
    process.env.HTTP_PROXY = proxyUrl;
    delete process.env.NO_PROXY;
    const channel = await telegramChannel();
    await channel.start();
    await untilChannel(channel);
    const host = new URL(telegram.apiRoot).host;
    expect(proxy.tunnels).toContain(host);
    expect(telegram.calls('getMe')).not.toHaveLength(0);
    expect(channel.describe()).toMatchObject({ proxy: `${proxyUrl}/` });
  });

  test('NO_PROXY sends the Telegram calls directly', async () => {
    process.env.HTTP_PROXY = proxyUrl;
    process.env.NO_PROXY = '127.0.0.1';
    const channel = await telegramChannel();
    await channel.start();
    await untilChannel(channel);
    expect(proxy.tunnels).toEqual([]);
  });

  test('the Slack channel calls the Web API through the proxy', async () => {
    process.env.HTTP_PROXY = proxyUrl;
    delete process.env.NO_PROXY;
    const made = await slackChannel({ clientOptions: { retryConfig: { retries: 0 } } })(
      rig.channelDeps(
        loadConfig({
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_SIGNING_SECRET: 'signing-secret',
          SLACK_API_URL: slack.apiUrl,
        }),
      ),
    );
    if ('off' in made) throw new Error(made.off);
    started.push(made);
    await made.start();
    await untilChannel(made);
    expect(proxy.tunnels).toContain(new URL(slack.apiUrl).host);
  });
});
