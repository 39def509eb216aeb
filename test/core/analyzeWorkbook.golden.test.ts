import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import type { CellValue } from '../../src/core/grid';
import { excelColumn } from '../../src/core/grid';
import { parseIsoDay } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { gridOf } from '../support/gridOf';

/**
 * Golden grids: each file in test/fixtures/grids is a sheet and the exact outcome it must give.
 * Files named error.* hold sheets that are not plan tables and must be skipped and named.
 */
interface Golden {
  description: string;
  asOf: string;
  sheet: {
    name: string;
    rows: CellValue[][];
    merges?: string[];
    formats?: Record<string, string>;
    hidden?: number[];
  };
  expect: {
    skipped?: 'no_table';
    headerRows?: [number, number];
    firstDataRow?: number;
    lastDataRow?: number;
    amountUnit?: string;
    statusColumn?: string;
    fields?: Record<string, string>;
    rows?: Record<string, string>;
    categories?: Record<string, string>;
    units?: Record<string, string>;
    issues?: [string, string][];
  };
}

const dir = path.join(__dirname, '../fixtures/grids');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

function load(file: string): Golden {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Golden;
}

function run(g: Golden) {
  const asOf = parseIsoDay(g.asOf);
  if (asOf === null) throw new Error(`bad asOf in fixture: ${g.asOf}`);
  const grid = gridOf(g.sheet.name, g.sheet.rows, {
    ...(g.sheet.merges ? { merges: g.sheet.merges } : {}),
    ...(g.sheet.formats ? { formats: g.sheet.formats } : {}),
    ...(g.sheet.hidden ? { hidden: g.sheet.hidden } : {}),
  });
  return analyzeWorkbook([grid], { asOf, rules: defaultRules(), lang: 'zh' });
}

describe('golden grids', () => {
  it('has fixtures for tables and for sheets without one', () => {
    expect(files.filter((f) => f.startsWith('error.')).length).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => !f.startsWith('error.')).length).toBeGreaterThanOrEqual(5);
  });

  describe.each(files.filter((f) => f.startsWith('error.')))('%s', (file) => {
    it('is skipped and named, with its reason', () => {
      const g = load(file);
      const result = run(g);
      expect(result.sheets).toEqual([]);
      expect(result.skipped).toMatchObject([{ name: g.sheet.name, reason: g.expect.skipped }]);
      expect(result.skipped[0]?.issues[0]?.message).toContain(g.sheet.name);
    });
  });

  describe.each(files.filter((f) => !f.startsWith('error.')))('%s', (file) => {
    const g = load(file);
    const result = run(g);
    const sheet = result.sheets[0];
    const origin = sheet?.origin ?? { row: 1, col: 1 };
    const excelRowOf = (r: number) => String(origin.row + r);

    it('finds the table', () => {
      expect(result.skipped).toEqual([]);
      expect(sheet).toBeDefined();
    });

    it('finds the header rows and the data rows', () => {
      const layout = sheet!.layout;
      if (g.expect.headerRows) {
        expect([layout.headerTop + 1, layout.headerBottom + 1]).toEqual(g.expect.headerRows);
      }
      if (g.expect.firstDataRow) expect((layout.dataRows[0] ?? -1) + 1).toBe(g.expect.firstDataRow);
      if (g.expect.lastDataRow)
        expect((layout.dataRows.at(-1) ?? -1) + 1).toBe(g.expect.lastDataRow);
      if (g.expect.amountUnit) expect(layout.amountUnit).toBe(g.expect.amountUnit);
    });

    it('maps each header to its field', () => {
      const fields = Object.fromEntries(
        Object.entries(sheet!.layout.fields).map(([k, c]) => [k, excelColumn(sheet!, c)]),
      );
      expect(fields).toEqual(g.expect.fields);
    });

    it('gives every data row exactly its expected status, and no other row one', () => {
      const got = Object.fromEntries(
        sheet!.statuses.map((s) => [excelRowOf(s.row), s.status as string]),
      );
      expect(got).toEqual(g.expect.rows);
      expect(sheet!.statuses).toHaveLength(Object.keys(g.expect.rows ?? {}).length);
    });

    if (g.expect.categories) {
      it('takes each row’s category from the section row above it', () => {
        const got = Object.fromEntries(sheet!.rows.map((r) => [excelRowOf(r.row), r.category]));
        expect(got).toEqual(g.expect.categories);
      });
    }

    if (g.expect.units) {
      it('reads the first-listed unit, also through a merged cell', () => {
        const got = Object.fromEntries(sheet!.rows.map((r) => [excelRowOf(r.row), r.unit]));
        expect(got).toEqual(g.expect.units);
      });
    }

    if (g.expect.statusColumn) {
      it('puts the status column where nothing of the user’s is', () => {
        expect(excelColumn(sheet!, sheet!.paint.statusColumn)).toBe(g.expect.statusColumn);
      });
    }

    it('reports exactly the expected issues at the expected cells', () => {
      const got = sheet!.issues.map((i) => [i.code, i.cell]);
      expect(got).toEqual(g.expect.issues);
      for (const issue of sheet!.issues) {
        expect(issue.message).toContain(g.sheet.name);
        if (issue.cell !== '') expect(issue.message).toContain(issue.cell);
      }
    });
  });
});
