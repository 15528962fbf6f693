import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from '../../../http/routes.js';
import { ReportInputError } from '../report-errors.js';
import { reportTexts } from '../report-texts.js';
import { DASHBOARD_CSS, MINI_APP_JS } from './assets.js';
import { complianceChart, complianceDownload, compliancePage } from './compliance-page.js';
import { PageRefusal, type DashboardDeps, type Viewer } from './dashboard-deps.js';
import { send, sendHtml, sessionCookieOf } from './http-kit.js';
import { downloadFile, instancePage } from './instance-page.js';
import { messagePage, type PageFrame } from './layout.js';
import { overviewPage } from './overview-page.js';
import { searchPage } from './search-page.js';
import { undeliveredPage } from './undelivered-page.js';
import { miniAppPage, miniAppSignIn, signInPage, signInPost, signOut } from './sign-in.js';

type Handler = (deps: DashboardDeps, request: IncomingMessage, response: ServerResponse) => Promise<void>;
type ViewerHandler = (
  deps: DashboardDeps,
  viewer: Viewer,
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void>;

/** The signed-in person behind the request's session cookie, if the session is current and they are still in the org file. */
async function viewerOf(deps: DashboardDeps, request: IncomingMessage): Promise<Viewer | undefined> {
  const session = await deps.sessions.find(sessionCookieOf(request));
  const person = session ? deps.source.org().person(session.personId) : undefined;
  if (!session || !person) return undefined;
  const reader = { ...(await deps.readerFor(person.id)), now: deps.clock.now() };
  const { t, locale } = reportTexts(deps.translator, reader);
  const frame = (title: string, section: PageFrame['section']): PageFrame => ({
    t,
    locale,
    title,
    section: section ?? 'none',
    viewer: { name: person.name, csrf: session.csrf },
  });
  return { personId: person.id, name: person.name, session, reader, t, frame };
}

/** A page for signed-in people only: without a session, a page saying how to get a link. */
function signedIn(handler: ViewerHandler): Handler {
  return async (deps, request, response) => {
    const viewer = await viewerOf(deps, request);
    if (!viewer) {
      const { t, locale } = reportTexts(deps.translator, deps.defaultReader);
      sendHtml(
        response,
        401,
        messagePage({ t, locale, title: t('dash-sign-in-title') }, t('dash-sign-in-needed')),
      );
      return;
    }
    try {
      await handler(deps, viewer, request, response);
    } catch (error) {
      const frame = viewer.frame(viewer.t('dash-refused-title'), 'none');
      if (error instanceof PageRefusal) {
        sendHtml(response, error.status, messagePage(frame, viewer.t(error.messageKey, error.params)));
      } else if (error instanceof ReportInputError) {
        sendHtml(response, 400, messagePage(frame, viewer.t(error.messageKey, error.params)));
      } else {
        throw error;
      }
    }
  };
}

function htmlPage(
  render: (deps: DashboardDeps, viewer: Viewer, request: IncomingMessage) => Promise<string>,
): ViewerHandler {
  return async (deps, viewer, request, response) =>
    sendHtml(response, 200, await render(deps, viewer, request));
}

function asset(type: string, body: string): Handler {
  return (_deps, _request, response) => {
    send(response, 200, type, body, { 'cache-control': 'public, max-age=3600' });
    return Promise.resolve();
  };
}

/**
 * The dashboard's routes (plain HTTP handlers on the service's port). Every page reads the
 * session on the server and scopes what it shows to the signed-in person; a failure is a 500 and
 * a log line, never a stack.
 */
export function dashboardRoutes(deps: DashboardDeps): HttpRoute[] {
  const table: Array<[HttpRoute['method'], string, Handler]> = [
    ['GET', '/dasbor', signedIn(htmlPage(overviewPage))],
    ['GET', '/dasbor/surat', signedIn(htmlPage(instancePage))],
    ['GET', '/dasbor/berkas', signedIn(downloadFile)],
    ['GET', '/dasbor/cari', signedIn(htmlPage(searchPage))],
    ['GET', '/dasbor/tak-terkirim', signedIn(htmlPage(undeliveredPage))],
    ['GET', '/dasbor/kepatuhan', signedIn(htmlPage(compliancePage))],
    ['GET', '/dasbor/kepatuhan/grafik', signedIn(complianceChart)],
    ['GET', '/dasbor/kepatuhan.xlsx', signedIn(complianceDownload)],
    ['GET', '/dasbor/masuk', signInPage],
    ['POST', '/dasbor/masuk', signInPost],
    ['POST', '/dasbor/keluar', signOut],
    ['GET', '/dasbor/tg', (d, q, r) => Promise.resolve(miniAppPage(d, q, r))],
    ['POST', '/dasbor/tg/masuk', miniAppSignIn],
    ['GET', '/dasbor/aset/dasbor.css', asset('text/css; charset=utf-8', DASHBOARD_CSS)],
    ['GET', '/dasbor/aset/tg.js', asset('text/javascript; charset=utf-8', MINI_APP_JS)],
  ];
  return table.map(([method, path, handler]) => ({
    method,
    path,
    handle: (request, response) => {
      handler(deps, request, response).catch((error: unknown) => {
        deps.logger.error({ err: error, path }, 'dashboard page failed');
        if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'error');
        else response.destroy();
      });
    },
  }));
}
