import type { Connection } from 'mongoose';
import type { ChatContributions } from '../chat/contributions.js';
import type { ChatPort } from '../chat/port.js';
import type { PlatformInfo } from '../chat/platforms.js';
import type { DeliveryLog, InviteStore } from '../chat/ports.js';
import type { ChatPlatform, ChatSender } from '../chat/types.js';
import type { Config } from '../config/env.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import type { Clock } from '../core/ports.js';
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
  /** Called last, once the whole service runs (the port is bound): e.g. to log where to open it. */
  started?(): void;
  stop(): Promise<void>;
  /** The org file changed (who is an admin, a requester...): menus and the like follow. */
  orgChanged?(): void;
}

/** What a platform may use besides the chat layer: the things it needs that are not a person's chat. */
export interface PlatformDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Invites, for a platform that signs people in by its own means (a one-time link) and redeems them as chat does. */
  invites: InviteStore;
  /** Where people reach the service: PUBLIC_URL, else http://localhost:<bound port> (known after start). */
  publicUrl(): string;
}

export interface ChannelDeps extends PlatformDeps {
  chat: ChatPort;
  deliveries: DeliveryLog;
  /** The database connection, for a channel's own records (sessions, a message log). */
  connection: Connection;
  /** The service runs on its embedded database (a trial, not production). */
  embedded: boolean;
  /** The people of the org as the org file names them now. */
  org(): OrgDirectory;
}

/** A channel factory: a module when configured, else the reason it is off. */
export type ChannelFactory = (deps: ChannelDeps) => Promise<ChannelModule | { off: string }>;

/**
 * A chat platform as its folder registers it: what the rest of the service knows of it (id, name,
 * account ids, how commands are typed), and its channel, loaded only when the app is built.
 */
export interface PlatformRegistration extends PlatformInfo {
  load(): Promise<ChannelFactory>;
  /**
   * Why the channel is off with this configuration (a token not set), told without loading its
   * module: a service that does not use a platform does not pay for its library at start.
   */
  offWith?(config: Config): string | undefined;
  /** What the platform adds to chat on every platform (e.g. a command that sends a sign-in link). */
  chat?(deps: PlatformDeps): Promise<ChatContributions>;
}
