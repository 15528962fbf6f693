import { fallbackText } from '../../../../src/channels/slack/block-kit.js';
import { markMessage, withoutSubject } from '../../../../src/chat/letter-marks.js';
import { letterFacts, letterFactsOfMany, parseLetterArgs } from '../../../../src/features/paper/letter.js';
import type { PaperStore, StoredLetter } from '../../../../src/features/paper/paper-store.js';
import { loadTranslator } from '../../../../src/i18n/translator.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR } from '../../../support/paths.js';
import { loadOrgFile } from '../../../../src/config/org-file.js';
import type { Instance } from '../../../../src/core/engine/types.js';
import type { PaperDeps } from '../../../../src/features/paper/paper-context.js';
import { tembusanPrompts } from '../../../../src/features/paper/tembusan.js';

const translator = loadTranslator(LOCALES_DIR);
const reader = { locale: 'id' as const, timeZone: 'Asia/Jakarta' };

function storeWith(letter?: Partial<StoredLetter['metadata']>): Pick<PaperStore, 'letter'> {
  return {
    letter: () =>
      Promise.resolve(
        letter
          ? {
              instanceId: 'i1',
              metadata: { sifat: 'biasa', derajat: 'biasa', lampiran: 0, tembusan: [], ...letter },
              updatedAt: '2026-11-23T02:00:00Z',
              updatedBy: 'ulp-biro-umum',
              confirmed: false,
            }
          : undefined,
      ),
  };
}

describe('/surat arguments', () => {
  const tembusan = (name: string) => (name === 'Sari Handayani' ? { name, personId: 'sari' } : { name });

  it('reads fields in either language, quoted values and copies split on semicolons', () => {
    const parsed = parseLetterArgs(
      '001/ND-M/X/2026 sifat="sangat rahasia" derajat=segera number=027/1184/BU tanggal=2026-11-20 lampiran=2 tembusan="Sekretaris Jenderal; Sari Handayani"',
      tembusan,
    );
    expect(parsed.rest).toEqual(['001/ND-M/X/2026']);
    expect(parsed.unknown).toEqual([]);
    expect(parsed.changes).toEqual({
      sifat: 'sangat rahasia',
      derajat: 'segera',
      senderNumber: '027/1184/BU',
      senderDate: '2026-11-20',
      lampiran: '2',
      tembusan: [{ name: 'Sekretaris Jenderal' }, { name: 'Sari Handayani', personId: 'sari' }],
    });
  });

  it('names the fields it does not know', () => {
    expect(parseLetterArgs('perihal=Rahasia sifat=biasa', tembusan).unknown).toEqual(['perihal']);
  });
});

const org = loadOrgFile(EXAMPLE_ORG_FILE);
const walked = {
  id: 'i1',
  flowId: 'spse-eproc',
  requesterId: 'ulp-biro-umum',
  subject: 'Permohonan akun SPSE',
  agendaNumbers: { incoming: '001/ND-M/X/2026' },
  attachments: [{ fileId: 'memo', name: 'nota-dinas.pdf', mimeType: 'application/pdf' }],
  runs: [
    { stepId: 'nota-dinas-masuk', assigneeId: 'ulp-biro-umum', actorId: 'ulp-biro-umum' },
    { stepId: 'agenda-surat-masuk', assigneeId: 'tuti' },
  ],
} as unknown as Instance;

function depsWith(store: Partial<PaperStore>): PaperDeps {
  return {
    store,
    org: () => org,
    flow: () => ({ steps: [{ id: 'nota-dinas-masuk' }] }),
    instance: () => Promise.resolve(walked),
  } as unknown as PaperDeps;
}

describe('a letter’s marks on its messages', () => {
  it('a rahasia letter’s subject reads "Surat rahasia" for the requester and bystanders, not for TU acting on it', async () => {
    const store = storeWith({ sifat: 'sangat-rahasia' });
    expect((await letterFacts(depsWith(store), 'i1', 'ulp-biro-umum')).hideSubject).toBe(true);
    expect((await letterFacts(depsWith(store), 'i1', 'dewi')).hideSubject).toBe(true);
    expect((await letterFacts(depsWith(store), 'i1', 'tuti')).hideSubject).toBeUndefined();
    // hendra is an admin in the example org.
    expect((await letterFacts(depsWith(store), 'i1', 'hendra')).hideSubject).toBeUndefined();
    const card = {
      id: 'p',
      to: 'ulp-biro-umum',
      instanceId: 'i1',
      kind: 'card' as const,
      lines: [
        {
          key: 'task-header',
          params: { sop: 'SOP', agenda: '-', subject: 'Permohonan akun SPSE', unit: 'Biro' },
        },
      ],
      actions: [],
    };
    const hidden = withoutSubject(card, { confidential: true, rank: 2, hideSubject: true });
    const text = translator.format(hidden.lines[0] ?? { key: '' }, reader);
    expect(text).toContain('Surat rahasia');
    expect(text).not.toContain('Permohonan akun');
    expect(withoutSubject(card, { confidential: true, rank: 2 })).toBe(card);
  });

  it('the letters of many instances are read in one query and give the facts read one by one', async () => {
    const metadata = (sifat: string, derajat: string) =>
      ({ sifat, derajat, lampiran: 0, tembusan: [] }) as unknown as StoredLetter['metadata'];
    const stored: StoredLetter[] = [
      { instanceId: 'i1', metadata: metadata('sangat-rahasia', 'segera') },
      { instanceId: 'i2', metadata: metadata('biasa', 'sangat-segera') },
    ].map((l) => ({ ...l, updatedAt: '2026-11-23T02:00:00Z', updatedBy: 'tuti', confirmed: true }));
    const reads = { letter: 0, lettersOf: 0 };
    const store: Partial<PaperStore> = {
      letter: (id) => {
        reads.letter++;
        return Promise.resolve(stored.find((l) => l.instanceId === id));
      },
      lettersOf: (ids) => {
        reads.lettersOf++;
        return Promise.resolve(stored.filter((l) => ids.includes(l.instanceId)));
      },
    };
    const deps = depsWith(store);
    const source = await letterFactsOfMany(deps, ['i1', 'i2', 'i3', 'i1']);
    const asked: Array<[string, string | undefined]> = [
      ['i1', 'ulp-biro-umum'],
      ['i1', 'tuti'],
      ['i2', 'dewi'],
      ['i3', undefined],
    ];
    const batched = await Promise.all(asked.map(([id, person]) => source(id, person)));
    expect(reads).toEqual({ letter: 0, lettersOf: 1 });
    expect(batched).toEqual(await Promise.all(asked.map(([id, person]) => letterFacts(deps, id, person))));
    expect(batched.map((f) => [f.rank, f.confidential, f.hideSubject])).toEqual([
      [1, true, true],
      [1, true, undefined],
      [0, false, undefined],
      [2, false, undefined],
    ]);
    // An instance the batch was not given is read on its own.
    await source('i9');
    expect(reads.letter).toBe(asked.length + 1);
  });

  it('an ordinary letter (or none recorded) is unmarked and ranked with the routine ones', async () => {
    expect(await letterFacts(depsWith(storeWith()), 'i1')).toEqual({
      confidential: false,
      rank: 2,
    });
    const message = { lines: ['Langkah 2/11'], buttons: [] };
    const facts = await letterFacts(depsWith(storeWith({})), 'i1');
    expect(markMessage(message, facts, { task: true, reader, translator })).toEqual(message);
  });

  it('sangat segera and rahasia: first on task lists, a badge line, protected with a neutral preview', async () => {
    const facts = await letterFacts(
      depsWith(storeWith({ sifat: 'rahasia', derajat: 'sangat-segera' })),
      'i1',
    );
    expect(facts.rank).toBe(0);
    const marked = markMessage(
      { lines: ['Langkah 3/11 · Permohonan rahasia'], parts: [1], buttons: [] },
      facts,
      { task: true, reader, translator },
    );
    expect(marked.lines).toEqual(['⚡ Sangat Segera · 🔒 Rahasia', 'Langkah 3/11 · Permohonan rahasia']);
    expect(marked.parts).toEqual([2]);
    expect(marked.confidential).toBe(true);
    // Slack's notification text carries the neutral preview, never the subject.
    expect(fallbackText(marked)).toContain('Surat rahasia');
    expect(fallbackText(marked)).not.toContain('Permohonan');
    // A notice (not a task) gets no badge but is still protected.
    const notice = markMessage({ lines: ['x'], buttons: [] }, facts, { task: false, reader, translator });
    expect(notice.lines).toEqual(['x']);
    expect(notice.confidential).toBe(true);
  });
});

describe('tembusan copies', () => {
  const instance = walked;
  const copies = (sifat: 'biasa' | 'rahasia') =>
    tembusanPrompts(
      {
        store: storeWith({
          sifat,
          tembusan: [{ name: 'Sekretaris Jenderal', personId: 'sekjen' }, { name: 'Inspektorat' }],
        }) as PaperStore,
        org: () => org,
      } as unknown as PaperDeps,
      instance,
      'incoming',
    );

  it('go to the people in the org, with the letter', async () => {
    const [copy, ...more] = await copies('biasa');
    expect(more).toEqual([]);
    expect(copy?.to).toBe('sekjen');
    expect(copy?.file?.fileId).toBe('memo');
    expect(translator.format(copy?.lines[0] ?? { key: '' }, reader)).toContain('Permohonan akun SPSE');
  });

  it('of a rahasia letter say "Surat rahasia" and carry no file', async () => {
    const [copy] = await copies('rahasia');
    expect(copy?.file).toBeUndefined();
    const text = translator.format(copy?.lines[0] ?? { key: '' }, reader);
    expect(text).toContain('Surat rahasia');
    expect(text).not.toContain('Permohonan');
  });
});
