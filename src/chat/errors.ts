/** How a send failed, so the dispatcher knows whether and when to try again. */
export class ChannelRateLimitedError extends Error {
  constructor(
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(`rate limited, retry after ${retryAfterMs} ms`, options);
    this.name = 'ChannelRateLimitedError';
  }
}

export class ChannelTransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChannelTransientError';
  }
}

export class ChannelPermanentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChannelPermanentError';
  }
}

/** The person has no linked chat account on a channel this process has. */
export class NoChatAccountError extends ChannelPermanentError {
  constructor(personId: string) {
    super(`${personId} has no linked chat account on an enabled channel`);
    this.name = 'NoChatAccountError';
  }
}

/** Which part of a message a platform refused: its text, its buttons, or it does not say. */
export type RefusedPart = 'text' | 'buttons' | 'unknown';

/**
 * The platform refused the message itself (a 400: text it cannot take, markup it cannot parse),
 * not the person (blocked, no account): a plainer, shorter rendering of it may still go.
 */
export class ChannelContentRefusedError extends ChannelPermanentError {
  constructor(
    message: string,
    readonly part: RefusedPart,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChannelContentRefusedError';
  }
}
