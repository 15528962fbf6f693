import type { IncomingMessage, ServerResponse } from 'node:http';
import { timelineLines } from '../../../chat/timeline.js';
import { maySeeInstance } from '../../../core/engine/visibility.js';
import type { FileRef, Instance } from '../../../core/engine/types.js';
import type { OrgDirectory } from '../../../core/org/org-directory.js';
import { PageRefusal, type DashboardDeps, type Viewer } from './dashboard-deps.js';
import { html, type SafeHtml } from './html.js';
import { queryOf, send } from './http-kit.js';
import { localized, page } from './layout.js';

/** The instance in the URL, if it exists and the viewer may see it; else 404 either way. */
async function visibleInstance(deps: DashboardDeps, viewer: Viewer, id: string): Promise<Instance> {
  const instance = /^[\w.:-]{1,100}$/.test(id) ? await deps.instance(id) : undefined;
  if (!instance || !maySeeInstance(deps.source.org(), viewer.personId, instance)) {
    throw new PageRefusal(404, 'dash-error-no-letter');
  }
  return instance;
}

function nameOf(org: OrgDirectory, id: string | null | undefined): string {
  if (!id) return '—';
  if (id === 'system') return 'Pandu';
  return org.person(id)?.name ?? id;
}

/** Every file of the instance: its attachments and those of its runs. */
function filesOf(instance: Instance): FileRef[] {
  return [...instance.attachments, ...instance.runs.flatMap((run) => run.files)];
}

/** `/dasbor/surat?id=…`: the timeline, the disposition chain, the documents and the audit trail. */
export async function instancePage(
  deps: DashboardDeps,
  viewer: Viewer,
  request: IncomingMessage,
): Promise<string> {
  const { t } = viewer;
  const org = deps.source.org();
  const instance = await visibleInstance(deps, viewer, queryOf(request).get('id') ?? '');
  const flow = deps.flow(instance.flowId);
  const locale = viewer.reader.locale;
  const timeline: SafeHtml = flow
    ? html`<ol class="timeline">
        ${timelineLines(flow, org, instance, deps.clock.now())
          .slice(2)
          .map((line) => html`<li>${deps.translator.format(line, viewer.reader)}</li>`)}
      </ol>`
    : html``;
  const dispositions = instance.runs.filter((run) => run.disposition);
  const files = filesOf(instance);
  const body = html`<p>
      <b>${instance.agendaNumbers.incoming ?? instance.agendaNumbers.outgoing ?? instance.id}</b> ·
      ${instance.subject}
    </p>
    <p class="muted">
      ${flow ? localized(flow.header.name, locale) : instance.flowId} ·
      ${org.unit(instance.requesterUnitId)?.name ?? instance.requesterUnitId} ·
      ${t(`dash-state-${instance.status}`)}
    </p>
    <h2>${t('dash-timeline')}</h2>
    ${timeline}
    <h2>${t('dash-dispositions')}</h2>
    ${
      dispositions.length === 0
        ? html`<p class="muted">${t('dash-none')}</p>`
        : html`<ol id="dispositions">
            ${dispositions.map(
              (run) =>
                html`<li>
                  ${nameOf(org, run.actorId ?? run.assigneeId)} →
                  ${(run.disposition?.recipientIds ?? []).map((id) => nameOf(org, id)).join(', ')}${run.disposition?.note ? html` <span class="muted">(${run.disposition.note})</span>` : ''}
                </li>`,
            )}
          </ol>`
    }
    <h2>${t('dash-documents')}</h2>
    ${
      files.length === 0
        ? html`<p class="muted">${t('dash-none')}</p>`
        : html`<ul id="documents">
            ${files.map(
              (file) =>
                html`<li>
                  <a
                    href="/dasbor/berkas?surat=${encodeURIComponent(instance.id)}&amp;id=${encodeURIComponent(file.fileId)}"
                    >${file.name}</a
                  >
                  <span class="muted"
                    >${t('dash-file-by', { who: nameOf(org, file.uploadedBy), at: { instant: file.uploadedAt, style: 'datetime' } })}</span
                  >
                </li>`,
            )}
          </ul>`
    }
    <h2>${t('dash-audit')}</h2>
    <div class="table">
      <table id="audit">
        <thead>
          <tr>
            <th>${t('dash-col-when')}</th>
            <th>${t('dash-col-event')}</th>
            <th>${t('dash-col-person')}</th>
            <th>${t('dash-col-step')}</th>
          </tr>
        </thead>
        <tbody>
          ${instance.events.map(
            (event) =>
              html`<tr>
                <td>${t('dash-when', { at: { instant: event.at, style: 'datetime' } })}</td>
                <td>${event.type}</td>
                <td>
                  ${nameOf(org, event.actorId)}${event.onBehalfOf ? html` <span class="muted">(${nameOf(org, event.onBehalfOf)})</span>` : ''}
                </td>
                <td>${event.stepId ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  return page(viewer.frame(t('dash-letter-title'), 'none'), body);
}

/**
 * `/dasbor/berkas?surat=…&id=…`: a document of an instance the viewer may see (as in chat: those
 * taking part, their superiors, admins); the file must belong to that instance.
 */
export async function downloadFile(
  deps: DashboardDeps,
  viewer: Viewer,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const query = queryOf(request);
  const instance = await visibleInstance(deps, viewer, query.get('surat') ?? '');
  const ref = filesOf(instance).find((file) => file.fileId === query.get('id'));
  const stored = ref ? await deps.files.get(ref.fileId) : undefined;
  if (!ref || !stored) throw new PageRefusal(404, 'dash-error-no-file');
  send(response, 200, 'application/octet-stream', stored.bytes, {
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(ref.name)}`,
  });
}
