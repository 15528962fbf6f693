import { randomBytes } from 'node:crypto';
import type { ActionToken, ActionTokenStore } from './ports.js';

/** A fresh opaque token: 16 random bytes, 22 characters, well inside Telegram's 64-byte limit. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Collects the tokens of one rendered message and stores them together. */
export class TokenBatch {
  private readonly tokens: ActionToken[] = [];

  constructor(private readonly base: Omit<ActionToken, 'token' | 'actionId' | 'createdAt'>) {}

  issue(actionId: string, extra: Partial<Pick<ActionToken, 'runId' | 'instanceId'>> = {}): string {
    const token = newToken();
    this.tokens.push({ ...this.base, ...extra, token, actionId, createdAt: new Date().toISOString() });
    return token;
  }

  async saveTo(store: ActionTokenStore): Promise<void> {
    if (this.tokens.length > 0) await store.save(this.tokens);
  }
}
