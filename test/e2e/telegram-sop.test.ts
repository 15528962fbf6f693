import { writeFileSync } from 'node:fs';
import type { App } from '../../src/app.js';
import { inviteCode } from '../support/app-rig.js';
import { ppkCsv } from '../support/ppk-fixtures.js';
import {
  hasButton,
  hasDocument,
  hasText,
  jakartaYear,
  romanMonth,
  sleep,
  startAppOnStandIns,
  TELEGRAM_TEST_TOKEN,
  telegramPeople,
} from '../support/e2e/index.js';
import { inlineButtons, TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

const people: Record<string, SimUser> = {
  'ulp-biro-umum': { id: 5101, first_name: 'Andi', language_code: 'id' },
  tuti: { id: 5102, first_name: 'Tuti', language_code: 'id' },
  hendra: { id: 5103, first_name: 'Hendra', language_code: 'id' },
  sari: { id: 5104, first_name: 'Sari', language_code: 'id' },
  dewi: { id: 5105, first_name: 'Dewi', language_code: 'id' },
  fajar: { id: 5106, first_name: 'Fajar', language_code: 'en' },
};

describe('the SPSE SOP on Telegram, end to end', () => {
  const standIn = new TelegramBotApiStandIn({ token: TELEGRAM_TEST_TOKEN });
  const tg = telegramPeople(standIn, people);
  let app: App;

  beforeAll(async () => {
    app = await startAppOnStandIns({ telegram: { standIn } });
  });

  afterAll(async () => {
    // PANDU_TRANSCRIPT=FILE keeps what each person saw, for reading the walk as its people would.
    const transcriptFile = process.env['PANDU_TRANSCRIPT'];
    if (transcriptFile)
      writeFileSync(
        transcriptFile,
        Object.entries(people)
          .map(([id, user]) => `=== ${id} (${user.first_name}) ===\n${standIn.transcript(user.id)}\n`)
          .join('\n'),
      );
    await app?.stop();
    await standIn.stop();
  });

  test('six people walk the whole SOP, with a return at step 9, an upload, a wrong tap, a stale button, a duplicate update and a 429', async () => {
    // Commands are registered in both languages; the default menu has the commands for everyone.
    expect(standIn.commands()?.map((c) => c.command)).toEqual(
      expect.arrayContaining(['tugas', 'status', 'bahasa', 'bantuan']),
    );
    expect(standIn.commands()?.map((c) => c.command)).not.toContain('ajukan');
    expect(standIn.commands({ languageCode: 'en' })?.find((c) => c.command === 'tugas')?.description).toBe(
      'My open tasks',
    );

    // An unlinked user is told how to get a code; a wrong code is refused.
    tg.send('tuti', 'halo');
    await tg.next('tuti', hasText('kode undangan'));
    tg.send('tuti', '/start SALAH123');
    await tg.next('tuti', hasText('Kode undangan tidak dikenal'));

    // Everyone links with an invite code; a used code is refused.
    for (const id of Object.keys(people)) {
      const code = await inviteCode(app, id);
      await tg.link(id, code, hasText(/Selamat datang|Welcome/));
      if (id === 'tuti') {
        tg.send('dewi', `/start ${code}`);
        await tg.next('dewi', hasText('sudah dipakai'));
      }
    }

    // Step 1: the ULP submits the request with /ajukan, a subject and the nota dinas.
    await tg.submitRequest('ulp-biro-umum', 'Permohonan pemanfaatan SPSE untuk pengadaan TA 2027', {
      fileName: 'nota-dinas.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 nota dinas'),
    });

    // The ULP gets one status card (no task of their own), edited as the request moves.
    const card = await tg.next('ulp-biro-umum', hasText('Dipegang oleh Tuti Rahayu'));
    expect(card.text).toContain('⏳ Langkah 2/11');
    expect(inlineButtons(card.replyMarkup)).toEqual([]);

    // Step 2: Tata Usaha registers it, with the memo it registers in hand (the very bytes sent).
    // The same tap delivered twice is applied once.
    const register = await tg.taskFor('tuti', 'Langkah 2/11');
    expect(register.text).toContain('Batas waktu');
    expect(register.text).toMatch(/W(IB|ITA|IT)/);
    expect(register.text).toContain('nota-dinas.pdf · v1 · 19 B · dari Andi Pratama');
    const memoForTuti = await tg.next('tuti', hasDocument('nota-dinas.pdf'), register.messageId);
    expect(memoForTuti.document?.bytes.toString()).toBe('%PDF-1.4 nota dinas');
    const registerTap = tg.tap('tuti', register, 'Catat');
    await standIn.waitForCallbackAnswer(registerTap);
    const closed = await tg.edited('tuti', register, hasText('Dicatat oleh Tuti Rahayu'));
    expect(inlineButtons(closed.replyMarkup)).toEqual([]);
    const instance = (await app.service.openTasksFor('hendra'))[0]?.instance;
    expect(instance?.agendaNumbers.incoming).toBe(`001/ND-M/PUSDATINKOMTEL/${romanMonth()}/${jakartaYear()}`);
    // A duplicated update (same update_id) is ignored.
    const callbackUpdate = standIn.pushedUpdates().find((u) => u.callback_query?.id === registerTap);
    if (!callbackUpdate) throw new Error('the callback update was not pushed');
    standIn.pushRawUpdate(callbackUpdate);
    await sleep(300);
    const afterDuplicate = await app.service.get(instance?.id ?? '');
    expect(afterDuplicate?.events.filter((e) => e.type === 'agenda-registered')).toHaveLength(1);
    // The same button tapped again (a new tap on the closed task) changes nothing and says who did it and when.
    const retap = tg.tapAsSeen('tuti', register);
    expect((await standIn.waitForCallbackAnswer(retap)).text).toMatch(
      /sudah diselesaikan oleh Tuti Rahayu pukul \d\d:\d\d W/,
    );
    expect((await app.service.get(instance?.id ?? ''))?.version).toBe(afterDuplicate?.version);

    // Step 3: Kapus dispositions to Kabid Sari through the buttons, with a note.
    const kapusTask = await tg.taskFor('hendra', 'Langkah 3/11');
    // A wrong person's tap (Fajar pressing the Kapus's button) changes nothing.
    const wrongTap = tg.tapAsSeen('fajar', kapusTask);
    expect((await standIn.waitForCallbackAnswer(wrongTap)).text).toMatch(/not for you|bukan untuk Anda/);
    expect(kapusTask.text).toContain('nota-dinas.pdf');
    expect(
      (
        await tg.next('hendra', hasDocument('nota-dinas.pdf'), kapusTask.messageId)
      ).document?.bytes.toString(),
    ).toBe('%PDF-1.4 nota dinas');
    tg.tap('hendra', kapusTask, 'Disposisi');
    // The task message itself becomes the disposition wizard.
    const recipients = await tg.edited('hendra', kapusTask, hasText('pilih penerima'));
    expect(inlineButtons(recipients.replyMarkup).map((b) => b.text)).toEqual([
      '☐ Sari Handayani (Kabid)',
      '☐ Yusuf Ramadhan (Kabid)',
      'Lanjut ›',
    ]);
    tg.tap('hendra', recipients, 'Sari');
    tg.tap('hendra', await tg.edited('hendra', recipients, hasButton('☑ Sari')), 'Lanjut');
    const instructions = await tg.edited('hendra', recipients, hasButton('Untuk ditindaklanjuti'));
    tg.tap('hendra', instructions, 'Untuk ditindaklanjuti');
    await tg.edited('hendra', recipients, hasText('catatan'));
    // Telegram answers the next sendMessage with a 429: whichever message it hits waits retry_after and still arrives.
    standIn.failNext('sendMessage', { status: 429, retryAfter: 1 });
    tg.send('hendra', 'Mohon dikoordinasikan dengan Subbid Sisfo');
    await tg.next('hendra', hasText('Disposisi dikirim kepada Sari Handayani'));
    // The wizard was the task: closing it leaves no button behind ("Kirim tanpa catatan" included),
    // and the closed task keeps its disposition and note.
    const kapusClosed = await tg.closed('hendra', kapusTask, 'Didisposisi oleh Hendra Wijaya');
    expect(kapusClosed.text).toContain(
      'Kepada Sari Handayani: Untuk ditindaklanjuti — Mohon dikoordinasikan',
    );

    // Step 4: Kabid Sari dispositions to Kasubbid Dewi (without a note).
    const kabidTask = await tg.taskFor('sari', 'Langkah 4/11');
    expect(kabidTask.text).toContain('Mohon dikoordinasikan');
    const rateLimited = standIn.calls('sendMessage').filter((c) => c.outcome?.ok === false);
    expect(rateLimited.length).toBeGreaterThanOrEqual(1);
    // The chain so far, as history.
    expect(kabidTask.text).toContain('Riwayat disposisi:');
    expect(kabidTask.text).toMatch(
      /Hendra Wijaya → Sari Handayani: Untuk ditindaklanjuti — Mohon dikoordinasikan/,
    );
    tg.tap('sari', kabidTask, 'Disposisi');
    const sariWizard = await tg.edited('sari', kabidTask, hasText('pilih penerima'));
    tg.tap('sari', sariWizard, 'Dewi');
    tg.tap('sari', await tg.edited('sari', sariWizard, hasButton('☑ Dewi')), 'Lanjut');
    tg.tap('sari', await tg.edited('sari', sariWizard, hasButton('Untuk dipelajari')), 'Untuk dipelajari');
    tg.tap(
      'sari',
      await tg.edited('sari', sariWizard, hasButton('Kirim tanpa catatan')),
      'Kirim tanpa catatan',
    );

    // The Kasubbid the Kabid named is told, with the chain and who now holds the task.
    const named = await tg.next('dewi', hasText('Anda disebut dalam disposisi'));
    expect(named.text).toContain('Sari Handayani → Dewi Lestari: Untuk dipelajari dan dilaporkan');
    expect(named.text).toContain('Tugas berikutnya kini dipegang Fajar Nugroho (Langkah 5/11');

    // Step 5: Fajar (English) uploads the PPK list as a document, then completes. His task shows the
    // whole chain, the Kapus's note too, and offers the memo as a button.
    const entry = await tg.taskFor('fajar', 'Step 5/11');
    expect(entry.text).toContain('Send the file');
    expect(entry.text).toContain('Disposition history:');
    expect(entry.text).toContain('Hendra Wijaya → Sari Handayani: For follow-up — Mohon dikoordinasikan');
    expect(entry.text).toContain('Sari Handayani → Dewi Lestari: Study and report back');
    tg.tap('fajar', entry, 'nota-dinas.pdf');
    expect(
      (await tg.next('fajar', hasDocument('nota-dinas.pdf'), entry.messageId)).document?.bytes.toString(),
    ).toBe('%PDF-1.4 nota dinas');
    tg.sendDocument('fajar', {
      fileName: 'daftar-ppk.csv',
      mimeType: 'text/csv',
      bytes: Buffer.from(ppkCsv()),
    });
    await tg.next('fajar', hasText('daftar-ppk.csv attached'), entry.messageId);
    tg.tap('fajar', await tg.edited('fajar', entry, hasText('Attached files (1)')), 'Done');

    // Step 6: Dewi reads the rows (not only counts) and gets the list itself, then approves.
    const verify = await tg.taskFor('dewi', 'Langkah 6/11');
    expect(verify.text).toContain('📋 Isi daftar (2 dari 2 baris):');
    expect(verify.text).toMatch(/2\. 198503152010121002 · Budi Santoso · PPK · .+ · Rp 1\.500\.000\.000/);
    const list = await tg.next('dewi', hasDocument('daftar-ppk.csv'), verify.messageId);
    expect(list.document?.bytes.toString()).toBe(ppkCsv());
    tg.tap('dewi', verify, 'Setujui');

    // Step 7: one checklist item per account of the verified list (two), ticked one by one; the step closes on the last.
    let checklist = await tg.taskFor('fajar', 'Step 7/11');
    const accounts = inlineButtons(checklist.replyMarkup).filter((b) => b.text.startsWith('☐')).length;
    expect(accounts).toBe(2);
    for (let i = 0; i < accounts; i++) {
      const box = inlineButtons(checklist.replyMarkup).find((b) => b.text.startsWith('☐'));
      if (!box) throw new Error('no unticked box');
      tg.tap('fajar', checklist, box.text);
      const ticked = i + 1;
      checklist = await tg.edited('fajar', checklist, (m) =>
        ticked === accounts
          ? inlineButtons(m.replyMarkup).length === 0
          : inlineButtons(m.replyMarkup).filter((b) => b.text.startsWith('☑')).length === ticked,
      );
    }

    // Step 8: the draft report.
    const draft = await tg.taskFor('fajar', 'Step 8/11');
    tg.sendDocument('fajar', {
      fileName: 'draft-laporan.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: Buffer.from('PK draft v1'),
    });
    await tg.edited('fajar', draft, hasText('Attached files (1)'));
    tg.tap('fajar', draft, 'Done');

    // Step 9: Dewi returns the draft; an empty reason is refused; the reason reaches Fajar.
    const review = await tg.taskFor('dewi', 'Langkah 9/11');
    tg.tap('dewi', review, 'Kembalikan');
    await tg.next('dewi', hasText('alasan pengembalian'), review.messageId);
    const beforeBlank = tg.lastId('dewi');
    tg.send('dewi', '   ');
    await tg.next('dewi', hasText('Alasan pengembalian wajib diisi'), beforeBlank);
    tg.send('dewi', 'Lampiran pagu anggaran belum sesuai nota dinas');
    await tg.next('dewi', hasText('Dikembalikan ke'));
    const redo = await tg.taskFor('fajar', 'Step 8/11', draft.messageId);
    expect(redo.text).toContain('Lampiran pagu anggaran belum sesuai nota dinas');
    tg.sendDocument('fajar', {
      fileName: 'draft-laporan-v2.docx',
      mimeType: 'application/octet-stream',
      bytes: Buffer.from('PK draft v2'),
    });
    await tg.edited('fajar', redo, hasText('Attached files (1)'));
    tg.tap('fajar', redo, 'Done');
    // The second review gets v2 (and not v1), and reads what it replaces and why.
    const secondReview = await tg.taskFor('dewi', 'Langkah 9/11', review.messageId);
    expect(secondReview.text).toContain(
      'draft-laporan-v2.docx · v2 · 11 B · dari Fajar Nugroho — menggantikan v1, dikembalikan oleh Dewi Lestari: Lampiran pagu anggaran belum sesuai nota dinas',
    );
    const v2 = await tg.next('dewi', hasDocument('draft-laporan-v2.docx'), secondReview.messageId);
    expect(v2.document?.bytes.toString()).toBe('PK draft v2');
    tg.tap('dewi', secondReview, 'Setujui');

    // Step 10: Kapus approves; step 11: Tata Usaha registers the outgoing letter.
    tg.tap('hendra', await tg.taskFor('hendra', 'Langkah 10/11'), 'Setujui');
    tg.tap('tuti', await tg.taskFor('tuti', 'Langkah 11/11'), 'Catat');
    const done = await tg.next('ulp-biro-umum', hasText('selesai diproses'));
    expect(done.text).toContain(`001/ND-K/PUSDATINKOMTEL/${romanMonth()}/${jakartaYear()}`);

    // A stale button (step 2's, tapped again) on the finished request changes nothing and says so.
    const staleTap = tg.tapAsSeen('tuti', register);
    expect((await standIn.waitForCallbackAnswer(staleTap)).text).toMatch(
      /Permohonan ini sudah selesai diproses/,
    );

    // /status shows the whole timeline; /tugas is empty for everyone.
    tg.send('hendra', `/status 001/ND-M/PUSDATINKOMTEL/${romanMonth()}/${jakartaYear()}`);
    const status = await tg.next('hendra', hasText('Status: selesai'));
    expect(status.text?.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(13);
    tg.send('dewi', '/kanal slack');
    await tg.next('dewi', hasText('Akun Slack Anda belum terhubung'));
    tg.send('dewi', '/kanal telegram');
    await tg.next('dewi', hasText('Tugas akan dikirim ke Telegram'));
    tg.send('dewi', '/tugas');
    await tg.next('dewi', hasText('Tidak ada tugas terbuka'));

    // The requester followed on one card (internal work shown neutrally), and got the final message.
    const cardNow = tg.messages('ulp-biro-umum').find((m) => m.messageId === card.messageId);
    expect(cardNow?.text).toContain('✅ Permohonan selesai diproses');
    expect(cardNow?.edits.map((e) => e.text ?? '').join('\n')).toContain('sedang diperbaiki');
    expect(cardNow?.edits.map((e) => e.text ?? '').join('\n')).not.toContain('Lampiran pagu');
    expect(
      tg
        .messages('ulp-biro-umum')
        .filter((m) => /Langkah \d+\/11/.test(m.text ?? '') && m.messageId !== card.messageId),
    ).toEqual([]);
    // No button outlives its step: every message anyone got is without buttons now.
    for (const who of Object.keys(people)) {
      const left = tg.messages(who).filter((m) => inlineButtons(m.replyMarkup).length > 0);
      expect([who, left.map((m) => m.text)]).toEqual([who, []]);
    }

    const final = await app.service.get(instance?.id ?? '');
    expect(final?.status).toBe('completed');
    expect(final?.events.filter((e) => e.type === 'returned').map((e) => e.data?.['reason'])).toEqual([
      'Lampiran pagu anggaran belum sesuai nota dinas',
    ]);
    expect(final?.events.every((e) => e.channel === 'telegram' || e.actorId === 'system')).toBe(true);
  });
});
