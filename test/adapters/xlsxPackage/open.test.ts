import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { PortError } from '../../../src/port/WorkbookPort';
import { bytesOf, planTableWorkbook } from '../../support/xlsxTestKit';

describe('the package adapter', () => {
  const CHINESE = /[\u4e00-\u9fff]/;

  async function failure(data: Uint8Array, lang: 'zh' | 'en' = 'zh'): Promise<PortError> {
    try {
      await PackageWorkbook.open(data, lang);
    } catch (e) {
      if (e instanceof PortError) return e;
      throw e;
    }
    throw new Error('the file was opened');
  }

  describe('PackageWorkbook.open', () => {
    it('opens .xlsx bytes given as a Uint8Array or an ArrayBuffer', async () => {
      const bytes = await bytesOf(planTableWorkbook());
      const copy = bytes.slice().buffer;
      // The package adapter writes the bulletin's chart as a DrawingML part.
      expect((await PackageWorkbook.open(bytes)).features).toEqual({
        live: false,
        drawsCharts: true,
      });
      expect((await (await PackageWorkbook.open(copy)).listSheets()).length).toBe(2);
    });

    it('says not_xlsx, in a Chinese sentence, for a file that is not a zip at all', async () => {
      const e = await failure(new TextEncoder().encode('序号,项目名称\n1,城市快速路项目\n'));
      expect(e.code).toBe('not_xlsx');
      expect(e.message).toMatch(CHINESE);
      expect(e.message).toMatch(/。$/);
    });

    it('says not_xlsx for an empty file, a legacy .xls, and a zip that is not a workbook', async () => {
      expect((await failure(new Uint8Array())).code).toBe('not_xlsx');
      const ole = new Uint8Array(512);
      ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const xls = await failure(ole);
      expect(xls.code).toBe('not_xlsx');
      expect(xls.message).toContain('.xls');
      const zip = new JSZip();
      zip.file('word/document.xml', '<w:document/>');
      expect((await failure(await zip.generateAsync({ type: 'uint8array' }))).code).toBe(
        'not_xlsx',
      );
    });

    it('says unreadable_file for a workbook cut short, as an interrupted download leaves it', async () => {
      const bytes = await bytesOf(planTableWorkbook());
      const e = await failure(bytes.slice(0, Math.floor(bytes.length / 2)));
      expect(e.code).toBe('unreadable_file');
      expect(e.message).toMatch(CHINESE);
    });

    it('says unreadable_file for a workbook whose XML is damaged', async () => {
      const zip = await JSZip.loadAsync(await bytesOf(planTableWorkbook()));
      zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"');
      const e = await failure(await zip.generateAsync({ type: 'uint8array' }));
      expect(e.code).toBe('unreadable_file');
    });

    it('speaks English when asked', async () => {
      const e = await failure(new TextEncoder().encode('hello'), 'en');
      expect(e.message).toBe('This file is not an Excel workbook (.xlsx) and cannot be read.');
    });
  });

  // What ExcelJS used to lose, the package adapter keeps: a save after a change carries each part
  // as it came.
  describe('keeping parts it does not read', () => {
    async function withParts(parts: Record<string, string>): Promise<Uint8Array> {
      const zip = await JSZip.loadAsync(await bytesOf(planTableWorkbook()));
      for (const [p, content] of Object.entries(parts)) zip.file(p, content);
      return zip.generateAsync({ type: 'uint8array' });
    }

    async function keptAfterSave(bytes: Uint8Array, parts: readonly string[]): Promise<void> {
      const book = await PackageWorkbook.open(bytes);
      await book.saveSettings({ lastAsOf: '2023-06-30' });
      const before = await JSZip.loadAsync(bytes);
      const after = await JSZip.loadAsync(await book.save());
      for (const part of parts) {
        expect({ part, text: await after.file(part)?.async('string') }).toEqual({
          part,
          text: await before.file(part)?.async('string'),
        });
      }
    }

    it('keeps charts, pivot tables, macros, slicers, external links and add-in data through a save', async () => {
      const parts = {
        'xl/charts/chart1.xml': '<c:chartSpace/>',
        'xl/pivotTables/pivotTable1.xml': '<pivotTableDefinition/>',
        'xl/vbaProject.bin': 'VBA',
        'xl/slicers/slicer1.xml': '<slicers/>',
        'xl/externalLinks/externalLink1.xml': '<externalLink/>',
        'xl/webextensions/webextension1.xml': '<we:webextension/>',
      };
      await keptAfterSave(await withParts(parts), Object.keys(parts));
    });

    it('keeps drawings through a save, whether they hold pictures or shapes', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      // A 1×1 PNG.
      const png =
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
      ws.addImage(wb.addImage({ base64: png, extension: 'png' }), 'B2:C3');
      const zip = await JSZip.loadAsync(await bytesOf(wb));
      const path = Object.keys(zip.files).find((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))!;
      const media = Object.keys(zip.files).filter((p) => p.startsWith('xl/media/'));
      const xml = await zip.file(path)!.async('string');
      zip.file(
        path,
        xml.replace(
          '</xdr:wsDr>',
          '<xdr:absoluteAnchor><xdr:sp><xdr:nvSpPr/></xdr:sp></xdr:absoluteAnchor></xdr:wsDr>',
        ),
      );
      await keptAfterSave(await zip.generateAsync({ type: 'uint8array' }), [path, ...media]);
    });
  });
});
