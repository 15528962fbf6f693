import { join } from 'node:path';
import PizZip from 'pizzip';
import {
  checkNotaDinasTemplate,
  fillNotaDinasDocx,
  loadNotaDinasTemplate,
  NotaDinasTemplateError,
  type NotaDinasTemplate,
} from '../../../../src/files/paper/nota-dinas-template.js';
import { writeNotaDinasPdf } from '../../../../src/files/paper/nota-dinas-pdf.js';
import { readVerificationId } from '../../../../src/files/paper/read-verification-id.js';
import { buildNotaDinasTemplate } from '../../../../scripts/build-nota-dinas-template.js';
import { FLOWS_DIR } from '../../../support/paths.js';
import { KAPUS, MARK, OUTGOING_AGENDA, notaDinasData } from '../../../support/paper-fixtures.js';
import { readPdf } from './read-pdf.js';
import { docxParagraphs, readZipEntries } from './read-zip.js';

const TEMPLATE_FILE = join(FLOWS_DIR, 'templates', 'nota-dinas.docx');

async function paragraphsOf(docx: Uint8Array): Promise<string[]> {
  const entries = await readZipEntries(docx);
  const xml = entries.get('word/document.xml');
  if (!xml) throw new Error('no word/document.xml');
  return docxParagraphs(xml.toString('utf8'));
}

/** The committed template with its document.xml edited. */
function editedTemplate(template: NotaDinasTemplate, edit: (xml: string) => string): Uint8Array {
  const zip = new PizZip(template.bytes);
  zip.file('word/document.xml', edit(zip.file('word/document.xml')?.asText() ?? ''));
  return zip.generate({ type: 'uint8array' });
}

function problemsOf(run: () => unknown): Array<{ field: string; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof NotaDinasTemplateError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a NotaDinasTemplateError');
}

describe('the nota dinas template', () => {
  let template: NotaDinasTemplate;
  beforeAll(async () => {
    template = await loadNotaDinasTemplate(TEMPLATE_FILE);
  });

  test('the committed template passes the start-up check and has every placeholder', () => {
    expect(template.bodyAsParagraphs).toBe(true);
    expect([...template.placeholders].sort()).toEqual([
      'alamat',
      'body',
      'dari',
      'hal',
      'jabatan',
      'kepada',
      'kop',
      'lampiran',
      'nip',
      'nomor',
      'penandatangan',
      'sifat',
      'tanggal',
      'tembusan',
    ]);
  });

  test('placeholders used in a way Pandu does not fill are refused', () => {
    const loop = editedTemplate(template, (xml) => xml.replace('{kepada}', '{#kepada}{/kepada}'));
    expect(problemsOf(() => checkNotaDinasTemplate(loop, 'x.docx'))).toEqual([
      { field: '{kepada}', message: 'only {body} may be a paragraph loop; write {kepada}' },
    ]);
    const raw = editedTemplate(template, (xml) => xml.replace('{hal}', '{@hal}'));
    expect(problemsOf(() => checkNotaDinasTemplate(raw, 'x.docx'))).toEqual([
      { field: '{hal}', message: 'write it as a plain placeholder {hal}' },
    ]);
    const simple = editedTemplate(template, (xml) =>
      xml.replace('{#body}', '').replace('{.}', '{body}').replace('{/body}', '').replace('{nip}', '{nip}{.}'),
    );
    expect(problemsOf(() => checkNotaDinasTemplate(simple, 'x.docx'))).toEqual([
      { field: '{.}', message: 'only allowed inside the {#body}…{/body} loop' },
    ]);
  });

  test('a template with a plain {body} gets the text as one paragraph with line breaks', async () => {
    const simple = checkNotaDinasTemplate(
      editedTemplate(template, (xml) =>
        xml.replace('{#body}', '').replace('{.}', '{body}').replace('{/body}', ''),
      ),
      'simple.docx',
    );
    expect(simple.bodyAsParagraphs).toBe(false);
    const paragraphs = await paragraphsOf(fillNotaDinasDocx(simple, notaDinasData()));
    expect(paragraphs.find((p) => p.startsWith('Menindaklanjuti'))).toMatch(
      /diotentifikasi\.\n\nAkun pengguna/,
    );
  });

  test('the script builds a template with the same placeholders', async () => {
    const built = checkNotaDinasTemplate(await buildNotaDinasTemplate(), 'built');
    expect([...built.placeholders].sort()).toEqual([...template.placeholders].sort());
  });

  test('an unknown placeholder and a missing one are named, with the file', () => {
    const bytes = editedTemplate(template, (xml) => xml.replace('{hal}', '{perihal}'));
    let error: unknown;
    try {
      checkNotaDinasTemplate(bytes, 'flows/templates/rusak.docx');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotaDinasTemplateError);
    const message = (error as Error).message;
    expect(message).toContain('flows/templates/rusak.docx');
    expect(message).toMatch(/\{perihal\}: unknown placeholder/);
    expect(message).toMatch(/\{hal\}: missing/);
  });

  test('an unclosed tag is named', () => {
    const bytes = editedTemplate(template, (xml) => xml.replace('{kepada}', '{kepada'));
    const problems = problemsOf(() => checkNotaDinasTemplate(bytes, 'x.docx'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => `${p.field} ${p.message}`).join('\n')).toMatch(/kepada/);
  });

  test('a file that is not a DOCX, and a ZIP without a document, are refused with the file named', async () => {
    expect(problemsOf(() => checkNotaDinasTemplate(new TextEncoder().encode('not a zip'), 'a.docx'))).toEqual(
      [{ field: '(file)', message: expect.stringContaining('not a ZIP archive') as unknown }],
    );
    const empty = new PizZip();
    empty.file('hello.txt', 'hi');
    expect(
      problemsOf(() => checkNotaDinasTemplate(empty.generate({ type: 'uint8array' }), 'b.docx')),
    ).toEqual([
      { field: '(file)', message: expect.stringContaining('word/document.xml is missing') as unknown },
    ]);
    await expect(loadNotaDinasTemplate('/nonexistent/nota-dinas.docx')).rejects.toThrow(
      /\/nonexistent\/nota-dinas\.docx[\s\S]*cannot read/,
    );
  });
});

describe('the nota dinas as DOCX', () => {
  let template: NotaDinasTemplate;
  beforeAll(async () => {
    template = await loadNotaDinasTemplate(TEMPLATE_FILE);
  });

  test('the draft has every field filled and "Nomor: (diisi saat registrasi)"', async () => {
    const paragraphs = await paragraphsOf(fillNotaDinasDocx(template, notaDinasData()));
    const text = paragraphs.join('\n');
    expect(paragraphs).toContain('NOTA DINAS');
    expect(text).toContain('KEMENTERIAN DALAM NEGERI\nSEKRETARIAT JENDERAL\nPUSAT DATA DAN INFORMASI');
    expect(text).toContain('Yth. Kepala Biro Umum Sekretariat Jenderal');
    expect(text).toContain('Kepala Pusat Data dan Informasi Komunikasi dan Telekomunikasi');
    expect(text).toContain('1. Sekretaris Jenderal\n2. Kepala Bidang Pengembangan Aplikasi');
    expect(text).toContain('27 November 2026');
    expect(text).toContain('(diisi saat registrasi)');
    expect(text).toContain('1 (satu) berkas');
    expect(text).toContain('Kesiapan pemanfaatan SPSE/e-Proc bagi Biro Umum');
    // Each paragraph of the text is a paragraph of its own.
    expect(paragraphs.filter((p) => /^(Menindaklanjuti|Akun pengguna|Demikian)/.test(p))).toHaveLength(3);
    expect(text).toContain(`${KAPUS.position},`);
    expect(paragraphs).toContain(KAPUS.name);
    expect(paragraphs).toContain(`NIP ${KAPUS.nip}`);
    expect(text).not.toMatch(/[{}]/);
  });

  test('the final letter carries its outgoing number; text is escaped, not markup', async () => {
    const data = notaDinasData({ nomor: OUTGOING_AGENDA, hal: 'Uji <w:t>&amp; "kutip"', tembusan: [] });
    const docx = fillNotaDinasDocx(template, data);
    const paragraphs = await paragraphsOf(docx);
    const text = paragraphs.join('\n');
    expect(text).toContain(OUTGOING_AGENDA);
    expect(text).not.toContain('(diisi saat registrasi)');
    expect(text).toContain('Uji <w:t>&amp; "kutip"');
    // No tembusan: the line reads "-".
    expect(paragraphs.slice(paragraphs.indexOf('Tembusan'), paragraphs.indexOf('Tembusan') + 3)).toEqual([
      'Tembusan',
      ':',
      '-',
    ]);
    const entries = await readZipEntries(docx);
    expect(entries.get('word/document.xml')?.toString('utf8')).toContain('Uji &lt;w:t&gt;&amp;amp;');
  });
});

describe('the nota dinas as PDF', () => {
  test('the draft is marked KONSEP and has no number yet', async () => {
    const bytes = await writeNotaDinasPdf(notaDinasData(), MARK);
    const pdf = await readPdf(bytes);
    expect(pdf.lines[0]).toBe('KONSEP');
    expect(pdf.lines).toContain('NOTA DINAS');
    expect(pdf.lines).toContain('Nomor : (diisi saat registrasi)');
    expect(pdf.lines).toContain('Kepada : Yth. Kepala Biro Umum Sekretariat Jenderal');
    expect(pdf.lines).toContain('Tembusan : 1. Sekretaris Jenderal');
    expect(pdf.lines).toContain('Lampiran : 1 (satu) berkas');
    expect(pdf.lines).toContain('Hal : Kesiapan pemanfaatan SPSE/e-Proc bagi Biro Umum');
    expect(pdf.lines).toContain(KAPUS.name);
    expect(pdf.qrPayloads).toEqual([MARK.verifyUrl]);
    expect(pdf.info.Title).toBe('Konsep nota dinas: Kesiapan pemanfaatan SPSE/e-Proc bagi Biro Umum');
  });

  test('after registration it carries the outgoing number, no KONSEP mark, and its verification id', async () => {
    const bytes = await writeNotaDinasPdf(notaDinasData({ nomor: OUTGOING_AGENDA }), MARK);
    const pdf = await readPdf(bytes);
    expect(pdf.lines).toContain(`Nomor : ${OUTGOING_AGENDA}`);
    expect(pdf.text).not.toContain('KONSEP');
    expect(pdf.text).not.toContain('(diisi saat registrasi)');
    expect(pdf.info.Title).toBe(`Nota dinas ${OUTGOING_AGENDA}`);
    await expect(readVerificationId(bytes)).resolves.toEqual({
      found: true,
      id: MARK.id,
      kind: 'nota-dinas',
    });
  });

  test('a long text flows onto a second page, with the signature and the footer on every page', async () => {
    const body = Array.from(
      { length: 14 },
      (_, n) => `Paragraf ${n + 1}. ${'Kalimat penjelasan yang cukup panjang. '.repeat(8)}`,
    ).join('\n\n');
    const pdf = await readPdf(await writeNotaDinasPdf(notaDinasData({ body }), MARK));
    expect(pdf.pageCount).toBeGreaterThan(1);
    expect(pdf.text).toContain('Paragraf 14.');
    expect(pdf.pages.at(-1)).toContain(KAPUS.name);
    expect(pdf.qrPayloads).toHaveLength(pdf.pageCount);
  });
});
