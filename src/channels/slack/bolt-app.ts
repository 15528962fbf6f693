import { App, HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { BotIdentityCache } from './bot-identity.js';

/** Where Slack sends events, slash commands and interactions, on the service's own port. */
export const SLACK_EVENTS_PATH = '/slack/events';

type SocketModeDispatcher = NonNullable<ConstructorParameters<typeof SocketModeReceiver>[0]['dispatcher']>;

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
  /** Socket Mode's WebSocket through a proxy. */
  dispatcher?: SocketModeDispatcher;
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
    const receiver = new SocketModeReceiver({
      appToken: options.appToken,
      logger,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    return { app: new App({ ...common, receiver }) };
  }
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret ?? '',
    endpoints: SLACK_EVENTS_PATH,
    logger,
  });
  return { app: new App({ ...common, receiver }), receiver };
}
