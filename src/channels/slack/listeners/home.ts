import type { App } from '@slack/bolt';
import { homeView, unlinkedHome } from '../home-view.js';
import { loadHomeData } from '../home-data.js';
import type { SlackListenerDeps } from '../listener-deps.js';
import { asSlackUser } from '../replies.js';
import { textsFor } from '../texts.js';

/** The App Home tab, rebuilt each time the person opens it. */
export function registerHome(app: App, deps: SlackListenerDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    await asSlackUser(deps, event.user, async (user) => {
      const { chat, client } = deps;
      const personId = await chat.identify(user);
      const t = await textsFor(chat, user, personId);
      const now = chat.deps.clock.now();
      const view = personId
        ? homeView(await loadHomeData(chat, personId, now), (id) => chat.deps.service.flow(id), now, t)
        : unlinkedHome(t);
      await client.views.publish({ user_id: user.userId, view });
    });
  });
}
