import type { App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import { ppkCsv } from '../support/ppk-fixtures.js';
import {
  inlineButtons,
  TelegramBotApiStandIn,
  type RecordedMessage,
  type SimUser,
} from '../support/telegram/index.js';

const people: Record<string, SimUser> = {
  'ulp-biro-umum': { id: 5101, first_name: 'Andi', language_code: 'id' },
  tuti: { id: 5102, first_name: 'Tuti', language_code: 'id' },
  hendra: { id: 5103, first_name: 'Hendra', language_code: 'id' },
  sari: { id: 5104, first_name: 'Sari', language_code: 'id' },
  dewi: { id: 5105, first_name: 'Dewi', language_code: 'id' },
  fajar: { id: 5106, first_name: 'Fajar', language_code: 'en' },
};
const person = (id: string): SimUser => people[id] as SimUser;

describe('the SPSE SOP on Telegram, end to end', () => {
  let standIn: TelegramBotApiStandIn;
  let app: App;

  beforeAll(async () => {
    standIn = new TelegramBotApiStandIn({ token: '123456:TEST-token' });
    await standIn.start();
    app = await startTestApp({
      env: { TELEGRAM_BOT_TOKEN: '123456:TEST-token', TELEGRAM_API_ROOT: standIn.apiRoot },
      channels: [createTelegramChannel],
    });
  });

  afterAll(async () => {
    await app?.stop();
    await standIn?.stop();
  });

  /** The newest bot message to a person that matches, waiting for it. */
  function next(
    who: string,
    predicate: (m: RecordedMessage) => boolean,
    after = 0,
  ): Promise<RecordedMessage> {
    return standIn.waitForMessage(person(who).id, (m) => m.messageId > after && predicate(m), 8000);
  }
  const hasText = (text: string) => (m: RecordedMessage) => (m.text ?? '').includes(text);
  const hasButton = (label: string) => (m: RecordedMessage) =>
    inlineButtons(m.replyMarkup).some((b) => b.text.includes(label));
  const lastId = (who: string) => standIn.sentTo(person(who).id).at(-1)?.messageId ?? 0;

  function tap(who: string, message: RecordedMessage, label: string): string {
    const id = standIn.userTapsButton(
      person(who),
      message,
      inlineButtons(message.replyMarkup).find((b) => b.text.includes(label))?.text ?? label,
    );
    return id;
  }

  async function taskFor(who: string, stepTitle: string, after = 0): Promise<RecordedMessage> {
    return next(
      who,
      (m) => (m.text ?? '').includes(stepTitle) && inlineButtons(m.replyMarkup).length > 0,
      after,
    );
  }

  test('six people walk the whole SOP, with a return at step 9, an upload, a wrong tap, a stale button, a duplicate update and a 429', async () => {
    // Commands are registered in both languages.
    expect(standIn.commands()?.map((c) => c.command)).toEqual(
      expect.arrayContaining(['tugas', 'status', 'ajukan', 'bahasa', 'bantuan']),
    );
    expect(standIn.commands({ languageCode: 'en' })?.find((c) => c.command === 'tugas')?.description).toBe(
      'My open tasks',
    );

    // An unlinked user is told how to get a code; a wrong code is refused.
    standIn.userSends(person('tuti'), 'halo');
    await next('tuti', hasText('kode undangan'));
    standIn.userSends(person('tuti'), '/start SALAH123');
    await next('tuti', hasText('Kode undangan tidak dikenal'));

    // Everyone links with an invite code; a used code is refused.
    for (const id of Object.keys(people)) {
      const code = await inviteCode(app, id);
      const before = lastId(id);
      standIn.userSends(person(id), `/start ${code}`);
      await next(id, (m) => /Selamat datang|Welcome/.test(m.text ?? ''), before);
      if (id === 'tuti') {
        standIn.userSends(person('dewi'), `/start ${code}`);
        await next('dewi', hasText('sudah dipakai'));
      }
    }

    // Step 1: the ULP submits the request with /ajukan, a subject and the nota dinas.
    standIn.userSends(person('ulp-biro-umum'), '/ajukan');
    await next('ulp-biro-umum', hasText('Tulis perihal'));
    standIn.userSends(person('ulp-biro-umum'), 'Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    await next('ulp-biro-umum', hasText('kirim nota dinasnya'));
    standIn.userSendsDocument(person('ulp-biro-umum'), {
      fileName: 'nota-dinas.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 nota dinas'),
    });
    await next('ulp-biro-umum', hasText('diterima dan diteruskan'));

    // Step 2: Tata Usaha registers it. The same tap delivered twice is applied once.
    const register = await taskFor('tuti', 'Langkah 2/11');
    expect(register.text).toContain('Batas waktu');
    expect(register.text).toMatch(/W(IB|ITA|IT)/);
    const registerTap = tap('tuti', register, 'Catat');
    await standIn.waitForCallbackAnswer(registerTap);
    const closed = await standIn.waitForMessage(
      person('tuti').id,
      (m) => m.messageId === register.messageId && (m.text ?? '').includes('Dicatat oleh Tuti Rahayu'),
    );
    expect(inlineButtons(closed.replyMarkup)).toEqual([]);
    const instance = (await app.service.openTasksFor('hendra'))[0]?.instance;
    expect(instance?.agendaNumbers.incoming).toBe(`001/ND-M/PUSDATINKOMTEL/${romanMonth()}/${jakartaYear()}`);
    // A duplicated update (same update_id) is ignored.
    const callbackUpdate = standIn.pushedUpdates().find((u) => u.callback_query?.id === registerTap);
    if (!callbackUpdate) throw new Error('the callback update was not pushed');
    standIn.pushRawUpdate(callbackUpdate);
    await new Promise((r) => setTimeout(r, 300));
    const afterDuplicate = await app.service.get(instance?.id ?? '');
    expect(afterDuplicate?.events.filter((e) => e.type === 'agenda-registered')).toHaveLength(1);
    // The same button tapped again (a new tap on the closed task) changes nothing and says who did it and when.
    const retap = standIn.userTaps(person('tuti'), register, callbackData(register), {
      allowUnknownData: true,
    });
    expect((await standIn.waitForCallbackAnswer(retap)).text).toMatch(
      /sudah diselesaikan oleh Tuti Rahayu pukul \d\d:\d\d W/,
    );
    expect((await app.service.get(instance?.id ?? ''))?.version).toBe(afterDuplicate?.version);

    // Step 3: Kapus dispositions to Kabid Sari through the buttons, with a note.
    const kapusTask = await taskFor('hendra', 'Langkah 3/11');
    // A wrong person's tap (Fajar pressing the Kapus's button) changes nothing.
    const wrongTap = standIn.userTaps(person('fajar'), kapusTask, callbackData(kapusTask), {
      allowUnknownData: true,
    });
    expect((await standIn.waitForCallbackAnswer(wrongTap)).text).toMatch(/not for you|bukan untuk Anda/);
    tap('hendra', kapusTask, 'Disposisi');
    const recipients = await next('hendra', hasText('pilih penerima'), kapusTask.messageId);
    expect(inlineButtons(recipients.replyMarkup).map((b) => b.text)).toEqual([
      '☐ Sari Handayani (Kabid)',
      '☐ Yusuf Ramadhan (Kabid)',
      'Lanjut ›',
    ]);
    tap('hendra', recipients, 'Sari');
    const chosen = await standIn.waitForMessage(
      person('hendra').id,
      (m) => m.messageId === recipients.messageId && hasButton('☑ Sari')(m),
    );
    tap('hendra', chosen, 'Lanjut');
    const instructions = await standIn.waitForMessage(
      person('hendra').id,
      (m) => m.messageId === recipients.messageId && hasButton('Untuk ditindaklanjuti')(m),
    );
    tap('hendra', instructions, 'Untuk ditindaklanjuti');
    await standIn.waitForMessage(
      person('hendra').id,
      (m) => m.messageId === recipients.messageId && hasText('catatan')(m),
    );
    // Telegram answers the next sendMessage with a 429: whichever message it hits waits retry_after and still arrives.
    standIn.failNext('sendMessage', { status: 429, retryAfter: 1 });
    standIn.userSends(person('hendra'), 'Mohon dikoordinasikan dengan Subbid Sisfo');
    await next('hendra', hasText('Disposisi dikirim kepada Sari Handayani'));

    // Step 4: Kabid Sari dispositions to Kasubbid Dewi (without a note).
    const kabidTask = await taskFor('sari', 'Langkah 4/11');
    expect(kabidTask.text).toContain('Mohon dikoordinasikan');
    const rateLimited = standIn.calls('sendMessage').filter((c) => c.outcome?.ok === false);
    expect(rateLimited.length).toBeGreaterThanOrEqual(1);
    tap('sari', kabidTask, 'Disposisi');
    const sariWizard = await next('sari', hasText('pilih penerima'), kabidTask.messageId);
    tap('sari', sariWizard, 'Dewi');
    tap(
      'sari',
      await standIn.waitForMessage(
        person('sari').id,
        (m) => m.messageId === sariWizard.messageId && hasButton('☑ Dewi')(m),
      ),
      'Lanjut',
    );
    tap(
      'sari',
      await standIn.waitForMessage(
        person('sari').id,
        (m) => m.messageId === sariWizard.messageId && hasButton('Untuk dipelajari')(m),
      ),
      'Untuk dipelajari',
    );
    tap(
      'sari',
      await standIn.waitForMessage(
        person('sari').id,
        (m) => m.messageId === sariWizard.messageId && hasButton('Kirim tanpa catatan')(m),
      ),
      'Kirim tanpa catatan',
    );

    // Step 5: Fajar (English) uploads the PPK list as a document, then completes.
    const entry = await taskFor('fajar', 'Step 5/11');
    expect(entry.text).toContain('Send the file');
    standIn.userSendsDocument(person('fajar'), {
      fileName: 'daftar-ppk.csv',
      mimeType: 'text/csv',
      bytes: Buffer.from(ppkCsv()),
    });
    await next('fajar', hasText('daftar-ppk.csv attached'), entry.messageId);
    const withFile = await standIn.waitForMessage(
      person('fajar').id,
      (m) => m.messageId === entry.messageId && hasText('Attached files (1)')(m),
    );
    tap('fajar', withFile, 'Done');

    // Step 6: Dewi approves the verification.
    tap('dewi', await taskFor('dewi', 'Langkah 6/11'), 'Setujui');

    // Step 7: one checklist item per account of the verified list (two), ticked one by one; the step closes on the last.
    let checklist = await taskFor('fajar', 'Step 7/11');
    const accounts = inlineButtons(checklist.replyMarkup).filter((b) => b.text.startsWith('☐')).length;
    expect(accounts).toBe(2);
    for (let i = 0; i < accounts; i++) {
      const box = inlineButtons(checklist.replyMarkup).find((b) => b.text.startsWith('☐'));
      if (!box) throw new Error('no unticked box');
      standIn.userTapsButton(person('fajar'), checklist, box.text);
      const ticked = i + 1;
      checklist = await standIn.waitForMessage(
        person('fajar').id,
        (m) =>
          m.messageId === checklist.messageId &&
          (ticked === accounts
            ? inlineButtons(m.replyMarkup).length === 0
            : inlineButtons(m.replyMarkup).filter((b) => b.text.startsWith('☑')).length === ticked),
      );
    }

    // Step 8: the draft report.
    const draft = await taskFor('fajar', 'Step 8/11');
    standIn.userSendsDocument(person('fajar'), {
      fileName: 'draft-laporan.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: Buffer.from('PK draft v1'),
    });
    await standIn.waitForMessage(
      person('fajar').id,
      (m) => m.messageId === draft.messageId && hasText('Attached files (1)')(m),
    );
    tap('fajar', standIn.message(draft) as RecordedMessage, 'Done');

    // Step 9: Dewi returns the draft; an empty reason is refused; the reason reaches Fajar.
    const review = await taskFor('dewi', 'Langkah 9/11');
    tap('dewi', review, 'Kembalikan');
    await next('dewi', hasText('alasan pengembalian'), review.messageId);
    const beforeBlank = lastId('dewi');
    standIn.userSends(person('dewi'), '   ');
    await next('dewi', hasText('Alasan pengembalian wajib diisi'), beforeBlank);
    standIn.userSends(person('dewi'), 'Lampiran pagu anggaran belum sesuai nota dinas');
    await next('dewi', hasText('Dikembalikan ke'));
    const redo = await taskFor('fajar', 'Step 8/11', draft.messageId);
    expect(redo.text).toContain('Lampiran pagu anggaran belum sesuai nota dinas');
    standIn.userSendsDocument(person('fajar'), {
      fileName: 'draft-laporan-v2.docx',
      mimeType: 'application/octet-stream',
      bytes: Buffer.from('PK draft v2'),
    });
    await standIn.waitForMessage(
      person('fajar').id,
      (m) => m.messageId === redo.messageId && hasText('Attached files (1)')(m),
    );
    tap('fajar', standIn.message(redo) as RecordedMessage, 'Done');
    tap('dewi', await taskFor('dewi', 'Langkah 9/11', review.messageId), 'Setujui');

    // Step 10: Kapus approves; step 11: Tata Usaha registers the outgoing letter.
    tap('hendra', await taskFor('hendra', 'Langkah 10/11'), 'Setujui');
    tap('tuti', await taskFor('tuti', 'Langkah 11/11'), 'Catat');
    const done = await next('ulp-biro-umum', hasText('selesai diproses'));
    expect(done.text).toContain(`001/ND-K/PUSDATINKOMTEL/${romanMonth()}/${jakartaYear()}`);

    // A stale button (step 2's, tapped again) on the finished request changes nothing and says so.
    const staleTap = standIn.userTaps(person('tuti'), register, callbackData(register), {
      allowUnknownData: true,
    });
    expect((await standIn.waitForCallbackAnswer(staleTap)).text).toMatch(
      /Permohonan ini sudah selesai diproses/,
    );

    // /status shows the whole timeline; /tugas is empty for everyone.
    standIn.userSends(person('hendra'), `/status 001/ND-M/PUSDATINKOMTEL/${romanMonth()}/${jakartaYear()}`);
    const status = await next('hendra', hasText('Status: selesai'));
    expect(status.text?.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(13);
    standIn.userSends(person('dewi'), '/kanal slack');
    await next('dewi', hasText('Akun Slack Anda belum terhubung'));
    standIn.userSends(person('dewi'), '/kanal telegram');
    await next('dewi', hasText('Tugas akan dikirim ke Telegram'));
    standIn.userSends(person('dewi'), '/tugas');
    await next('dewi', hasText('Tidak ada tugas terbuka'));

    const final = await app.service.get(instance?.id ?? '');
    expect(final?.status).toBe('completed');
    expect(final?.events.filter((e) => e.type === 'returned').map((e) => e.data?.['reason'])).toEqual([
      'Lampiran pagu anggaran belum sesuai nota dinas',
    ]);
    expect(final?.events.every((e) => e.channel === 'telegram' || e.actorId === 'system')).toBe(true);
  });
});

/** The callback data of a message's first button. */
function callbackData(message: RecordedMessage): string {
  const button = inlineButtons(message.replyMarkup)[0];
  return button && 'callback_data' in button ? button.callback_data : '';
}

function jakartaYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
  );
}

function romanMonth(): string {
  const month = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', month: 'numeric' }).format(new Date()),
  );
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][month - 1] ?? '';
}
