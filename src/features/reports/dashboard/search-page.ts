import type { IncomingMessage } from 'node:http';
import { MAX_QUERY_LENGTH, queryWords, type LetterCriteria } from '../letter-search.js';
import { addDays, localDate, MAX_PERIOD_DAYS, parseReportPeriod } from '../report-period.js';
import { PageRefusal, type DashboardDeps, type Viewer } from './dashboard-deps.js';
import { html } from './html.js';
import { queryOf } from './http-kit.js';
import { localized, page } from './layout.js';

const SHOWN = 50;
/** A date range without a start covers this many days up to its end (the reports' longest period). */
const MAX_SEARCH_DAYS = MAX_PERIOD_DAYS;

/** The form's values as criteria: unknown units, bad dates and odd states are clear errors. */
function criteriaOf(deps: DashboardDeps, query: URLSearchParams): LetterCriteria | undefined {
  const text = (name: string) => (query.get(name) ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const [words, agenda, unit, from, to, state] = ['q', 'agenda', 'unit', 'from', 'to', 'state'].map(text);
  if (!words && !agenda && !unit && !from && !to && !state) return undefined;
  const criteria: LetterCriteria = {};
  if (words) criteria.words = queryWords(words);
  if (agenda) criteria.agenda = agenda;
  if (unit) {
    if (!deps.source.org().unit(unit)) throw new PageRefusal(400, 'dash-error-unknown-unit', { unit });
    criteria.requesterUnitId = unit;
  }
  if (state) {
    if (state !== 'active' && state !== 'completed')
      throw new PageRefusal(400, 'dash-error-state', { state });
    criteria.status = state;
  }
  if (from || to) {
    // The same sane range and checks as the reports' periods; errors come back as ReportInputError.
    const now = deps.clock.now();
    const end = to || localDate(now, deps.source.timeZone);
    const period = parseReportPeriod(
      { from: from || addDays(end, 1 - MAX_SEARCH_DAYS), ...(to ? { to } : {}) },
      deps.source.timeZone,
      now,
    );
    criteria.createdFrom = period.from;
    criteria.createdTo = period.to;
  }
  return criteria;
}

/** `/dasbor/cari`: letters by agenda number, subject words, requesting unit, dates and state. */
export async function searchPage(
  deps: DashboardDeps,
  viewer: Viewer,
  request: IncomingMessage,
): Promise<string> {
  const { t } = viewer;
  const query = queryOf(request);
  const org = deps.source.org();
  const value = (name: string) => query.get(name) ?? '';
  const criteria = criteriaOf(deps, query);
  const state = value('state');
  const form = html`<form method="get" action="/dasbor/cari" class="filters" id="search">
    <label
      >${t('dash-search-words')}<input name="q" value="${value('q')}" maxlength="${MAX_QUERY_LENGTH}"
    /></label>
    <label
      >${t('dash-search-agenda')}<input
        name="agenda"
        value="${value('agenda')}"
        maxlength="${MAX_QUERY_LENGTH}"
    /></label>
    <label
      >${t('dash-search-unit')}<select name="unit">
        <option value="">—</option>
        ${org
          .allUnits()
          .map(
            (u) =>
              html`<option value="${u.id}" ${u.id === value('unit') ? html` selected` : ''}>
                ${u.name}
              </option>`,
          )}
      </select></label
    >
    <label>${t('dash-search-from')}<input type="date" name="from" value="${value('from')}" /></label>
    <label>${t('dash-search-to')}<input type="date" name="to" value="${value('to')}" /></label>
    <label
      >${t('dash-search-state')}<select name="state">
        <option value="">—</option>
        ${(['active', 'completed'] as const).map(
          (s) =>
            html`<option value="${s}" ${s === state ? html` selected` : ''}>${t(`dash-state-${s}`)}</option>`,
        )}
      </select></label
    >
    <button type="submit">${t('dash-search-button')}</button>
  </form>`;
  if (!criteria) return page(viewer.frame(t('dash-search-title'), 'search'), form);
  const found = await deps.search.find({ criteria, viewerId: viewer.personId, org, limit: SHOWN });
  const locale = viewer.reader.locale;
  const results =
    found.letters.length === 0
      ? html`<p class="message">${t('dash-search-none')}</p>`
      : html`<div class="table">
            <table id="letters">
              <thead>
                <tr>
                  <th>${t('dash-col-letter')}</th>
                  <th>${t('dash-col-flow')}</th>
                  <th>${t('dash-col-unit')}</th>
                  <th>${t('dash-col-made')}</th>
                  <th>${t('dash-search-state')}</th>
                </tr>
              </thead>
              <tbody>
                ${found.letters.map((letter) => {
                  const flow = deps.flow(letter.flowId);
                  return html`<tr>
                    <td>
                      <a href="/dasbor/surat?id=${encodeURIComponent(letter.id)}"
                        >${letter.agendaNumbers.incoming ?? letter.agendaNumbers.outgoing ?? letter.id}</a
                      ><br /><span class="muted">${letter.subject}</span>
                    </td>
                    <td>${flow ? localized(flow.header.name, locale) : letter.flowId}</td>
                    <td>${org.unit(letter.requesterUnitId)?.name ?? letter.requesterUnitId}</td>
                    <td>
                      ${letter.createdAt ? t('dash-when', { at: { instant: letter.createdAt, style: 'datetime' } }) : ''}
                    </td>
                    <td>${t(`dash-state-${letter.status}`)}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>
          ${found.more ? html`<p class="muted">${t('dash-search-more', { shown: SHOWN })}</p>` : ''}`;
  return page(viewer.frame(t('dash-search-title'), 'search'), html`${form}${results}`);
}
