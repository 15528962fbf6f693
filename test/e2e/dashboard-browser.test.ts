import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchChromium,
  signedInitData,
  startDashboardRig,
  type DashboardRig,
} from '../support/dashboard/dashboard-rig.js';

/**
 * The leaders' dashboard in headless Chromium against the real service (embedded MongoDB): sign-in
 * links work once, a Kabid sees only her division and a forged unit or letter in the URL gets
 * 403/404 and no data, the Mini App's init data signs in only when signed and fresh.
 */
describe('the dashboard in a browser', () => {
  let rig: DashboardRig;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** An element's text with its white space collapsed, as a reader sees it. */
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ');
  const fresh = async (): Promise<Page> => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  };
  const signedIn = async (personId: string): Promise<Page> => {
    const page = await fresh();
    await page.goto(await rig.signInLink(personId));
    await page.click('#sign-in');
    await page.waitForURL(`${rig.base}/dasbor`);
    return page;
  };

  beforeAll(async () => {
    [rig, browser] = await Promise.all([startDashboardRig('pandu-dashboard-browser'), launchChromium()]);
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await rig?.stop();
  });

  test('a sign-in link works once; its session cookie is HttpOnly and SameSite; pages without one are refused', async () => {
    const link = await rig.signInLink('sari');
    const first = await fresh();
    // Opening the link (as a link preview would) does not use it up: the button does.
    await first.goto(link);
    const again = await fresh();
    await again.goto(link);
    await first.click('#sign-in');
    await first.waitForURL(`${rig.base}/dasbor`);
    expect(await first.textContent('header')).toContain('Sari Handayani');
    const [cookie] = await first.context().cookies();
    expect(cookie).toMatchObject({ name: 'pandu_dasbor', httpOnly: true, sameSite: 'Lax', path: '/dasbor' });

    const [refused] = await Promise.all([again.waitForResponse('**/dasbor/masuk'), again.click('#sign-in')]);
    expect(refused.status()).toBe(401);
    expect(await again.textContent('main')).toContain('Tautan masuk tidak berlaku');
    expect(await again.context().cookies()).toEqual([]);

    const anonymous = await fresh();
    const response = await anonymous.goto(`${rig.base}/dasbor`);
    expect(response?.status()).toBe(401);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await anonymous.textContent('main')).toContain('/dasbor');
  });

  test('a Kabid sees her division’s open work only, and a forged unit or letter in the URL gives no data', async () => {
    const page = await signedIn('sari');
    const table = await page.textContent('#open-work');
    expect(table).toContain('Pengadaan server aplikasi');
    expect(table).toContain('Rina Wulandari');
    expect(table).not.toContain('Undangan rapat');
    expect(await page.textContent('#counts')).toMatch(/1\s*terbuka/);
    expect(await page.textContent('#scope')).toContain('Bidang Pengembangan Aplikasi');

    // A unit under her division is hers to narrow to.
    expect((await page.goto(`${rig.base}/dasbor?unit=subbid-eproc`))?.status()).toBe(200);
    expect(await page.textContent('#open-work')).toContain('Pengadaan server aplikasi');

    for (const [url, status] of [
      ['/dasbor?unit=subbag-tu', 403],
      ['/dasbor?unit=pusdatinkomtel', 403],
      ['/dasbor?person=tuti', 403],
      ['/dasbor?unit=tidak-ada', 404],
      ['/dasbor/kepatuhan?unit=subbag-tu', 403],
      ['/dasbor/kepatuhan.xlsx?unit=subbag-tu', 403],
      [`/dasbor/surat?id=${rig.letters.undangan.id}`, 404],
      [`/dasbor/berkas?surat=${rig.letters.undangan.id}&id=${rig.files.undangan.fileId}`, 404],
      [`/dasbor/berkas?surat=${rig.letters.server.id}&id=${rig.files.undangan.fileId}`, 404],
    ] as const) {
      const response = await page.goto(`${rig.base}${url}`);
      expect([url, response?.status()]).toEqual([url, status]);
      const text = (await page.textContent('main')) ?? '';
      expect(text).not.toContain('Undangan rapat');
      expect(text).not.toContain('Tata Usaha Pusdatinkomtel');
    }

    // A requester sees the letters they asked for, and no unit's work.
    const requester = await signedIn('ulp-biro-umum');
    expect(await requester.textContent('#my-requests')).toContain('Pengadaan server aplikasi');
    expect(await requester.textContent('main')).not.toContain('Rina Wulandari');
    expect((await requester.goto(`${rig.base}/dasbor?unit=biro-umum`))?.status()).toBe(403);
    expect((await requester.goto(`${rig.base}/dasbor/surat?id=${rig.letters.server.id}`))?.status()).toBe(
      200,
    );

    // The admin (the Kapus) sees both.
    const admin = await signedIn('hendra');
    const all = await admin.textContent('#open-work');
    expect(all).toContain('Undangan rapat');
    expect(all).toContain('Pengadaan server aplikasi');
  });

  test('one letter: timeline, disposition chain, audit trail, and its document for those allowed', async () => {
    const page = await signedIn('sari');
    await page.click(`a[href="/dasbor/surat?id=${rig.letters.server.id}"]`);
    expect(await text(page, '#dispositions')).toContain('Hendra Wijaya → Sari Handayani');
    expect(await page.textContent('.timeline')).toContain('Rina Wulandari');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#documents a')]);
    expect(download.suggestedFilename()).toBe('nota-dinas-server.pdf');
    // Staff outside the letter may not see it.
    const other = await signedIn('fajar');
    expect((await other.goto(`${rig.base}/dasbor/surat?id=${rig.letters.server.id}`))?.status()).toBe(404);
  });

  test('letter search by words, unit and state, within what the person may see; bad input is a clear error', async () => {
    const page = await signedIn('sari');
    await page.goto(`${rig.base}/dasbor/cari`);
    await page.fill('input[name=q]', 'rapat');
    await page.click('#search button');
    expect(await page.textContent('main')).toContain('Tidak ada surat yang cocok');
    await page.fill('input[name=q]', 'server');
    await page.selectOption('select[name=unit]', 'biro-umum');
    await page.selectOption('select[name=state]', 'active');
    await page.click('#search button');
    expect(await page.textContent('#letters')).toContain('010/ND-M/PUSDATINKOMTEL/XI/2026');
    const bad = await page.goto(`${rig.base}/dasbor/cari?from=2026-13-01`);
    expect(bad?.status()).toBe(400);
    expect((await page.goto(`${rig.base}/dasbor/cari?unit=tidak-ada`))?.status()).toBe(400);
  });

  test('compliance: the step table, both charts as SVG, and the XLSX download', async () => {
    const page = await signedIn('hendra');
    await page.goto(`${rig.base}/dasbor/kepatuhan`);
    expect(await text(page, '#total')).toContain(
      '5 langkah selesai pada 4 permohonan, 80% dalam standar waktu',
    );
    const widths = await page.$$eval('.chart img', (images) =>
      images.map((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
    );
    expect(widths.length).toBe(2);
    expect(widths.every((w) => w > 0)).toBe(true);
    const steps = await page.textContent('.steps');
    expect(steps).toContain('50%');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#xlsx')]);
    expect(download.suggestedFilename()).toMatch(/^kepatuhan-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  test('the Mini App: signed, fresh init data signs in; tampered or stale data does not', async () => {
    const good = await fresh();
    await good.goto(
      `${rig.base}/dasbor/tg#tgWebAppData=${encodeURIComponent(signedInitData(5301, new Date()))}`,
    );
    await good.waitForURL(`${rig.base}/dasbor`);
    expect(await good.textContent('header')).toContain('Sari Handayani');

    const tampered = await fresh();
    const forged = signedInitData(5301, new Date()).replace('5301', '5302');
    await tampered.goto(`${rig.base}/dasbor/tg#tgWebAppData=${encodeURIComponent(forged)}`);
    await tampered.waitForFunction("document.getElementById('status').textContent.includes('tidak sah')");
    expect(await tampered.context().cookies()).toEqual([]);

    const stale = await fresh();
    const old = signedInitData(5301, new Date(Date.now() - 2 * 3600_000));
    await stale.goto(`${rig.base}/dasbor/tg#tgWebAppData=${encodeURIComponent(old)}`);
    await stale.waitForFunction("document.getElementById('status').textContent.includes('kedaluwarsa')");
    expect(await stale.context().cookies()).toEqual([]);

    const otherBot = await fresh();
    const wrongKey = signedInitData(5301, new Date(), '999:OTHER-token');
    await otherBot.goto(`${rig.base}/dasbor/tg#tgWebAppData=${encodeURIComponent(wrongKey)}`);
    await otherBot.waitForFunction("document.getElementById('status').textContent.includes('tidak sah')");
  });

  test('signing out needs the form’s CSRF token, and ends the session', async () => {
    const page = await signedIn('sari');
    const forged = await page.request.post(`${rig.base}/dasbor/keluar`, { form: { csrf: 'wrong' } });
    expect(forged.status()).toBe(403);
    expect((await page.goto(`${rig.base}/dasbor`))?.status()).toBe(200);
    await page.click('.signout button');
    expect(await page.textContent('main')).toContain('sudah keluar');
    expect((await page.goto(`${rig.base}/dasbor`))?.status()).toBe(401);
  });
});
