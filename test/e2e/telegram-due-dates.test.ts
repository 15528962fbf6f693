import type { App } from '../../src/app.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import {
  hasText,
  standInChannels,
  standInEnv,
  TELEGRAM_TEST_TOKEN,
  telegramPeople,
} from '../support/e2e/index.js';
import { ManualClock } from '../support/fakes/memory-ports.js';
import { TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

/**
 * A due time on another day says which day: a request registered on Friday at 15:58 WIB, two
 * minutes before the office closes, is due on Monday, and reads so (with an injected clock).
 */
const people: Record<string, SimUser> = {
  'ulp-biro-umum': { id: 5201, first_name: 'Andi', language_code: 'id' },
  tuti: { id: 5202, first_name: 'Tuti', language_code: 'id' },
};

describe('due times across a weekend', () => {
  const standIn = new TelegramBotApiStandIn({ token: TELEGRAM_TEST_TOKEN });
  const tg = telegramPeople(standIn, people);
  const clock = new ManualClock(new Date('2026-11-27T08:58:00Z')); // Friday 15:58 WIB
  let app: App;

  beforeAll(async () => {
    await standIn.start();
    const telegram = { standIn };
    app = await startTestApp({
      env: standInEnv({ telegram }),
      channels: standInChannels({ telegram }),
      extra: { clock },
    });
    for (const id of Object.keys(people)) await tg.link(id, await inviteCode(app, id));
  });

  afterAll(async () => {
    await app?.stop();
    await standIn.stop();
  });

  test('the task and the requester’s card name Monday; read on the Monday, the time alone', async () => {
    await tg.submitRequest('ulp-biro-umum', 'Permohonan menjelang akhir pekan', {
      fileName: 'nota-dinas.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4'),
    });
    // 5 minutes of office time: two on Friday, three on Monday from 07:30.
    const task = await tg.taskFor('tuti', 'Langkah 2/11');
    expect(task.text).toContain('⏰ Batas waktu Senin, 30 Nov 07:33 WIB · standar 5 menit');
    const card = await tg.next('ulp-biro-umum', hasText('Batas waktu'));
    expect(card.text).toContain('Batas waktu Senin, 30 Nov 07:33 WIB');

    clock.set('2026-11-30T00:20:00Z'); // Monday 07:20 WIB
    const before = tg.lastId('tuti');
    tg.send('tuti', '/tugas');
    const again = await tg.next('tuti', hasText('Langkah 2/11'), before);
    expect(again.text).toContain('⏰ Batas waktu 07:33 WIB');
  });
});
