import ExcelJS from 'exceljs';
import { checkPpkFile } from '../../../src/files/ppk/check-ppk-file.js';
import { PPK_ROLES } from '../../../src/files/ppk/roles.js';
import { buildTemplateCsv, buildTemplateXlsx } from '../../../src/files/ppk/template.js';
import { HEADERS, OPTIONS, TODAY } from './ppk-fixtures.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

describe('XLSX template', () => {
  it('has the Indonesian header row, styled, and one example row', async () => {
    const workbook = await load(await buildTemplateXlsx({ today: TODAY }));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Daftar PPK');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.getRow(2).getCell(1).value).toBe('19850330 201001 1 002');
    expect(sheet?.getRow(2).getCell(9).value).toBe(1_500_000_000);
    expect(sheet?.getRow(2).getCell(10).value).toBe(2025);
    expect(sheet?.rowCount).toBe(2);
    expect(workbook.worksheets[1]?.name).toBe('Petunjuk');
  });

  it('sets column widths, text format for NIP and phone, and a drop-down list for Peran', async () => {
    const sheet = (await load(await buildTemplateXlsx({ today: TODAY }))).worksheets[0];
    expect(sheet?.getColumn(1).width).toBe(22);
    expect(sheet?.getColumn(8).width).toBe(40);
    expect(sheet?.getColumn(1).numFmt).toBe('@');
    expect(sheet?.getColumn(6).numFmt).toBe('@');
    for (const address of ['D2', 'D500', 'D10001']) {
      expect(sheet?.getCell(address).dataValidation).toMatchObject({
        type: 'list',
        formulae: [`"${PPK_ROLES.join(',')}"`],
      });
    }
    expect(sheet?.getCell('C2').dataValidation).toBeUndefined();
  });

  it('passes its own check, example row included', async () => {
    const result = await checkPpkFile(
      await buildTemplateXlsx({ today: TODAY }),
      undefined,
      undefined,
      OPTIONS,
    );
    expect(result).toMatchObject({
      valid: true,
      summary: { rows: 1, packages: 1, totalPagu: 1_500_000_000n },
    });
  });
});

describe('CSV template', () => {
  it('is UTF-8 with a byte-order mark, a header line and one example line', () => {
    const bytes = buildTemplateCsv({ today: TODAY });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.subarray(3)).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(HEADERS.join(','));
    expect(lines[1]).toContain('19850330 201001 1 002');
    expect(lines[1]).toContain('"Budi Santoso, S.Kom."');
    expect(lines[2]).toBe('');
  });

  it('passes its own check, with either delimiter', async () => {
    for (const delimiter of [',', ';'] as const) {
      const result = await checkPpkFile(
        buildTemplateCsv({ today: TODAY, delimiter }),
        undefined,
        undefined,
        OPTIONS,
      );
      expect(result).toMatchObject({ valid: true, fileType: 'csv', summary: { rows: 1 } });
    }
  });
});
