import type { LocalizedText, Locale } from '../../../core/i18n.js';
import type { Translate } from '../report-texts.js';
import { html, type SafeHtml } from './html.js';

export type Section = 'overview' | 'search' | 'compliance' | 'none';

export interface PageFrame {
  t: Translate;
  locale: Locale;
  title: string;
  /** The signed-in person (no menu without one). */
  viewer?: { name: string; csrf: string };
  section?: Section;
}

/** A text of the flow file in the reader's language. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.id;
}

/** The frame of every dashboard page: the project's stylesheet, a menu, a sign-out form. */
export function page(frame: PageFrame, body: SafeHtml): string {
  const { t, viewer } = frame;
  const link = (section: Section, href: string, label: string) =>
    html`<a href="${href}" ${frame.section === section ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
    <html lang="${frame.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} · Pandu</title>
        <link rel="stylesheet" href="/dasbor/aset/dasbor.css" />
      </head>
      <body>
        <header>
          <strong class="brand">Pandu</strong>
          ${
            viewer
              ? html`<nav>
                    ${link('overview', '/dasbor', t('dash-nav-overview'))}${link('search', '/dasbor/cari', t('dash-nav-search'))}${link('compliance', '/dasbor/kepatuhan', t('dash-nav-compliance'))}
                  </nav>
                  <form method="post" action="/dasbor/keluar" class="signout">
                    <input type="hidden" name="csrf" value="${viewer.csrf}" /><span>${viewer.name}</span>
                    <button type="submit">${t('dash-sign-out')}</button>
                  </form>`
              : ''
          }
        </header>
        <main>
          <h1>${frame.title}</h1>
          ${body}
        </main>
      </body>
    </html> `.text;
}

/** A page with only a message (refusals, errors, signed out). */
export function messagePage(frame: PageFrame, message: string): string {
  return page(frame, html`<p class="message">${message}</p>`);
}
