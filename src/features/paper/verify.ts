import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readVerificationId, sha256Hex, VERIFICATION_ID_PATTERN } from '../../files/paper/index.js';
import type { HttpRoute } from '../../http/routes.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import type { TextOutput } from '../feature.js';
import type { PaperDocument, PaperStore } from './paper-store.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end('Not found\n');
}

/** The page's facts: what the document is and whether it is current, nothing of its content. */
export async function verifyFacts(
  store: PaperStore,
  id: string,
): Promise<{ document: PaperDocument; current: boolean } | undefined> {
  if (!VERIFICATION_ID_PATTERN.test(id)) return undefined;
  const document = await store.document(id);
  if (!document || document.kind === 'nota-dinas-docx') return undefined;
  return { document, current: await store.isCurrent(document) };
}

/** `GET /verify/<id>`: a small public page; an unknown id is a plain 404. */
export function verifyRoute(deps: {
  store: PaperStore;
  translator: Translator;
  reader: Reader;
  logger: Logger;
}): HttpRoute {
  const t = (key: string, params?: Record<string, string | number>) =>
    deps.translator.format({ key, ...(params ? { params } : {}) }, deps.reader);
  const page = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const id = decodeURIComponent(path.slice('/verify/'.length)).toUpperCase();
    const facts = await verifyFacts(deps.store, id);
    if (!facts) return notFound(response);
    const { document, current } = facts;
    const rows: Array<[string, string]> = [
      [t('paper-verify-kind'), t(`paper-kind-${document.kind}`)],
      [t('paper-verify-agenda'), document.agendaNumber],
      [t('paper-verify-version'), String(document.version)],
      [t('paper-verify-generated'), document.generatedAt],
      ['SHA-256', document.sha256],
      [t('paper-verify-status'), t(current ? 'paper-verify-current' : 'paper-verify-superseded')],
    ];
    const html = [
      '<!doctype html><html lang="id"><head><meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(t('paper-verify-title'))}</title>`,
      '<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}',
      'td{padding:.3rem .6rem;vertical-align:top}td:first-child{font-weight:bold}code{word-break:break-all}</style>',
      `</head><body><h1>${escapeHtml(t('paper-verify-title'))}</h1><table>`,
      ...rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td><code>${escapeHtml(v)}</code></td></tr>`),
      `</table><p>${escapeHtml(t('paper-verify-note'))}</p></body></html>`,
    ].join('');
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    });
    response.end(html);
  };
  return {
    method: 'GET',
    path: '/verify',
    prefix: true,
    handle: (request, response) => {
      page(request, response).catch((error: unknown) => {
        deps.logger.error({ err: error }, 'verify page failed');
        if (!response.headersSent) {
          response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          response.end('Error\n');
        }
      });
    },
  };
}

/** `pandu verify <file>`: 0 when the file is the current version as stored, 1 otherwise. */
export async function runVerify(
  args: string[],
  out: TextOutput,
  context: { store: PaperStore; translator: Translator; reader: Reader },
): Promise<number> {
  const t = (key: string, params?: Record<string, string | number>) =>
    context.translator.format({ key, ...(params ? { params } : {}) }, context.reader);
  const file = args.filter(Boolean)[0];
  if (!file || args.filter(Boolean).length > 1) {
    out.stderr(t('paper-verify-usage'));
    return 2;
  }
  const bytes = await readFile(file);
  const found = await readVerificationId(bytes);
  if (!found.found) {
    out.stderr(t(found.reason === 'not-a-pdf' ? 'paper-verify-not-pdf' : 'paper-verify-no-mark', { file }));
    return 1;
  }
  const facts = await verifyFacts(context.store, found.id);
  if (!facts) {
    out.stderr(t('paper-verify-unknown', { file, id: found.id }));
    return 1;
  }
  const actual = sha256Hex(bytes);
  const params = {
    file,
    kind: t(`paper-kind-${facts.document.kind}`),
    agenda: facts.document.agendaNumber,
    version: facts.document.version,
    sha: facts.document.sha256,
  };
  if (actual !== facts.document.sha256) {
    out.stderr(t('paper-verify-changed', { ...params, actual }));
    return 1;
  }
  out.stdout(t(facts.current ? 'paper-verify-ok' : 'paper-verify-ok-superseded', params));
  return 0;
}
