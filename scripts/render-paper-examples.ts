/**
 * Renders the example documents shown in the README: the lembar disposisi, the numbered nota dinas and
 * an archive summary, made from the sample data in `test/support/paper-fixtures.ts`, as PDFs and (with
 * poppler-utils' `pdftoppm` installed) PNGs. Run: `npx tsx scripts/render-paper-examples.ts [out-dir]`
 * (default `docs/images`).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildArchiveBundle } from '../src/files/paper/archive-bundle.js';
import { writeLembarDisposisi } from '../src/files/paper/lembar-disposisi.js';
import { writeNotaDinasPdf } from '../src/files/paper/nota-dinas-pdf.js';
import {
  MARK,
  OUTGOING_AGENDA,
  archiveInput,
  lembarDisposisiData,
  notaDinasData,
} from '../test/support/paper-fixtures.js';

const run = promisify(execFile);

async function toPng(pdf: Uint8Array, out: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pandu-render-'));
  const source = join(dir, 'document.pdf');
  await writeFile(source, pdf);
  await run('pdftoppm', [
    '-png',
    '-r',
    '110',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    source,
    join(dir, 'page'),
  ]);
  await rename(join(dir, 'page.png'), out);
}

const outDir = process.argv[2] ?? 'docs/images';
await mkdir(outDir, { recursive: true });
const documents: Array<[string, Uint8Array]> = [
  ['lembar-disposisi', await writeLembarDisposisi(lembarDisposisiData(), MARK)],
  ['nota-dinas', await writeNotaDinasPdf(notaDinasData({ nomor: OUTGOING_AGENDA }), MARK)],
  ['nota-dinas-konsep', await writeNotaDinasPdf(notaDinasData(), MARK)],
  ['archive-summary', (await buildArchiveBundle(archiveInput(), MARK)).summaryPdf],
];
for (const [name, pdf] of documents) {
  await toPng(pdf, join(outDir, `${name}.png`));
  console.log(`wrote ${join(outDir, `${name}.png`)}`);
}
