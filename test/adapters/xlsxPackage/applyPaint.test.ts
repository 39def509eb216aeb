import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import {
  BLUE,
  bytesOf,
  fillArgb,
  GREEN,
  planFor,
  planTableWorkbook,
  RED,
  reread,
  snapshot,
  YELLOW,
  type SheetSnap,
} from '../../support/xlsxTestKit';
import type { PaintPlan } from '../../../src/core/paintPlan';

describe('the package adapter', () => {
  /** Opens bytes with the adapter, paints, saves: one run of the CLI. */
  async function paint(bytes: Uint8Array, plan: PaintPlan): Promise<Uint8Array> {
    const book = await PackageWorkbook.open(bytes);
    await book.applyPaint(plan);
    return book.save();
  }

  function sheet(snaps: SheetSnap[], name: string): SheetSnap {
    const s = snaps.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  function withoutFill(style: Record<string, unknown> = {}): Record<string, unknown> {
    const { fill: _fill, ...rest } = style;
    return rest;
  }

  const STATUSES = ['lagging', 'normal', 'severe', 'done'] as const;
  const EXPECTED_FILL: Record<number, string> = { 5: YELLOW, 6: GREEN, 7: RED, 8: BLUE };

  describe('PackageWorkbook.applyPaint', () => {
    it("changes no user cell's value, merge or style except the fill of painted cells", async () => {
      const original = await bytesOf(planTableWorkbook());
      const before = snapshot(await reread(original));
      const after = snapshot(await reread(await paint(original, planFor([...STATUSES]))));

      const b = sheet(before, '重点项目');
      const a = sheet(after, '重点项目');
      for (const [address, cell] of Object.entries(b.cells)) {
        const row = Number(/\d+/.exec(address)?.[0]);
        const painted = row in EXPECTED_FILL && /^[A-F]\d+$/.test(address);
        const got = a.cells[address];
        expect({ address, value: got?.value }).toEqual({ address, value: cell.value });
        if (painted) expect(withoutFill(got?.style)).toEqual(withoutFill(cell.style));
        else expect({ address, style: got?.style }).toEqual({ address, style: cell.style });
      }
      // The note at G5 shares its style with the data cells: ExcelJS shares style objects, and a
      // careless `cell.fill =` would have painted it too.
      expect(fillArgb(a.cells.G5?.style)).toBeNull();
      // The only new merge is the status header's.
      expect(a.merges).toEqual([...b.merges, 'F2:F3'].sort());
      expect(sheet(after, '填表说明')).toEqual(sheet(before, '填表说明'));
    });

    it('fills each data row in its colour over the table and the status column', async () => {
      const original = await bytesOf(planTableWorkbook());
      const a = sheet(
        snapshot(await reread(await paint(original, planFor([...STATUSES])))),
        '重点项目',
      );
      for (const [row, colour] of Object.entries(EXPECTED_FILL)) {
        for (const col of 'ABCDEF') {
          expect({ cell: `${col}${row}`, fill: fillArgb(a.cells[`${col}${row}`]?.style) }).toEqual({
            cell: `${col}${row}`,
            fill: `FF${colour}`,
          });
        }
      }
      // Header, section and total rows keep their own fills.
      expect(fillArgb(a.cells.A2?.style)).toBe('FFD9D9D9');
      expect(fillArgb(a.cells.A4?.style)).toBe('FFEDEDED');
      expect(fillArgb(a.cells.B9?.style)).toBeNull();
    });

    it('writes the status header merged over the two header rows and a label per data row', async () => {
      const original = await bytesOf(planTableWorkbook());
      const book = await PackageWorkbook.open(original);
      const report = await book.applyPaint(planFor([...STATUSES]));
      expect(report).toEqual({
        sheet: '重点项目',
        statusHeaderCell: 'F2',
        rowsPainted: 4,
        uncertainRows: [],
      });
      const a = sheet(snapshot(await reread(await book.save())), '重点项目');
      const values = [2, 4, 5, 6, 7, 8, 9].map((r) => a.cells[`F${r}`]?.value ?? null);
      expect(values).toEqual(['三色状态', null, '滞后', '正常', '严重滞后', '已完成', null]);
      expect(a.merges).toContain('F2:F3');
      // Every host writes the status column the same way: text and row fills, no borrowed style.
      expect(a.cells.F2?.style).toEqual({});
    });

    it('keeps its saved state in a very hidden _tricolor sheet, and lists it nowhere', async () => {
      const painted = await paint(await bytesOf(planTableWorkbook()), planFor([...STATUSES]));
      const wb = await reread(painted);
      expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
        ['重点项目', 'visible'],
        ['填表说明', 'visible'],
        [STATE_SHEET, 'veryHidden'],
      ]);
      const book = await PackageWorkbook.open(painted);
      expect((await book.listSheets()).map((s) => s.name)).toEqual(['重点项目', '填表说明']);
    });

    it('gives the same workbook when run twice as when run once', async () => {
      // Zip bytes carry timestamps, so the files are compared by what they hold: every sheet's
      // state, merges, and each cell's value and style, the _tricolor state sheet included.
      const plan = planFor([...STATUSES]);
      const once = await paint(await bytesOf(planTableWorkbook()), plan);
      const twice = await paint(once, { ...plan, statusColumnExists: true });
      expect(snapshot(await reread(twice))).toEqual(snapshot(await reread(once)));
    });

    it('does not merge the status header when that range is already merged by the user', async () => {
      const wb = planTableWorkbook();
      wb.getWorksheet('重点项目')!.mergeCells('F2:G3');
      const a = sheet(
        snapshot(await reread(await paint(await bytesOf(wb), planFor([...STATUSES])))),
        '重点项目',
      );
      expect(a.merges.filter((m) => m.startsWith('F'))).toEqual(['F2:G3']);
    });

    it('throws sheet_not_found when the plan names a sheet the workbook lacks', async () => {
      const book = await PackageWorkbook.open(await bytesOf(planTableWorkbook()));
      await expect(
        book.applyPaint({ ...planFor([...STATUSES]), sheet: '别的表' }),
      ).rejects.toMatchObject({
        code: 'sheet_not_found',
      });
    });
  });

  describe('PackageWorkbook.clearPaint', () => {
    it('puts back exactly the workbook there was before painting', async () => {
      const original = await bytesOf(planTableWorkbook());
      const painted = await paint(original, planFor([...STATUSES]));
      const book = await PackageWorkbook.open(painted);
      const report = await book.clearPaint('重点项目');
      expect(report).toEqual({
        sheet: '重点项目',
        fillsRestored: 36,
        statusColumnRemoved: true,
        uncertainRows: [],
      });
      expect(snapshot(await reread(await book.save()))).toEqual(snapshot(await reread(original)));
    });

    it("restores the user's fills after several runs with different statuses, not an earlier paint", async () => {
      const original = await bytesOf(planTableWorkbook());
      const first = await paint(original, planFor(['lagging', 'normal', 'severe', 'done']));
      // Second run: row 5 is done now, and row 8 is no longer a data row.
      const second = await paint(first, {
        ...planFor(['done', 'severe', 'severe', null]),
        statusColumnExists: true,
      });
      const s = sheet(snapshot(await reread(second)), '重点项目');
      expect(fillArgb(s.cells.A5?.style)).toBe(`FF${BLUE}`);
      expect(fillArgb(s.cells.A8?.style)).toBeNull();
      expect(s.cells.F8?.value ?? null).toBeNull();

      const book = await PackageWorkbook.open(second);
      await book.clearPaint('重点项目');
      const cleared = sheet(snapshot(await reread(await book.save())), '重点项目');
      expect(fillArgb(cleared.cells.C6?.style)).toBe('FFFFFF00');
      expect(cleared).toEqual(sheet(snapshot(await reread(original)), '重点项目'));
    });

    it('changes nothing when the sheet was never painted', async () => {
      const original = await bytesOf(planTableWorkbook());
      const book = await PackageWorkbook.open(original);
      expect(await book.clearPaint('重点项目')).toEqual({
        sheet: '重点项目',
        fillsRestored: 0,
        statusColumnRemoved: false,
        uncertainRows: [],
      });
      expect(snapshot(await reread(await book.save()))).toEqual(snapshot(await reread(original)));
    });

    it('leaves the cells alone when rows were inserted since painting, rather than restore the wrong ones', async () => {
      const painted = await paint(await bytesOf(planTableWorkbook()), planFor([...STATUSES]));
      const edited = await reread(painted);
      // Someone inserts a row above the table in Excel: every saved address is now one row off.
      edited.getWorksheet('重点项目')!.spliceRows(1, 0, ['新增一行']);
      const editedBytes = await bytesOf(edited);
      const book = await PackageWorkbook.open(editedBytes);
      expect(await book.clearPaint('重点项目')).toMatchObject({
        statusColumnRemoved: false,
        uncertainRows: [],
      });
      const after = sheet(snapshot(await reread(await book.save())), '重点项目');
      expect(after).toEqual(sheet(snapshot(await reread(editedBytes)), '重点项目'));
    });
  });
});
