import { detectFileType } from '../../../src/files/ppk/detect-file-type.js';
import { HEADERS, buildZip, makeCsv, makeXlsx, storedEntry, toArrays, validRows } from './ppk-fixtures.js';

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

describe('detectFileType', () => {
  it('recognises an XLSX by its zip magic and workbook parts', async () => {
    const xlsx = await makeXlsx({ headers: HEADERS, rows: toArrays(validRows()) });
    expect(detectFileType(xlsx)).toEqual({ kind: 'xlsx' });
  });

  it('recognises UTF-8 CSV text and strips the byte-order mark', () => {
    const result = detectFileType(makeCsv(['NIP', 'Nama'], [['1', 'Siti Nurhaliza']], { bom: true }));
    expect(result.kind).toBe('csv');
    expect(result.kind === 'csv' && result.text.startsWith('NIP,Nama')).toBe(true);
  });

  it('keeps non-ASCII UTF-8 text intact', () => {
    const result = detectFileType(new TextEncoder().encode('Nama\nJosé Ramos-Horta\n'));
    expect(result).toEqual({ kind: 'csv', text: 'Nama\nJosé Ramos-Horta\n' });
  });

  it.each([
    ['a PDF', bytes('%PDF-1.7\n', [0, 1, 2]), 'file-type-pdf'],
    [
      'a legacy XLS (OLE2 compound file)',
      bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0, 0, 0]),
      'file-type-legacy-office',
    ],
    [
      'a Windows executable, whatever its name',
      bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]),
      'file-type-executable',
    ],
    ['an ELF executable', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'file-type-executable'],
    [
      'a zip that is not a workbook',
      buildZip([storedEntry('word/document.xml', '<w/>')]),
      'file-type-zip-not-xlsx',
    ],
    [
      'an HTML table saved as .xls',
      bytes('<!DOCTYPE html><html><table><tr><td>NIP</td></tr></table>'),
      'file-type-markup',
    ],
    ['binary data with NUL bytes', bytes('NIP,Nama\n', [0, 0, 0x89]), 'file-type-binary'],
    ['Windows-1252 text', bytes('Nama\nJos', [0xe9], '\n'), 'file-type-not-utf8'],
    ['UTF-16 text', bytes([0xff, 0xfe], 'N\0I\0P\0'), 'file-type-not-utf8'],
    ['an empty file', new Uint8Array(0), 'file-empty'],
    ['a file of blank lines', bytes([0xef, 0xbb, 0xbf], '\r\n\r\n  \n'), 'file-empty'],
  ])('refuses %s', (_label, input, code) => {
    expect(detectFileType(input)).toEqual({ kind: 'refused', code });
  });

  it('decides by content: text that starts with "MZ" but has no NUL bytes is still CSV', () => {
    expect(detectFileType(bytes('MZ Nama\nx\n')).kind).toBe('csv');
  });
});
