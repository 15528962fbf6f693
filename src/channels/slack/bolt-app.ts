import { App, HTTPReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { BotIdentityCache } from './bot-identity.js';

/** Where Slack sends events, slash commands and interactions, on the service's own port. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface BoltParts {
  app: App;
  /** Set in HTTP mode: its request listener serves POST /slack/events. */
  receiver?: HTTPReceiver;
}

export interface BoltOptions {
  botToken: string;
  signingSecret?: string;
  /** When set, Socket Mode is used instead of HTTP. */
  appToken?: string;
  identity: BotIdentityCache;
  clientOptions: webApi.WebClientOptions;
  logger: BoltLogger;
}

/**
 * A Bolt app for one workspace. HTTP mode verifies every request's signature and timestamp in
 * Bolt's HTTPReceiver (401 before any listener runs); Socket Mode needs no public URL. The bot's
 * identity comes from one cached auth.test rather than a call in Bolt's constructor.
 */
export function buildBoltApp(options: BoltOptions): BoltParts {
  const { botToken, identity, logger, clientOptions } = options;
  const common = {
    authorize: async () => ({ botToken, ...(await identity.get()) }),
    logger,
    clientOptions,
    convoStore: false as const,
  };
  if (options.appToken) {
    return { app: new App({ ...common, socketMode: true, appToken: options.appToken }) };
  }
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret ?? '',
    endpoints: SLACK_EVENTS_PATH,
    logger,
  });
  return { app: new App({ ...common, receiver }), receiver };
}
