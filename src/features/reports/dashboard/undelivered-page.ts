import type { DashboardDeps, Viewer } from './dashboard-deps.js';
import { html, type SafeHtml } from './html.js';
import { localized, page } from './layout.js';
import type { UndeliveredMessage } from '../undelivered.js';

/** How many undeliverable messages the page lists, newest first. */
const LISTED = 100;

/**
 * `/dasbor/tak-terkirim`: the messages the outbox gave up on (refused for good, no linked
 * account, out of attempts) with whose, which request and step, when and why, and the command
 * that sends one again. Admins see everyone's; anyone else only the messages meant for them.
 */
export async function undeliveredPage(deps: DashboardDeps, viewer: Viewer): Promise<string> {
  const { t } = viewer;
  const filter = deps.source.org().isAdmin(viewer.personId) ? {} : { to: viewer.personId };
  const messages = await deps.undelivered.list(filter, LISTED);
  const rows = await Promise.all(messages.map((message) => row(message, viewer, deps)));
  const body =
    messages.length === 0
      ? html`<p class="message">${t('dash-undelivered-none')}</p>`
      : html`<p class="muted">${t('dash-undelivered-help')}</p>
          <div class="table">
            <table id="undelivered">
              <thead>
                <tr>
                  <th>${t('dash-col-person')}</th>
                  <th>${t('dash-col-letter')}</th>
                  <th>${t('dash-col-step')}</th>
                  <th>${t('dash-col-when')}</th>
                  <th>${t('dash-col-reason')}</th>
                  <th>${t('dash-col-retry')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
          </div>`;
  return page(viewer.frame(t('dash-undelivered-title'), 'none'), body);
}

async function row(message: UndeliveredMessage, viewer: Viewer, deps: DashboardDeps): Promise<SafeHtml> {
  const { t } = viewer;
  const person = deps.source.org().person(message.to);
  const instance = message.instanceId ? await deps.instance(message.instanceId) : undefined;
  const step = instance ? deps.flow(instance.flowId)?.steps.find((s) => s.id === message.stepId) : undefined;
  const letter = instance
    ? html`<a href="/dasbor/surat?id=${encodeURIComponent(instance.id)}"
        >${instance.agendaNumbers.incoming ?? instance.id}</a
      >`
    : message.instanceId || '—';
  return html`<tr data-id="${message.id}">
    <td>${person?.name ?? message.to}</td>
    <td>${letter}</td>
    <td>${step ? localized(step.title, viewer.reader.locale) : (message.stepId ?? '—')}</td>
    <td>${t('dash-when', { at: { instant: message.at.toISOString(), style: 'datetime' } })}</td>
    <td>${message.reason}</td>
    <td><code>npm run pandu -- outbox retry ${message.id}</code></td>
  </tr>`;
}
