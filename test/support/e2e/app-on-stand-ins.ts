/** The real service for an end-to-end suite, talking to the Telegram and/or Slack stand-ins. */
import type { App } from '../../../src/app.js';
import type { ChannelFactory } from '../../../src/channels/channel.js';
import { createSlackChannel } from '../../../src/channels/slack/slack-channel.js';
import { createTelegramChannel } from '../../../src/channels/telegram/telegram-channel.js';
import { startTestApp } from '../app-rig.js';
import type { SlackWebApiStandIn } from '../slack/index.js';
import type { TelegramBotApiStandIn } from '../telegram/index.js';
import { acceptEphemerals } from './slack-people.js';

export const TELEGRAM_TEST_TOKEN = '123456:TEST-token';
export const SLACK_TEST_BOT_TOKEN = 'xoxb-test';

export interface StandIns {
  telegram?: { standIn: TelegramBotApiStandIn; token?: string };
  slack?: { standIn: SlackWebApiStandIn; signingSecret: string };
}

/** The configuration that points the service's channels at the (started) stand-ins. */
export function standInEnv({ telegram, slack }: StandIns): Record<string, string> {
  return {
    ...(telegram
      ? {
          TELEGRAM_BOT_TOKEN: telegram.token ?? TELEGRAM_TEST_TOKEN,
          TELEGRAM_API_ROOT: telegram.standIn.apiRoot,
        }
      : {}),
    ...(slack
      ? {
          SLACK_BOT_TOKEN: SLACK_TEST_BOT_TOKEN,
          SLACK_SIGNING_SECRET: slack.signingSecret,
          SLACK_API_URL: slack.standIn.apiUrl,
        }
      : {}),
  };
}

/** The channels for the stand-ins given, Telegram first. */
export function standInChannels({ telegram, slack }: StandIns): ChannelFactory[] {
  return [...(telegram ? [createTelegramChannel] : []), ...(slack ? [createSlackChannel] : [])];
}

/**
 * Starts the stand-ins, then the service (embedded database, outbox) with a channel for each. The Slack
 * stand-in accepts (and records) ephemeral messages, the service's short notes.
 */
export async function startAppOnStandIns(standIns: StandIns): Promise<App> {
  await standIns.telegram?.standIn.start();
  if (standIns.slack) {
    await standIns.slack.standIn.start();
    acceptEphemerals(standIns.slack.standIn);
  }
  return startTestApp({ env: standInEnv(standIns), channels: standInChannels(standIns) });
}

/** Where Slack posts events, commands and interactions to the service. */
export function slackEventsUrl(app: App): string {
  return `http://127.0.0.1:${app.port()}/slack/events`;
}
