import type { ServerResponse } from 'node:http';
import type { HttpRoute } from '../../http/routes.js';
import type { ChannelFactory, ChannelModule } from '../channel.js';
import { WebHub } from './web-hub.js';
import { registerPlayground } from './web-playground.js';
import { createWebSender } from './web-sender.js';
import { createWebServer, playgroundOn } from './web-server.js';
import { WebStore } from './web-store.js';
import { WebTalk } from './web-talk.js';

/**
 * The web channel: the same chat in a browser, at /web (sign-in by invite code or a one-time link
 * from another platform), and the playground at /play in demo mode. Always on: it needs nothing
 * but the service's own port and database.
 */
export const createWebChannel: ChannelFactory = async (deps) => {
  const store = new WebStore(deps.connection);
  const hub = new WebHub();
  const talk = new WebTalk(deps.chat, store, hub);
  const streams = new Set<ServerResponse>();
  const web = { deps, store, hub, talk, streams };
  const playground = playgroundOn(deps);
  const { app, handle } = await createWebServer(web);
  if (playground) registerPlayground(app, web, (deps.config.PUBLIC_URL ?? '').startsWith('https:'));
  await app.ready();
  const log = deps.logger.child({ channel: 'web' });
  const upSince = deps.clock.now().toISOString();
  const mount = (path: string, prefix: boolean): HttpRoute => ({ method: '*', path, prefix, handle });
  const module: ChannelModule = {
    platform: 'web',
    sender: createWebSender(store, hub),
    routes: [mount('/', false), mount('/web', true), ...(playground ? [mount('/play', true)] : [])],
    describe: () => ({ playground }),
    // The web is served by this process itself: it is up as soon as the service is.
    status: () => ({ state: 'up', since: upSince }),
    start: () => Promise.resolve(),
    started() {
      const url = deps.publicUrl();
      if (playground) log.info({ url: `${url}/play` }, `Mode demo: open ${url}/play to play the whole SOP`);
      else log.info({ url: `${url}/web` }, `Web channel at ${url}/web`);
    },
    async stop() {
      for (const stream of streams) stream.end();
      streams.clear();
      await app.close();
    },
  };
  return module;
};
