import { webApi } from '@slack/bolt';
import {
  ChannelContentRefusedError,
  ChannelPermanentError,
  ChannelRateLimitedError,
  ChannelTransientError,
} from '../../chat/errors.js';

/**
 * Web API errors worth trying again later. Every other platform error (`channel_not_found`,
 * `not_in_channel`, `account_inactive`, `invalid_auth`, `invalid_blocks`...) is permanent: no retry
 * will cure it until a person or the app changes something.
 */
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'timeout',
]);

/** Errors about the message itself (its blocks, its text), which a plainer rendering may cure. */
const ABOUT_THE_MESSAGE = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'invalid_arguments',
]);

/** The Web API error code (`channel_not_found`) of a platform error, if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}

/**
 * Turns a Web API failure into what the outbox dispatcher understands: rate limited (with its
 * Retry-After), transient (network, 5xx, Slack's own trouble) or permanent.
 */
export function toChannelError(error: unknown, what: string): Error {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new ChannelRateLimitedError(Math.max(1, error.retryAfter) * 1000, { cause: error });
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return new ChannelTransientError(`slack ${what}: ${error.original.message}`, { cause: error });
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const retryAfter = Number(error.headers['retry-after']);
    if (error.statusCode === 429) {
      return new ChannelRateLimitedError(
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000,
        {
          cause: error,
        },
      );
    }
    if (error.statusCode >= 500 || error.statusCode === 408) {
      return new ChannelTransientError(`slack ${what}: HTTP ${error.statusCode}`, { cause: error });
    }
    if (error.statusCode === 400)
      return new ChannelContentRefusedError(`slack ${what}: HTTP 400`, 'unknown', { cause: error });
    return new ChannelPermanentError(`slack ${what}: HTTP ${error.statusCode}`, { cause: error });
  }
  const code = slackErrorCode(error);
  if (code !== undefined) {
    if (code === 'ratelimited' || code === 'rate_limited')
      return new ChannelRateLimitedError(1000, { cause: error });
    if (TRANSIENT.has(code)) return new ChannelTransientError(`slack ${what}: ${code}`, { cause: error });
    if (ABOUT_THE_MESSAGE.has(code))
      return new ChannelContentRefusedError(`slack ${what}: ${code}`, 'text', { cause: error });
    return new ChannelPermanentError(`slack ${what}: ${code}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ChannelTransientError(`slack ${what}: ${message}`, { cause: error });
}

/** Runs a Web API call and rethrows its failure as a channel error. */
export async function mapped<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toChannelError(error, what);
  }
}
