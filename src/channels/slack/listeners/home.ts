import type { App } from '@slack/bolt';
import { homeView, unlinkedHome } from '../home-view.js';
import type { SlackListenerDeps } from '../listener-deps.js';
import { asSlackUser } from '../replies.js';

/** The App Home tab, rebuilt each time the person opens it. */
export function registerHome(app: App, deps: SlackListenerDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    await asSlackUser(deps, event.user, async (user) => {
      const { chat, client } = deps;
      const t = await chat.texts(user);
      const overview = await chat.overview(user);
      const view = overview
        ? homeView(overview.home, (id) => chat.flow(id), overview.now, t)
        : unlinkedHome(t);
      await client.views.publish({ user_id: user.userId, view });
    });
  });
}
