import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type preHandlerHookHandler,
} from 'fastify';
import type { Texts } from '../../chat/port.js';
import type { ChannelDeps } from '../channel.js';
import { browserMain } from './web-client.js';
import { streamConversations } from './event-stream.js';
import type { WebHub } from './web-hub.js';
import { inboxPage, signInPage } from './web-pages.js';
import { WEB_CSS } from './web-style.js';
import { SESSION_TTL_MS, type WebStore } from './web-store.js';
import { webUser, type WebSpeaker, type WebTalk } from './web-talk.js';

export const SESSION_COOKIE = 'pandu_sesi';

export interface WebServerDeps {
  deps: ChannelDeps;
  store: WebStore;
  hub: WebHub;
  talk: WebTalk;
  /** Open event streams, ended when the channel stops. */
  streams: Set<ServerResponse>;
}

export type WebApp = FastifyInstance & { web: WebServerDeps };

/**
 * The web channel's pages and API on Fastify, mounted in the service's HTTP server: cookies, CSRF
 * on every state-changing request, a strict Content-Security-Policy, rate-limited sign-in.
 */
export async function createWebServer(
  web: WebServerDeps,
): Promise<{ app: FastifyInstance; handle: (req: IncomingMessage, res: ServerResponse) => void }> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    serverFactory: (h) => {
      handler = h;
      return createServer();
    },
  });
  const secure = (web.deps.config.PUBLIC_URL ?? '').startsWith('https:');
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    cookieKey: 'pandu_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    hsts: secure,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, {
    limits: { files: 1, fileSize: web.deps.config.UPLOAD_MAX_BYTES, fields: 2, parts: 3 },
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) web.deps.logger.error({ err: error, path: request.url }, 'web request failed');
    void reply.code(status).send({ error: status === 429 ? '429' : status === 403 ? '403' : 'error' });
  });

  const script = `var __name=function(f){return f};(${browserMain.toString()})();`;
  app.get('/web/aset/pandu.js', (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script),
  );
  app.get('/web/aset/pandu.css', (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(WEB_CSS),
  );
  app.get('/favicon.ico', (_request, reply) => reply.code(204).send());
  app.get('/', (_request, reply) => reply.redirect(playgroundOn(web.deps) ? '/play' : '/web'));

  registerSignIn(app, web, secure);
  registerConversation(app, web);
  return {
    app,
    handle: (req, res) => {
      if (handler) handler(req, res);
      else res.writeHead(503).end();
    },
  };
}

/** The CSRF check of a state-changing route (the token from the page, in a header or the form). */
export function csrfGuard(app: FastifyInstance): preHandlerHookHandler {
  return (request, reply, done) => app.csrfProtection(request, reply, done);
}

export function playgroundOn(deps: ChannelDeps): boolean {
  const { PLAYGROUND, NODE_ENV } = deps.config;
  if (NODE_ENV === 'production' || PLAYGROUND === 'off') return false;
  return PLAYGROUND === 'on' || deps.embedded;
}

/** The reader's texts for a page: the person's language, else the service's default. */
export async function pageTexts(
  web: WebServerDeps,
  accountId?: string,
): Promise<{ texts: Texts; lang: string }> {
  const user = accountId ? webUser(accountId) : webUser('', web.deps.config.DEFAULT_LOCALE);
  const texts = await web.deps.chat.texts(user);
  return { texts, lang: texts({ key: 'web-lang' }) };
}

export async function sessionOf(web: WebServerDeps, request: FastifyRequest) {
  return web.store.session(request.cookies[SESSION_COOKIE], web.deps.clock.now());
}

/** Starts a session for this browser, or returns the one it has. */
export async function ensureSession(
  web: WebServerDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  secure: boolean,
): Promise<string> {
  const current = request.cookies[SESSION_COOKIE];
  if (current && (await sessionOf(web, request))) return current;
  const cookie = await web.store.createSession(web.deps.clock.now());
  void reply.setCookie(SESSION_COOKIE, cookie, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_TTL_MS / 1000,
  });
  return cookie;
}

/** Links a new web account by an invite code, as `/start CODE` does; the person, or why not. */
export async function redeem(
  web: WebServerDeps,
  code: string,
): Promise<{ personId: string; accountId: string } | { problem: string }> {
  const accountId = `w${randomBytes(16).toString('hex')}`;
  const user = webUser(accountId);
  const reply = await web.deps.chat.command(user, 'start', code);
  const linked = await web.deps.chat.overview(user);
  if (!linked) return { problem: reply.messages[0]?.lines.join(' ') ?? reply.toast ?? '' };
  // The welcome and the open tasks, as the first messages of this sign-in.
  await web.talk.answer({ personId: linked.personId, accountId }, reply, undefined, true);
  return { personId: linked.personId, accountId };
}

function registerSignIn(app: FastifyInstance, web: WebServerDeps, secure: boolean): void {
  const { store, deps } = web;
  app.get<{ Querystring: { kode?: string } }>('/web', async (request, reply) => {
    const accounts = await sessionOf(web, request);
    const account = accounts?.[0];
    const person = account ? deps.org().person(account.personId) : undefined;
    if (!account || !person) return reply.redirect('/web/masuk');
    const { texts, lang } = await pageTexts(web, account.accountId);
    return reply
      .type('text/html; charset=utf-8')
      .send(inboxPage({ csrf: reply.generateCsrf(), texts, lang }, { id: person.id, name: person.name }));
  });
  app.get<{ Querystring: { kode?: string } }>('/web/masuk', async (request, reply) => {
    const { texts, lang } = await pageTexts(web);
    const code = typeof request.query.kode === 'string' ? request.query.kode.slice(0, 100) : undefined;
    return reply
      .type('text/html; charset=utf-8')
      .send(signInPage({ csrf: reply.generateCsrf(), texts, lang }, code ? { code } : {}));
  });
  app.post<{ Body: { kode?: unknown } }>(
    '/web/masuk',
    { preHandler: csrfGuard(app), config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const code = typeof request.body?.kode === 'string' ? request.body.kode.trim().slice(0, 100) : '';
      const how = code.startsWith('web-') ? 'link' : 'invite';
      const result = code ? await redeem(web, code) : { problem: '' };
      if ('problem' in result) {
        await store.record(
          { kind: 'sign-in-refused', how, reason: result.problem, ip: request.ip },
          deps.clock.now(),
        );
        const { texts, lang } = await pageTexts(web);
        return reply
          .code(400)
          .type('text/html; charset=utf-8')
          .send(
            signInPage(
              { csrf: reply.generateCsrf(), texts, lang },
              { problem: result.problem || texts({ key: 'web-code' }) },
            ),
          );
      }
      // A sign-in starts a fresh session: one person per browser outside the playground.
      const old = request.cookies[SESSION_COOKIE];
      if (old) await store.endSession(old);
      request.cookies[SESSION_COOKIE] = undefined;
      const cookie = await ensureSession(web, request, reply, secure);
      await store.addAccount(cookie, result.personId, result.accountId);
      await store.record(
        { kind: 'sign-in', how, personId: result.personId, ip: request.ip },
        deps.clock.now(),
      );
      deps.logger.info({ personId: result.personId, how }, 'web sign-in');
      return reply.redirect('/web', 303);
    },
  );
  app.post('/web/keluar', { preHandler: csrfGuard(app) }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    const accounts = await sessionOf(web, request);
    if (cookie) await store.endSession(cookie);
    for (const account of accounts ?? [])
      await store.record(
        { kind: 'sign-out', how: 'invite', personId: account.personId, ip: request.ip },
        deps.clock.now(),
      );
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/web/masuk', 303);
  });
}

/** The speaker a request may act as: a person of its own session, or a 403. */
async function speaker(
  web: WebServerDeps,
  request: FastifyRequest<{ Params: { person: string } }>,
): Promise<WebSpeaker | undefined> {
  const accounts = await sessionOf(web, request);
  const account = accounts?.find((a) => a.personId === request.params.person);
  return account ? { personId: account.personId, accountId: account.accountId } : undefined;
}

function registerConversation(app: FastifyInstance, web: WebServerDeps): void {
  const { store, hub, talk } = web;
  const forbidden = (reply: FastifyReply) => reply.code(403).send({ error: '403' });
  // One stream per page for all the people it shows (browsers allow few connections per host).
  app.get<{ Querystring: { p?: string } }>('/web/api/events', async (request, reply) => {
    const accounts = (await sessionOf(web, request)) ?? [];
    const wanted = [...new Set(String(request.query.p ?? '').split(','))].filter(Boolean).slice(0, 50);
    if (wanted.length === 0 || wanted.some((id) => !accounts.some((a) => a.personId === id)))
      return forbidden(reply);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    });
    const write = (event: string, payload: unknown) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    ping.unref();
    web.streams.add(res);
    const watching = streamConversations(wanted, { hub, history: (person) => store.history(person) }, write);
    res.on('close', () => {
      clearInterval(ping);
      // Also a page that went away while its histories were read: watched no longer once they are.
      void watching.then(
        (stopWatching) => stopWatching(),
        () => undefined,
      );
      web.streams.delete(res);
    });
    await watching;
    return reply;
  });
  app.post<{ Params: { person: string }; Body: { text?: unknown } }>(
    '/web/api/p/:person/kirim',
    { preHandler: csrfGuard(app) },
    async (request, reply) => {
      const who = await speaker(web, request);
      if (!who) return forbidden(reply);
      const text = typeof request.body?.text === 'string' ? request.body.text.slice(0, 4000) : '';
      if (!text.trim()) return reply.code(400).send({ error: 'empty' });
      return { toast: await talk.say(who, text) };
    },
  );
  app.post<{ Params: { person: string }; Body: { token?: unknown; messageId?: unknown } }>(
    '/web/api/p/:person/tekan',
    { preHandler: csrfGuard(app) },
    async (request, reply) => {
      const who = await speaker(web, request);
      if (!who) return forbidden(reply);
      const { token, messageId } = request.body ?? {};
      if (typeof token !== 'string' || token.length > 128 || typeof messageId !== 'string')
        return reply.code(400).send({ error: 'bad tap' });
      return { toast: await talk.tap(who, token, messageId, `web-${randomBytes(8).toString('hex')}`) };
    },
  );
  app.post<{ Params: { person: string } }>(
    '/web/api/p/:person/unggah',
    { preHandler: csrfGuard(app) },
    async (request, reply) => {
      const who = await speaker(web, request);
      if (!who) return forbidden(reply);
      const file = await request.file();
      if (!file) return reply.code(400).send({ error: 'no file' });
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch {
        const { texts } = await pageTexts(web, who.accountId);
        return reply.code(413).send({ error: texts({ key: 'web-too-large' }) });
      }
      const name = file.filename.replace(/[\\/\r\n]/g, '_').slice(0, 200) || 'berkas';
      return { toast: await talk.upload(who, name, file.mimetype || 'application/octet-stream', bytes) };
    },
  );
  app.get<{ Params: { person: string; file: string } }>(
    '/web/api/p/:person/berkas/:file',
    async (request, reply) => {
      const who = await speaker(web, request);
      if (!who) return forbidden(reply);
      const file = await store.file(who.personId, request.params.file);
      if (!file) return reply.code(404).send({ error: 'not found' });
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.bytes);
    },
  );
}
