import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/app.js';
import { createWebChannel } from '../../src/channels/web/web-channel.js';
import { startTestApp } from '../support/app-rig.js';
import { column, hasCount, launchBrowser, visible } from '../support/browser.js';

/**
 * A newcomer's trial: the playground on the embedded database, the whole SOP played in one browser,
 * person after person, with a rejected and an accepted upload, a return with a reason and live
 * updates; then the same page at a phone's width. Screenshots for the README are kept when
 * SCREENSHOTS=1.
 */
describe('the playground in a browser', () => {
  let app: App;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ channels: [createWebChannel] }), launchBrowser()]);
    base = `http://127.0.0.1:${app.port()}`;
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('one visitor plays all eleven steps, acting as each person in turn', async () => {
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/play');
    expect(await (await visible(page.locator('.demo'))).textContent()).toContain('Mode demo');
    // Everyone of the org is listed with position and unit.
    await hasCount(page.locator('#people li'), app.orgSource.org.allPeople().length);
    expect(await page.locator('#people li', { hasText: 'Tuti Rahayu' }).textContent()).toContain(
      'Staf · Subbagian Tata Usaha',
    );

    // "Mulai contoh": the sample ULP submits a sample request with a sample memo.
    await page.click('#start-sample');
    const ulp = column(page, 'ulp-biro-umum');
    await ulp.sees('diterima dan diteruskan');
    await ulp.sees('Dipegang oleh Tuti Rahayu');

    const actAs = async (personId: string) => {
      await page.click(`#people button[data-person="${personId}"]`);
      return column(page, personId);
    };

    // Step 2: Tata Usaha registers it; the memo arrives with the task, as a download.
    const tuti = await actAs('tuti');
    await tuti.tap('Langkah 2/11', 'Catat');
    await tuti.sees('Dicatat oleh Tuti Rahayu');
    await tuti.sees('nota-dinas-contoh.pdf');
    // The requester's status card moves on without a reload.
    await ulp.sees('Dipegang oleh Hendra Wijaya');

    // Step 3: the Kapus dispositions to Kabid Sari with a note.
    const hendra = await actAs('hendra');
    await hendra.sees('Langkah 3/11');
    if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: 'docs/images/playground.png' });
    await hendra.tap('Langkah 3/11', 'Disposisi');
    await hendra.tap('pilih penerima', 'Sari');
    await hendra.tap('☑ Sari', 'Lanjut');
    await hendra.tap('', 'Untuk ditindaklanjuti');
    await hendra.sees('catatan');
    await hendra.send('Mohon dikoordinasikan dengan Subbid Sisfo');
    await hendra.sees('Disposisi dikirim kepada Sari Handayani');

    // Step 4: the Kabid dispositions to Kasubbid Dewi without a note.
    const sari = await actAs('sari');
    await sari.tap('Langkah 4/11', 'Disposisi');
    await sari.tap('pilih penerima', 'Dewi');
    await sari.tap('☑ Dewi', 'Lanjut');
    await sari.tap('', 'Untuk dipelajari');
    await sari.tap('', 'Kirim tanpa catatan');

    // Step 5: Fajar first sends the sample list with errors (refused, with the reasons), then the valid one.
    const fajar = await actAs('fajar');
    await fajar.sees('Langkah 5/11');
    const wrong = await page.request.get(`${base}/play/contoh/daftar-ppk-salah.csv`);
    await fajar.upload('daftar-ppk-salah.csv', 'text/csv', await wrong.body());
    await fajar.sees(/NIP/);
    const valid = await page.request.get(`${base}/play/contoh/daftar-ppk.csv`);
    expect(valid.headers()['content-disposition']).toContain('attachment');
    await fajar.upload('daftar-ppk.csv', 'text/csv', await valid.body());
    await fajar.sees('daftar-ppk.csv dilampirkan');
    await fajar.tap('Langkah 5/11', 'Selesai');

    // Step 6: Dewi reads the rows and approves.
    const dewi = await actAs('dewi');
    await dewi.sees('Isi daftar (2 dari 2 baris)');
    await dewi.tap('Langkah 6/11', 'Setujui');
    await dewi.sees('Disetujui oleh Dewi Lestari');

    // Step 7: one box per account, ticked one by one.
    const checklist = await fajar.sees('Langkah 7/11');
    await hasCount(checklist.locator('button', { hasText: '☐' }), 2);
    await checklist.locator('button', { hasText: '☐' }).first().click();
    await hasCount(fajar.message('Langkah 7/11').locator('button', { hasText: '☑' }), 1);
    await fajar.message('Langkah 7/11').locator('button', { hasText: '☐' }).first().click();

    // Step 8: the draft report, uploaded from the file picker.
    await fajar.sees('Langkah 8/11');
    await fajar.upload('draft-laporan.docx', 'application/octet-stream', Buffer.from('PK draft v1'));
    await fajar.sees('draft-laporan.docx dilampirkan');
    await fajar.tap('Langkah 8/11', 'Selesai');

    // Step 9: Dewi returns it with a reason; an empty reason is not sent.
    await dewi.tap('Langkah 9/11', 'Kembalikan');
    await dewi.sees('alasan pengembalian');
    await dewi.send('Lampiran pagu anggaran belum sesuai nota dinas');
    await dewi.sees('Dikembalikan ke');
    await fajar.sees('Lampiran pagu anggaran belum sesuai nota dinas');
    await fajar.upload('draft-laporan-v2.docx', 'application/octet-stream', Buffer.from('PK draft v2'));
    await fajar.sees('draft-laporan-v2.docx dilampirkan');
    await fajar.tap(/Langkah 8\/11[\s\S]*Lampiran pagu/, 'Selesai');
    await dewi.sees('menggantikan v1');
    await dewi.tap('Langkah 9/11', 'Setujui');

    // Steps 10 and 11: the Kapus approves, Tata Usaha registers the outgoing letter.
    await hendra.tap('Langkah 10/11', 'Setujui');
    await tuti.tap('Langkah 11/11', 'Catat');
    await ulp.sees('selesai diproses');
    const instance = (await app.service.listForUnit('biro-umum', 10))[0];
    expect(instance?.status).toBe('completed');
  }, 120_000);

  test('at a phone width the page is one column, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/play`);
    const tuti = column(page, 'tuti');
    await tuti.sees('Langkah 11/11');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await tuti.root.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    await visible(tuti.root.locator('input[name=text]'));
    if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: 'docs/images/playground-phone.png' });
  }, 60_000);
});
