import type { App } from '../../src/app.js';
import { inviteCode } from '../support/app-rig.js';
import {
  hasButton,
  hasDocument,
  hasText,
  startAppOnStandIns,
  TELEGRAM_TEST_TOKEN,
  telegramPeople,
} from '../support/e2e/index.js';
import { TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

const people: Record<string, SimUser> = {
  'ulp-biro-umum': { id: 6101, first_name: 'Andi', language_code: 'id' },
  tuti: { id: 6102, first_name: 'Tuti', language_code: 'id' },
  hendra: { id: 6103, first_name: 'Hendra', language_code: 'id' },
};

describe('a rahasia, sangat segera letter on Telegram', () => {
  const standIn = new TelegramBotApiStandIn({ token: TELEGRAM_TEST_TOKEN });
  const tg = telegramPeople(standIn, people);
  let app: App;

  beforeAll(async () => {
    app = await startAppOnStandIns({ telegram: { standIn } });
  });

  afterAll(async () => {
    await app?.stop();
    await standIn.stop();
  });

  test('the ULP marks it rahasia and sangat segera; tasks show it first and its messages cannot be forwarded; a bad value is refused', async () => {
    for (const id of Object.keys(people)) await tg.link(id, await inviteCode(app, id));
    await tg.submitRequest('ulp-biro-umum', 'Permohonan akun SPSE bagi ULP Biro Umum', {
      fileName: 'nota-dinas.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 rahasia'),
    });
    const question = await tg.next('ulp-biro-umum', hasButton('☑ Sifat: Biasa'));
    tg.tap('ulp-biro-umum', question, 'Sifat: Rahasia');
    await tg.edited('ulp-biro-umum', question, hasButton('☑ Sifat: Rahasia'));
    tg.tap('ulp-biro-umum', question, 'Derajat: Sangat Segera');
    await tg.edited('ulp-biro-umum', question, hasButton('☑ Derajat: Sangat Segera'));

    // A value outside its list is refused with the allowed values, and nothing changes.
    tg.send('ulp-biro-umum', '/surat sifat=penting');
    await tg.next(
      'ulp-biro-umum',
      hasText('Sifat surat “penting” tidak dikenal. Pilih salah satu: Biasa (biasa)'),
    );
    tg.send('ulp-biro-umum', '/surat nomor=027/1184/BU tanggal=2026-11-20 lampiran=1');
    await tg.next('ulp-biro-umum', hasText('Nomor surat: 027/1184/BU'));

    // TU's task leads with the letter's urgency and grading; it goes with protect_content.
    const before = tg.lastId('tuti');
    const callsBefore = standIn.calls('sendMessage').length;
    tg.send('tuti', '/tugas');
    const task = await tg.taskFor('tuti', 'Langkah 2/11', before);
    expect(task.text?.split('\n')[0]).toBe('⚡ Sangat Segera · 🔒 Rahasia');
    const protectedCalls = standIn
      .calls('sendMessage')
      .slice(callsBefore)
      .filter((c) => String(c.params['text']).includes('Langkah 2/11'));
    expect(protectedCalls.length).toBe(1);
    expect(protectedCalls.every((c) => String(c.params['protect_content']) === 'true')).toBe(true);

    // TU sets the klasifikasi and registers; the Kapus's task is marked the same way.
    tg.send('tuti', '/surat klasifikasi=027.1');
    await tg.next('tuti', hasText('Klasifikasi: 027.1'));
    tg.tap('tuti', task, 'Catat');
    // The requester's status card, edited as the letter moves, names no subject now.
    const card = await tg.next('ulp-biro-umum', hasText('Dipegang oleh'));
    const sealed = await tg.edited('ulp-biro-umum', card, hasText('Surat rahasia'));
    expect(sealed.text).not.toContain('Permohonan akun SPSE');
    const kapus = await tg.taskFor('hendra', 'Langkah 3/11');
    expect(kapus.text?.split('\n')[0]).toBe('⚡ Sangat Segera · 🔒 Rahasia');
    const agenda = (await app.service.openTasksFor('hendra'))[0]?.instance.agendaNumbers.incoming ?? '';
    expect(agenda).toMatch(/^001\//);
    tg.send('ulp-biro-umum', `/arsip ${agenda}`);
    const archive = await tg.next('ulp-biro-umum', hasDocument(/^arsip-001-ND-M-.*\.zip$/));
    expect(archive.document?.bytes.subarray(0, 2).toString()).toBe('PK');
    const documents = standIn
      .calls('sendDocument')
      .filter((c) => String(c.params['chat_id']) === String(people['ulp-biro-umum']?.id));
    // A rahasia letter's archive cannot be forwarded either.
    expect(documents.map((c) => String(c.params['protect_content']))).toEqual(['true']);
    tg.send('hendra', '/arsip TIDAK/ADA/1');
    await tg.next('hendra', hasText('Tidak ada surat dengan nomor agenda TIDAK/ADA/1 yang dapat Anda akses'));
    // /agenda is for TU and admins: the ULP is refused, TU gets the book.
    tg.send('ulp-biro-umum', '/agenda');
    await tg.next('ulp-biro-umum', hasText('Buku agenda hanya untuk Tata Usaha'));
    tg.send('tuti', '/agenda masuk');
    const book = await tg.next('tuti', hasDocument(/^buku-agenda-surat-masuk-\d{4}\.xlsx$/));
    expect(book.document?.bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
