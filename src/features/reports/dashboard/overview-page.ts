import type { IncomingMessage } from 'node:http';
import { scopeLabel } from '../compliance-text.js';
import { openWork, type OpenWorkItem } from '../open-work.js';
import type { ReportScope } from '../report-scope.js';
import { reportTexts } from '../report-texts.js';
import type { DashboardDeps, Viewer } from './dashboard-deps.js';
import { html, type SafeHtml } from './html.js';
import { queryOf } from './http-kit.js';
import { localized, page } from './layout.js';
import { scopeFromQuery, unitsFor } from './scope-query.js';

/** How many open steps the table lists (the counts cover all). */
const LISTED = 200;

/** A unit picker for the viewer's scope (GET, so the URL says what is shown). */
export function unitPicker(
  viewer: Viewer,
  deps: DashboardDeps,
  scope: ReportScope,
  action: string,
  extra: SafeHtml = html``,
): SafeHtml {
  const { t } = viewer;
  const units = unitsFor(deps.source.org(), viewer.personId);
  if (units.length === 0)
    return extra.text
      ? html`<form method="get" action="${action}" class="filters">
          ${extra}<button type="submit">${t('dash-show')}</button>
        </form>`
      : html``;
  const chosen = scope.kind === 'unit' ? scope.unitId : '';
  return html`<form method="get" action="${action}" class="filters">
    <label
      >${t('dash-unit')}<select name="unit">
        <option value="">${t('dash-unit-all-mine')}</option>
        ${units.map(
          (u) => html`<option value="${u.id}" ${u.id === chosen ? html` selected` : ''}>${u.name}</option>`,
        )}
      </select></label
    >${extra} <button type="submit">${t('dash-show')}</button>
  </form>`;
}

function row(item: OpenWorkItem, viewer: Viewer, deps: DashboardDeps): SafeHtml {
  const { t } = viewer;
  const locale = viewer.reader.locale;
  const flow = deps.flow(item.flowId);
  const unit = item.unitId ? (deps.source.org().unit(item.unitId)?.name ?? item.unitId) : '—';
  const badges = [
    item.overdue ? html`<span class="badge late">${t('dash-badge-overdue')}</span>` : '',
    item.escalationLevel > 0
      ? html` <span class="badge">${t('dash-badge-escalated', { level: item.escalationLevel })}</span>`
      : '',
    item.paused ? html` <span class="badge paused">${t('dash-badge-paused')}</span>` : '',
  ];
  return html`<tr class="${item.overdue ? 'late' : ''}">
    <td>
      <a href="/dasbor/surat?id=${encodeURIComponent(item.instanceId)}"
        >${item.agendaNumber ?? item.instanceId}</a
      ><br /><span class="muted">${item.subject}</span>
    </td>
    <td title="${flow ? localized(flow.header.name, locale) : item.flowId}">
      ${flow?.header.number ?? item.flowId}
    </td>
    <td>${item.stepNumber}. ${localized(item.stepTitle, locale)}</td>
    <td>${unit}</td>
    <td>${item.assigneeName}</td>
    <td>${item.dueAt ? t('dash-when', { at: { instant: item.dueAt, style: 'datetime' } }) : '—'}</td>
    <td class="num">
      ${item.lateMinutes > 0 ? t('dash-minutes', { m: { minutes: Math.round(item.lateMinutes) } }) : '—'}
      <br />${badges}
    </td>
  </tr>`;
}

/** `/dasbor`: counts at a glance and the open work of the scope, overdue first. */
export async function overviewPage(
  deps: DashboardDeps,
  viewer: Viewer,
  request: IncomingMessage,
): Promise<string> {
  const { t } = viewer;
  const org = deps.source.org();
  const scope = scopeFromQuery(queryOf(request), viewer.personId, org);
  const flows = deps.source.flows();
  const active = await deps.source.openWork.activeInstances(
    scope,
    org,
    flows.map((f) => f.id),
  );
  const now = deps.clock.now();
  const work = openWork(active, {
    flows,
    org,
    scope,
    now,
    timeZone: deps.source.timeZone,
    calendarFor: deps.source.calendarFor,
    limit: LISTED,
  });
  const c = work.counts;
  const card = (value: number, label: string, tone = '') =>
    html`<div class="card ${tone}" data-count="${label}"><b>${value}</b>${label}</div>`;
  const label = scopeLabel(scope, org, reportTexts(deps.translator, viewer.reader));
  // Admins see at once when messages could not be delivered (the list is theirs to act on).
  const undelivered = org.isAdmin(viewer.personId) ? await deps.undelivered.count({}) : 0;
  const warning =
    undelivered > 0
      ? html`<p class="message bad" id="undelivered-count">
          <a href="/dasbor/tak-terkirim">${t('dash-undelivered-count', { count: undelivered })}</a>
        </p>`
      : '';
  const body = html`${warning}${unitPicker(viewer, deps, scope, '/dasbor')}
    <p class="muted" id="scope">${t('dash-scope', { scope: label })}</p>
    <section class="cards" id="counts">
      ${card(c.open, t('dash-count-open'))}${card(c.dueToday, t('dash-count-due-today'), 'warn')}${card(c.overdue, t('dash-count-overdue'), 'bad')}${card(c.escalated, t('dash-count-escalated'), 'bad')}${card(c.paused, t('dash-count-paused'))}
    </section>
    <h2>${t('dash-open-work')}</h2>
    ${
      work.items.length === 0
        ? html`<p class="message">${t('dash-open-none')}</p>`
        : html`<div class="table">
              <table id="open-work">
                <thead>
                  <tr>
                    <th>${t('dash-col-letter')}</th>
                    <th>${t('dash-col-flow')}</th>
                    <th>${t('dash-col-step')}</th>
                    <th>${t('dash-col-unit')}</th>
                    <th>${t('dash-col-person')}</th>
                    <th>${t('dash-col-due')}</th>
                    <th class="num">${t('dash-col-late')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${work.items.map((item) => row(item, viewer, deps))}
                </tbody>
              </table>
            </div>
            ${c.open > work.items.length ? html`<p class="muted">${t('dash-open-more', { shown: work.items.length, open: c.open })}</p>` : ''}`
    }`;
  const mine = scope.kind === 'person' ? await myRequests(deps, viewer) : html``;
  return page(viewer.frame(t('dash-overview-title'), 'overview'), html`${body}${mine}`);
}

/** For someone who sees only their own work: the running letters they requested, too. */
async function myRequests(deps: DashboardDeps, viewer: Viewer): Promise<SafeHtml> {
  const { t } = viewer;
  const found = await deps.search.find({
    criteria: { requesterId: viewer.personId, status: 'active' },
    viewerId: viewer.personId,
    org: deps.source.org(),
    limit: LISTED,
  });
  if (found.letters.length === 0) return html``;
  return html`<h2>${t('dash-my-requests')}</h2>
    <ul id="my-requests">
      ${found.letters.map(
        (letter) =>
          html`<li>
            <a href="/dasbor/surat?id=${encodeURIComponent(letter.id)}"
              >${letter.agendaNumbers.incoming ?? letter.agendaNumbers.outgoing ?? letter.id}</a
            >
            · ${letter.subject}
          </li>`,
      )}
    </ul>`;
}
