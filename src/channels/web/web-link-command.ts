import { randomBytes } from 'node:crypto';
import type { ChatCommand } from '../../chat/contributions.js';
import type { PlatformDeps } from '../channel.js';

/** A one-time sign-in link lasts this long. */
export const WEB_LINK_TTL_MS = 10 * 60 * 1000;

/**
 * `/web` on any platform: a one-time link that signs the person in to the web channel, valid for
 * ten minutes and once. The link carries an invite code of its own (long and random); opening it
 * asks for a tap, so a link preview cannot use it up.
 */
export function webLinkCommand(deps: PlatformDeps): ChatCommand {
  return {
    name: 'web',
    run: async ({ personId }) => {
      const code = `web-${randomBytes(24).toString('base64url')}`;
      await deps.invites.issue(personId, code, new Date(deps.clock.now().getTime() + WEB_LINK_TTL_MS));
      deps.logger.info({ personId }, 'web sign-in link issued');
      const url = `${deps.publicUrl()}/web/masuk?kode=${encodeURIComponent(code)}`;
      return { lines: [{ key: 'web-link', params: { url, minutes: WEB_LINK_TTL_MS / 60_000 } }] };
    },
  };
}
