import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { App } from '../../src/app.js';
import { createWebChannel } from '../../src/channels/web/web-channel.js';
import { WebStore } from '../../src/channels/web/web-store.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import { column, launchBrowser, visible } from '../support/browser.js';

/**
 * Real use of the web channel (the playground off): sign-in by invite code and by a one-time /web
 * link (refused the second time), cookies, a foreign session refused, CSRF, hostile text shown
 * as text, sign-out, the audit log, and the rate limit on sign-in.
 */
describe('the web channel: sign-in and sessions', () => {
  let app: App;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startTestApp({
        channels: [createWebChannel],
        env: { PLAYGROUND: 'off', UPLOAD_MAX_BYTES: '4096' },
      }),
      launchBrowser(),
    ]);
    base = `http://127.0.0.1:${app.port()}`;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
  });

  /** A fresh browser (its own cookies) on a page. */
  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    contexts.push(context);
    return context.newPage();
  }

  async function signIn(page: Page, code: string): Promise<void> {
    await page.goto(`${base}/web`);
    expect(new URL(page.url()).pathname).toBe('/web/masuk');
    await page.fill('input[name=kode]', code);
    await page.click('form[action="/web/masuk"] button[type=submit]');
  }

  const csrfOf = (page: Page) =>
    page
      .locator('meta[name="csrf-token"]')
      .getAttribute('content')
      .then((v) => v ?? '');

  let tutiPage: Page;

  test('an invite code signs in; the session cookie is HttpOnly and SameSite; no playground', async () => {
    expect((await fetch(`${base}/play`)).status).toBe(404);
    tutiPage = await freshPage();
    await signIn(tutiPage, 'SALAH-123');
    await visible(tutiPage.locator('.problem', { hasText: 'tidak dikenal' }));
    await signIn(tutiPage, await inviteCode(app, 'tuti'));
    const tuti = column(tutiPage, 'tuti');
    await tuti.sees('Selamat datang, Tuti Rahayu');
    const cookie = (await tutiPage.context().cookies()).find((c) => c.name === 'pandu_sesi');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
    // The same commands as in chat.
    await tuti.send('/tugas');
    await tuti.sees('Tidak ada tugas terbuka');
  });

  test('a /web link signs in once, for ten minutes; the second use is refused', async () => {
    const tuti = column(tutiPage, 'tuti');
    await tuti.send('/web');
    const text = (await (await tuti.sees('/web/masuk?kode=')).innerText()).trim();
    const url = /https?:\/\/\S+/.exec(text)?.[0];
    expect(text).toContain('berlaku 10 menit');
    if (!url) throw new Error('no link');
    const link = url.replace(/^http:\/\/localhost:\d+/, base);

    const first = await freshPage();
    await first.goto(link);
    // Opening the link changes nothing by itself (a link preview cannot use it up).
    await visible(first.locator('form[action="/web/masuk"] button[type=submit]'));
    await first.click('form[action="/web/masuk"] button[type=submit]');
    await column(first, 'tuti').sees('Selamat datang, Tuti Rahayu');

    const second = await freshPage();
    await second.goto(link);
    await second.click('form[action="/web/masuk"] button[type=submit]');
    await visible(second.locator('.problem', { hasText: 'sudah dipakai' }));
    expect(await second.locator('section.inbox').count()).toBe(0);
  });

  test("a session sees only its own person's conversation; state changes need the CSRF token", async () => {
    const hendraPage = await freshPage();
    await signIn(hendraPage, await inviteCode(app, 'hendra'));
    await column(hendraPage, 'hendra').sees('Selamat datang, Hendra Wijaya');
    const csrf = await csrfOf(hendraPage);
    const asHendra = hendraPage.request;
    expect((await asHendra.get(`${base}/web/api/events?p=tuti`)).status()).toBe(403);
    expect((await asHendra.get(`${base}/web/api/events?p=hendra,tuti`)).status()).toBe(403);
    const foreign = await asHendra.post(`${base}/web/api/p/tuti/kirim`, {
      data: { text: '/tugas' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(foreign.status()).toBe(403);
    // Without the token, even one's own conversation refuses a change.
    const noToken = await asHendra.post(`${base}/web/api/p/hendra/kirim`, { data: { text: '/tugas' } });
    expect(noToken.status()).toBe(403);
    // An upload over the limit is refused with a message, and changes nothing.
    const hendra = column(hendraPage, 'hendra');
    await hendra.upload('besar.pdf', 'application/pdf', Buffer.alloc(8192, 1));
    await visible(hendra.toast.filter({ hasText: 'terlalu besar' }));
    // Without a session, nothing.
    expect((await fetch(`${base}/web/api/events?p=tuti`)).status).toBe(403);
  });

  test('hostile text is shown as text, never run', async () => {
    const ulpPage = await freshPage();
    await signIn(ulpPage, await inviteCode(app, 'ulp-biro-umum'));
    const ulp = column(ulpPage, 'ulp-biro-umum');
    await ulp.sees('Selamat datang');
    const hostile =
      '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> Perihal <b>tebal</b>';
    await ulp.send('/ajukan');
    await ulp.sees('Tulis perihal');
    await ulp.send(hostile);
    await ulp.sees('kirim nota dinasnya');
    await ulp.upload('nota-dinas.pdf', 'application/pdf', Buffer.from('%PDF-1.4 nota'));
    const card = await ulp.sees('diterima dan diteruskan');
    expect(await card.innerText()).toContain('<script>window.pwned=2</script>');
    expect(await ulpPage.locator('.messages img, .messages script, .messages b').count()).toBe(0);
    expect(await ulpPage.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // The Tata Usaha's task shows the same subject as text too.
    // (The letter's metadata question names the subject too: the task is the one with its step.)
    const task = await column(tutiPage, 'tuti').sees(
      /Langkah 2\/11[\s\S]*window\.pwned=2|window\.pwned=2[\s\S]*Langkah 2\/11/,
    );
    expect(await task.innerText()).toContain('Langkah 2/11');
    expect(await task.innerText()).toContain('<img src=x onerror="window.pwned=1">');
    expect(await tutiPage.locator('.messages img').count()).toBe(0);
  });

  test('sign-out ends the session; sign-ins and sign-outs are in the audit log; sign-in is rate-limited', async () => {
    const page = await freshPage();
    await signIn(page, await inviteCode(app, 'sari'));
    await column(page, 'sari').sees('Selamat datang');
    await page.click('form[action="/web/keluar"] button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/web/masuk');
    await page.goto(`${base}/web`);
    expect(new URL(page.url()).pathname).toBe('/web/masuk');

    const log = await new WebStore(app.storage.connection).auditLog();
    expect(log.filter((e) => e.kind === 'sign-in').map((e) => [e.personId, e.how])).toEqual([
      ['tuti', 'invite'],
      ['tuti', 'link'],
      ['hendra', 'invite'],
      ['ulp-biro-umum', 'invite'],
      ['sari', 'invite'],
    ]);
    expect(log.filter((e) => e.kind === 'sign-in-refused').length).toBeGreaterThanOrEqual(2);
    expect(log.some((e) => e.kind === 'sign-out' && e.personId === 'sari')).toBe(true);

    // Sign-in attempts from one address: at most 10 a minute.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      await page.goto(`${base}/web/masuk`);
      const response = await page.request.post(`${base}/web/masuk`, {
        form: { _csrf: await csrfOf(page), kode: `SALAH-${i}` },
      });
      statuses.push(response.status());
    }
    expect(statuses).toContain(429);
  });
});
