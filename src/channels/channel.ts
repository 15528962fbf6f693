import type { ChatPort } from '../chat/port.js';
import type { PlatformInfo } from '../chat/platforms.js';
import type { DeliveryLog } from '../chat/ports.js';
import type { ChatPlatform, ChatSender } from '../chat/types.js';
import type { Config } from '../config/env.js';
import type { HttpRoute } from '../http/routes.js';
import type { Logger } from '../logger.js';
import type { ChannelStatus } from './channel-link.js';

/** A running chat channel: how to send, what HTTP it serves, how to start and stop it. */
export interface ChannelModule {
  platform: ChatPlatform;
  sender: ChatSender;
  routes: HttpRoute[];
  /** Extra facts for /healthz and the start-up log (mode: polling, webhook, socket...). */
  describe(): Record<string, unknown>;
  /** Whether it reaches its platform now (/readyz). */
  status(): ChannelStatus;
  /** Starts connecting without waiting for the platform: a platform out of reach never blocks the start. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The org file changed (who is an admin, a requester...): menus and the like follow. */
  orgChanged?(): void;
}

export interface ChannelDeps {
  config: Config;
  chat: ChatPort;
  deliveries: DeliveryLog;
  logger: Logger;
}

/** A channel factory: a module when configured, else the reason it is off. */
export type ChannelFactory = (deps: ChannelDeps) => Promise<ChannelModule | { off: string }>;

/**
 * A chat platform as its folder registers it: what the rest of the service knows of it (id, name,
 * account ids, how commands are typed), and its channel, loaded only when the app is built.
 */
export interface PlatformRegistration extends PlatformInfo {
  load(): Promise<ChannelFactory>;
}
