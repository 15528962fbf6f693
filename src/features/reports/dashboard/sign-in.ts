import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../../http/http-server.js';
import { reportTexts } from '../report-texts.js';
import { verifyInitData } from '../telegram-init-data.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { html } from './html.js';
import {
  queryOf,
  readForm,
  redirect,
  sameOrigin,
  sendHtml,
  sessionCookie,
  sessionCookieOf,
} from './http-kit.js';
import { messagePage, page } from './layout.js';
import { SESSION_TTL_MS } from './sessions.js';

/** The chat platform whose Mini App signs its init data (a platform id, as the org file names it). */
const MINI_APP_PLATFORM = 'telegram';

function secure(deps: DashboardDeps): boolean {
  return deps.publicUrl?.startsWith('https:') ?? false;
}

function anonymousTexts(deps: DashboardDeps) {
  return reportTexts(deps.translator, deps.defaultReader);
}

async function openSession(
  deps: DashboardDeps,
  response: ServerResponse,
  personId: string,
  via: 'link' | 'mini-app',
): Promise<string> {
  const { cookie } = await deps.sessions.start(personId, via);
  deps.logger.info({ personId, via }, 'dashboard session started');
  return sessionCookie(cookie, SESSION_TTL_MS / 1000, secure(deps));
}

/**
 * GET /dasbor/masuk?t=…: a page with one button that signs in. The token is used only by the
 * POST, so a link preview fetching the URL does not use it up.
 */
export async function signInPage(deps: DashboardDeps, request: IncomingMessage, response: ServerResponse) {
  const { t, locale } = anonymousTexts(deps);
  const token = queryOf(request).get('t') ?? '';
  const frame = { t, locale, title: t('dash-sign-in-title') };
  sendHtml(
    response,
    200,
    page(
      frame,
      html`<p>${t('dash-sign-in-intro')}</p>
        <form method="post" action="/dasbor/masuk">
          <input type="hidden" name="t" value="${token}" /><button type="submit" id="sign-in">
            ${t('dash-sign-in-button')}
          </button>
        </form>`,
    ),
  );
  return Promise.resolve();
}

/** POST /dasbor/masuk: the one-time token becomes a session (once, within its 10 minutes). */
export async function signInPost(deps: DashboardDeps, request: IncomingMessage, response: ServerResponse) {
  const { t, locale } = anonymousTexts(deps);
  const frame = { t, locale, title: t('dash-sign-in-title') };
  if (!sameOrigin(request, deps.publicUrl)) {
    sendHtml(response, 403, messagePage(frame, t('dash-error-origin')));
    return;
  }
  const form = await readForm(request);
  const personId = await deps.sessions.redeemSignIn(form['t'] ?? '');
  if (!personId || !deps.source.org().person(personId)) {
    sendHtml(response, 401, messagePage(frame, t('dash-sign-in-invalid')));
    return;
  }
  redirect(response, '/dasbor', { 'set-cookie': await openSession(deps, response, personId, 'link') });
}

/** POST /dasbor/keluar: ends the session (its CSRF token required). */
export async function signOut(deps: DashboardDeps, request: IncomingMessage, response: ServerResponse) {
  const { t, locale } = anonymousTexts(deps);
  const frame = { t, locale, title: t('dash-signed-out-title') };
  const cookie = sessionCookieOf(request);
  const session = await deps.sessions.find(cookie);
  const form = await readForm(request);
  if (!cookie || !session || !sameOrigin(request, deps.publicUrl) || form['csrf'] !== session.csrf) {
    sendHtml(response, 403, messagePage(frame, t('dash-error-csrf')));
    return;
  }
  await deps.sessions.end(cookie);
  sendHtml(response, 200, messagePage(frame, t('dash-signed-out')), {
    'set-cookie': sessionCookie('', 0, secure(deps)),
  });
}

/** GET /dasbor/tg: the Mini App's page; its script posts the init data from the URL fragment. */
export function miniAppPage(deps: DashboardDeps, _request: IncomingMessage, response: ServerResponse) {
  const { t, locale } = anonymousTexts(deps);
  sendHtml(
    response,
    200,
    page(
      { t, locale, title: 'Pandu' },
      html`<p
          id="status"
          data-none="${t('dash-mini-app-no-data')}"
          data-failed="${t('dash-mini-app-failed')}"
        >
          ${t('dash-mini-app-wait')}
        </p>
        <script src="/dasbor/aset/tg.js"></script>`,
    ),
  );
  return Promise.resolve();
}

/**
 * POST /dasbor/tg/masuk {initData}: verified with the bot token (signature and age) before any
 * of it is read; the Telegram user must be a known person. The same session as a sign-in link.
 */
export async function miniAppSignIn(deps: DashboardDeps, request: IncomingMessage, response: ServerResponse) {
  const { t } = anonymousTexts(deps);
  const refuse = (status: number, key: string) => sendJson(response, status, { ok: false, message: t(key) });
  if (
    !sameOrigin(request, deps.publicUrl) ||
    !(request.headers['content-type'] ?? '').startsWith('application/json')
  ) {
    refuse(403, 'dash-error-origin');
    return;
  }
  if (!deps.miniAppToken) {
    refuse(404, 'dash-mini-app-off');
    return;
  }
  const form = await readForm(request);
  const result = verifyInitData(form['initData'] ?? '', {
    botToken: deps.miniAppToken,
    now: new Date(),
    maxAgeSeconds: deps.miniAppMaxAgeSeconds,
  });
  if (!result.ok) {
    deps.logger.warn({ reason: result.reason }, 'mini app init data refused');
    refuse(401, result.reason === 'stale' ? 'dash-mini-app-stale' : 'dash-mini-app-invalid');
    return;
  }
  const personId = await deps.personByChat(MINI_APP_PLATFORM, String(result.user.id));
  if (!personId) {
    refuse(403, 'dash-mini-app-unknown');
    return;
  }
  const cookie = await openSession(deps, response, personId, 'mini-app');
  response.setHeader('set-cookie', cookie);
  sendJson(response, 200, { ok: true });
}
