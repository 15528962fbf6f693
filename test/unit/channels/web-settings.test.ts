import { createConnection } from 'mongoose';
import type { ChannelDeps } from '../../../src/channels/channel.js';
import { playgroundOn } from '../../../src/channels/web/web-server.js';
import { parseCommand } from '../../../src/channels/web/web-talk.js';
import { loadConfig } from '../../../src/config/env.js';
import { routeMatches, type HttpRoute } from '../../../src/http/routes.js';

const deps = (env: Record<string, string>, embedded: boolean) =>
  ({ config: loadConfig(env), embedded, connection: createConnection() }) as unknown as ChannelDeps;

describe('the web channel settings', () => {
  test('PLAYGROUND=on with NODE_ENV=production is a configuration error', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'on' })).toThrow(/PLAYGROUND/);
    expect(() => loadConfig({ PLAYGROUND: 'maybe' })).toThrow(/PLAYGROUND/);
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
  });

  test('the playground is on with the embedded database or PLAYGROUND=on, never in production', () => {
    expect(playgroundOn(deps({}, true))).toBe(true);
    expect(playgroundOn(deps({}, false))).toBe(false);
    expect(playgroundOn(deps({ PLAYGROUND: 'on' }, false))).toBe(true);
    expect(playgroundOn(deps({ PLAYGROUND: 'off' }, true))).toBe(false);
    expect(playgroundOn(deps({ NODE_ENV: 'production' }, true))).toBe(false);
  });

  test('a mounted prefix answers the paths below it, not its look-alikes; exact routes keep their method', () => {
    const handle = () => undefined;
    const web: HttpRoute = { method: '*', path: '/web', prefix: true, handle };
    const webhook: HttpRoute = { method: 'POST', path: '/telegram', handle };
    expect(routeMatches(web, 'GET', '/web')).toBe(true);
    expect(routeMatches(web, 'POST', '/web/api/p/tuti/kirim')).toBe(true);
    expect(routeMatches(web, 'GET', '/website')).toBe(false);
    expect(routeMatches(webhook, 'POST', '/telegram')).toBe(true);
    expect(routeMatches(webhook, 'GET', '/telegram')).toBe(false);
    expect(routeMatches(webhook, 'POST', '/telegram/x')).toBe(false);
  });

  test('typed commands are read as in Telegram', () => {
    expect(parseCommand('/status 001/ND')).toEqual({ name: 'status', args: '001/ND' });
    expect(parseCommand('/TUGAS')).toEqual({ name: 'tugas', args: '' });
    expect(parseCommand('halo /tugas')).toBeUndefined();
  });
});
