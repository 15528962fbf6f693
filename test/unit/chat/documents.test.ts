import type { FileRef } from '../../../src/core/engine/types.js';
import { createChatRig } from '../../support/chat-rig.js';

/**
 * `/berkas` and the document buttons: every version of every file, one tap away, for those who
 * may see the request only; the file goes through the outbox like any message.
 */
const MEMO: FileRef = {
  fileId: 'f-memo',
  name: 'nota-dinas.pdf',
  size: 2048,
  mimeType: 'application/pdf',
  sha256: 'ab'.repeat(32),
  uploadedBy: 'ulp-biro-umum',
  uploadedAt: '2026-11-23T02:00:00.000Z',
};

async function registered() {
  const rig = createChatRig();
  const instance = await rig.harness.advanceTo(
    await rig.harness.start(undefined, undefined, MEMO),
    'disposisi-kapus',
  );
  const agenda = instance.agendaNumbers.incoming ?? '';
  return { rig, instance, agenda };
}

describe('/berkas and document buttons', () => {
  test('a participant lists the files and gets one with a tap, through the outbox', async () => {
    const { rig, instance, agenda } = await registered();
    const list = await rig.command('tuti', 'berkas', agenda);
    expect(rig.replyText(list)).toContain(`Berkas permohonan ${agenda} (1)`);
    const button = list.messages[0]?.buttons.flat().find((b) => b.label.includes('nota-dinas.pdf'));
    expect(button?.label).toBe('L1 · nota-dinas.pdf (v1)');
    const before = rig.harness.outbox.prompts().length;
    const tap = await rig.chat.tap(await rig.user('tuti'), button?.token ?? '', 'tap-1');
    expect(tap.toast).toBe('📎 nota-dinas.pdf sedang dikirim.');
    const [sent] = rig.harness.outbox.prompts().slice(before);
    expect(sent).toMatchObject({
      to: 'tuti',
      instanceId: instance.id,
      kind: 'notice',
      file: { fileId: 'f-memo' },
    });
  });

  test('someone who takes no part gets nothing, and their taps are refused', async () => {
    const { rig, agenda } = await registered();
    // Yusuf is a Kabid of another division: neither a participant nor above one.
    expect(rig.replyText(await rig.command('yusuf', 'berkas', agenda))).toContain('tidak ditemukan');
    const list = await rig.command('tuti', 'berkas', agenda);
    const token = list.messages[0]?.buttons.flat()[0]?.token ?? '';
    const before = rig.harness.outbox.prompts().length;
    const foreign = await rig.chat.tap(await rig.user('yusuf'), token, 'tap-2');
    expect(foreign.toast).toBe('Tombol ini bukan untuk Anda.');
    expect(rig.harness.outbox.prompts().slice(before)).toEqual([]);
  });

  test('a task that is not for reading offers its documents as buttons; the Kapus’s task sends them itself', async () => {
    const { rig, instance } = await registered();
    const kapus = await rig.task(instance);
    expect(kapus.person).toBe('hendra');
    expect(kapus.message.buttons.flat().some((b) => b.label.includes('nota-dinas.pdf'))).toBe(false);
    await rig.harness.advanceTo(instance, 'input-data-ppk');
    const staff = await rig.task(instance);
    const doc = staff.message.buttons.flat().find((b) => b.label === '📎 nota-dinas.pdf (v1)');
    expect(doc).toBeDefined();
    const tap = await rig.chat.tap(await rig.user(staff.person), doc?.token ?? '', 'tap-3');
    expect(tap.toast).toContain('sedang dikirim');
  });
});

describe('/notifikasi', () => {
  test('sets how much a requester hears, and refuses other words with the choices', async () => {
    const rig = createChatRig();
    expect(rig.replyText(await rig.command('ulp-biro-umum', 'notifikasi', ''))).toContain(
      'sekarang: ringkas',
    );
    expect(rig.replyText(await rig.command('ulp-biro-umum', 'notifikasi', 'selesai'))).toContain(
      'hanya akan diberi kabar saat permohonan selesai',
    );
    expect((await rig.identities.preferences('ulp-biro-umum')).notify).toBe('selesai');
    expect(rig.replyText(await rig.command('ulp-biro-umum', 'notifikasi', 'sering'))).toContain(
      'sekarang: selesai',
    );
  });
});
