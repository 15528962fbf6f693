import escapeHtml from 'escape-html';
import type { Texts } from '../../chat/port.js';

/** The browser's texts: every label the page shows, in the reader's language. */
export const PAGE_TEXT_KEYS = [
  'web-title',
  'web-send',
  'web-placeholder',
  'web-attach',
  'web-sign-out',
  'web-demo',
  'web-demo-hint',
  'web-people',
  'web-act-as',
  'web-close',
  'web-start-sample',
  'web-samples',
  'web-sample-ppk-valid',
  'web-sample-ppk-errors',
  'web-offline',
  'web-failed',
  'web-empty',
  'web-you',
] as const;

export interface PageData {
  csrf: string;
  texts: Texts;
  lang: string;
}

function shell(kind: string, data: PageData, body: string, extra: Record<string, unknown> = {}): string {
  const texts = Object.fromEntries(PAGE_TEXT_KEYS.map((key) => [key, data.texts({ key })]));
  // A JSON island (not a script the browser runs), with `<` escaped so no text can end it early.
  const json = JSON.stringify({ texts, ...extra }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${escapeHtml(data.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${escapeHtml(data.csrf)}">
<title>${escapeHtml(data.texts({ key: 'web-title' }))}</title>
<link rel="stylesheet" href="/web/aset/pandu.css">
<script type="application/json" id="pandu-data">${json}</script>
<script src="/web/aset/pandu.js" defer></script>
</head>
<body data-page="${escapeHtml(kind)}">
${body}
</body>
</html>`;
}

/** Sign-in by invite code (or the confirmation of a one-time link), with a message when refused. */
export function signInPage(data: PageData, options: { code?: string; problem?: string }): string {
  const t = (key: string) => escapeHtml(data.texts({ key }));
  const problem = options.problem ? `<p class="problem" role="alert">${escapeHtml(options.problem)}</p>` : '';
  const code = options.code
    ? `<input type="hidden" name="kode" value="${escapeHtml(options.code)}"><p>${t('web-link-confirm')}</p>`
    : `<label for="kode">${t('web-code')}</label><input id="kode" name="kode" autocomplete="one-time-code" required maxlength="100">`;
  return shell(
    'signin',
    data,
    `<main class="signin">
<h1>${t('web-title')}</h1>
<p>${t('web-sign-in-hint')}</p>
${problem}
<form method="post" action="/web/masuk">
<input type="hidden" name="_csrf" value="${escapeHtml(data.csrf)}">
${code}
<button type="submit">${t('web-sign-in')}</button>
</form>
</main>`,
  );
}

/** A person's inbox: their conversation with Pandu, live. */
export function inboxPage(data: PageData, person: { id: string; name: string }): string {
  return shell(
    'inbox',
    data,
    `<header class="top"><span class="brand">Pandu</span><form method="post" action="/web/keluar"><input type="hidden" name="_csrf" value="${escapeHtml(data.csrf)}"><button type="submit" class="link">${escapeHtml(data.texts({ key: 'web-sign-out' }))}</button></form></header>
<main id="columns" class="columns single"></main>`,
    { people: [person], open: [person.id] },
  );
}

export interface PlaygroundPerson {
  id: string;
  name: string;
  position: string;
  unit: string;
}

/** The playground: everyone of the org, columns of the people one acts as, the samples. */
export function playgroundPage(data: PageData, people: PlaygroundPerson[], open: string[]): string {
  const t = (key: string) => escapeHtml(data.texts({ key }));
  return shell(
    'play',
    data,
    `<div class="demo" role="note"><strong>${t('web-demo')}</strong> ${t('web-demo-hint')}</div>
<div class="play">
<aside class="people">
<button type="button" id="start-sample" class="primary">${t('web-start-sample')}</button>
<p class="samples">${t('web-samples')}: <a href="/play/contoh/daftar-ppk.csv" download>${t('web-sample-ppk-valid')}</a> · <a href="/play/contoh/daftar-ppk-salah.csv" download>${t('web-sample-ppk-errors')}</a></p>
<h2>${t('web-people')}</h2>
<ul id="people"></ul>
</aside>
<main id="columns" class="columns"></main>
</div>`,
    { people, open },
  );
}
