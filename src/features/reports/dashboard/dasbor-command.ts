import type { ChatCommandHandler } from '../../../chat/contributions.js';
import type { DashboardSessions } from './sessions.js';

/** The sign-in link of a one-time token (`PUBLIC_URL/dasbor/masuk?t=…`). */
export function signInUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/dasbor/masuk?t=${encodeURIComponent(token)}`;
}

/**
 * `/dasbor`: a link that signs the person in to the dashboard, once, within 10 minutes. Without
 * PUBLIC_URL the service has no address to link to, and says so.
 */
export function dasborCommand(deps: {
  sessions: DashboardSessions;
  publicUrl: string | undefined;
}): ChatCommandHandler {
  return async ({ personId }) => {
    if (!deps.publicUrl) return { lines: [{ key: 'dash-chat-no-url' }] };
    const token = await deps.sessions.issueSignIn(personId);
    return { lines: [{ key: 'dash-chat-link', params: { url: signInUrl(deps.publicUrl, token) } }] };
  };
}
