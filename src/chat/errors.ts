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
