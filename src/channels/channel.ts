import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/env.js';
import type { DeliveryLog } from '../core/ports.js';
import type { Logger } from '../logger.js';
import type { ChatCore } from '../chat/chat-core.js';
import type { ChatPlatform, ChatSender } from '../chat/types.js';

/** An HTTP route a channel serves on the service's own port (webhooks, Slack events). */
export interface HttpRoute {
  method: 'POST' | 'GET';
  path: string;
  handle(request: IncomingMessage, response: ServerResponse): void;
}

/** A running chat channel: how to send, what HTTP it serves, how to start and stop it. */
export interface ChannelModule {
  platform: ChatPlatform;
  sender: ChatSender;
  routes: HttpRoute[];
  /** Extra facts for /healthz and the start-up log (mode: polling, webhook, socket...). */
  describe(): Record<string, unknown>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ChannelDeps {
  config: Config;
  chat: ChatCore;
  deliveries: DeliveryLog;
  logger: Logger;
}

/** A channel factory: a module when configured, else the reason it is off. */
export type ChannelFactory = (deps: ChannelDeps) => Promise<ChannelModule | { off: string }>;
