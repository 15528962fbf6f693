import type { App } from '@slack/bolt';
import { homeView, unlinkedHome } from '../home-view.js';
import type { SlackListenerDeps } from '../listener-deps.js';
import { asSlackUser } from '../replies.js';

/** The command that answers with a one-time dashboard sign-in link, when a feature contributes it. */
const DASHBOARD_COMMAND = 'dasbor';

/**
 * The App Home tab, rebuilt each time the person opens it; with the dashboard installed it starts
 * with a fresh one-time sign-in link (what `/pandu dasbor` answers).
 */
export function registerHome(app: App, deps: SlackListenerDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    await asSlackUser(deps, event.user, async (user) => {
      const { chat, client } = deps;
      const t = await chat.texts(user);
      const overview = await chat.overview(user);
      const dashboard =
        overview && chat.commands().some((c) => c.name === DASHBOARD_COMMAND)
          ? (await chat.command(user, DASHBOARD_COMMAND, '')).messages.flatMap((m) => m.lines)
          : [];
      const view = overview
        ? homeView(overview.home, (id) => chat.flow(id), overview.now, t, dashboard)
        : unlinkedHome(t);
      await client.views.publish({ user_id: user.userId, view });
    });
  });
}
