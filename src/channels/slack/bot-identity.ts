import type { webApi } from '@slack/bolt';

export interface BotIdentity {
  botUserId: string;
  botId: string;
}

/**
 * Who the bot is (auth.test), asked once and remembered. A failed call is not remembered, so the
 * next event asks again (Slack may have been unreachable when the service started).
 */
export class BotIdentityCache {
  private pending: Promise<BotIdentity> | undefined;

  constructor(private readonly client: webApi.WebClient) {}

  get(): Promise<BotIdentity> {
    this.pending ??= this.client.auth.test().then(
      (result) => ({ botUserId: result.user_id ?? '', botId: result.bot_id ?? '' }),
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }
}
