import { Workbook } from 'exceljs';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { ZipPackage } from '../../../src/adapters/xlsxPackage/zipPackage';
import { join } from 'path';
import { readRels } from '../../../src/adapters/xlsxPackage/openPackage';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { addPart, addRelationship } from '../../../src/adapters/xlsxPackage/partGraph';
import { relsPathOf } from '../../../src/adapters/xlsxPackage/partPath';
import { attrLocal, walkXml } from '../../../src/adapters/xlsxPackage/xml';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import type { BulletinBook } from '../../../src/core/bulletinBook';
import { dayNumber } from '../../../src/core/dates';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import { defaultRules } from '../../../src/core/rules';
import { BULLETINS_KEY } from '../../../src/core/workbookRecord/recordKeys';
import { paintSheets, readSheets } from '../../../src/session/workflow';
import { orderProblems } from '../../support/ecmaOrder';
import { SAMPLE } from '../../support/samples';
import { bytesOf, reread } from '../../support/xlsxTestKit';

const CORPUS = join(__dirname, '..', '..', 'fixtures', 'corpus');
const ASOF = dayNumber(2023, 6, 30);
const rules = defaultRules('zh');

/** The bulletin the engine makes for a workbook's plan tables. */
async function bulletinOf(bytes: Uint8Array): Promise<BulletinBook> {
  const book = await PackageWorkbook.open(bytes);
  const { grids } = await readSheets(book);
  const analysis = analyzeWorkbook(grids, { asOf: ASOF, rules, lang: 'zh' });
  return buildBulletin(analysis.sheets, ASOF, { lang: 'zh', rules });
}

/** Opens, paints (the first time), writes the bulletin and saves, `times` times over. */
async function run(bytes: Uint8Array, times = 1): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  let out = bytes;
  let sheets: string[] = [];
  for (let i = 0; i < times; i++) {
    const book = await PackageWorkbook.open(out);
    const { grids } = await readSheets(book);
    const analysis = analyzeWorkbook(grids, { asOf: ASOF, rules, lang: 'zh' });
    if (i === 0) await paintSheets(book, analysis, 'zh');
    sheets = [
      ...(await book.writeBulletin(buildBulletin(analysis.sheets, ASOF, { lang: 'zh', rules })))
        .sheets,
    ];
    out = await book.save();
  }
  return { bytes: out, sheets };
}

function sample(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE));
}

async function text(zip: JSZip, path: string): Promise<string> {
  const t = await zip.file(path)?.async('string');
  if (t === undefined) throw new Error(`${path} missing`);
  return t;
}

interface ChartSeries {
  name: string;
  catFormula: string;
  valFormula: string;
  categories: string[];
  values: number[];
  color: string | undefined;
}

/** The series of a chart part as it reads: formulas, cached values, fill colour. */
function chartSeries(xml: string): ChartSeries[] {
  const out: ChartSeries[] = [];
  const path: string[] = [];
  let s: ChartSeries | undefined;
  walkXml(xml, {
    open(tag) {
      path.push(tag.local);
      if (tag.local === 'ser')
        s = {
          name: '',
          catFormula: '',
          valFormula: '',
          categories: [],
          values: [],
          color: undefined,
        };
      if (s && tag.local === 'srgbClr' && path.includes('spPr') && !path.includes('cat'))
        s.color = attrLocal(tag, 'val');
    },
    text(t) {
      if (!s) return;
      const where = path.join('/');
      if (where.endsWith('tx/v')) s.name += t;
      else if (where.endsWith('cat/strRef/f')) s.catFormula += t;
      else if (where.endsWith('val/numRef/f')) s.valFormula += t;
      else if (where.endsWith('cat/strRef/strCache/pt/v')) s.categories.push(t);
      else if (where.endsWith('val/numRef/numCache/pt/v')) s.values.push(Number(t));
    },
    close(local) {
      path.pop();
      if (local === 'ser' && s) {
        out.push(s);
        s = undefined;
      }
    },
  });
  return out;
}

/** The same package as the adapter's zip layer reads it, for the adapter's own rels reader. */
async function packageOf(zip: JSZip): Promise<ZipPackage> {
  return ZipPackage.read(await zip.generateAsync({ type: 'uint8array' }));
}

/** The zip path of a sheet's part, found through workbook.xml and its rels. */
async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const pkg = await packageOf(zip);
  let rid: string | undefined;
  walkXml(workbook, {
    open(tag) {
      if (tag.local === 'sheet' && attrLocal(tag, 'name') === name) rid = attrLocal(tag, 'id');
    },
  });
  const rel = readRels(pkg, 'xl/workbook.xml').find((r) => r.id === rid);
  if (!rel) throw new Error(`no sheet ${name}`);
  return rel.target;
}

/** The parts a sheet leads to through its rels, transitively (its drawing, the drawing's chart). */
async function partsUnder(zip: JSZip, part: string): Promise<string[]> {
  const pkg = await packageOf(zip);
  const out: string[] = [];
  const queue = [part];
  while (queue.length > 0) {
    const p = queue.shift() as string;
    if (out.includes(p)) continue;
    out.push(p);
    for (const r of readRels(pkg, p)) if (!r.external) queue.push(r.target);
  }
  return out;
}

/** Every part reachable from the package's own rels, with the rels parts of those. */
async function reachable(zip: JSZip): Promise<Set<string>> {
  const pkg = await packageOf(zip);
  const seen = new Set<string>(['[Content_Types].xml', '_rels/.rels']);
  const queue = readRels(pkg, '')
    .filter((r) => !r.external)
    .map((r) => r.target);
  while (queue.length > 0) {
    const p = queue.shift() as string;
    if (seen.has(p)) continue;
    seen.add(p);
    if (zip.file(relsPathOf(p))) seen.add(relsPathOf(p));
    for (const r of readRels(pkg, p)) if (!r.external) queue.push(r.target);
  }
  return seen;
}

async function overrides(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  walkXml(await text(zip, '[Content_Types].xml'), {
    open(tag) {
      if (tag.local === 'Override')
        out.set((attrLocal(tag, 'PartName') ?? '').slice(1), attrLocal(tag, 'ContentType') ?? '');
    },
  });
  return out;
}

describe('the package adapter writing a bulletin into samples/projects.xlsx', () => {
  let out: Uint8Array;
  let names: string[];
  let bulletin: BulletinBook;

  beforeAll(async () => {
    bulletin = await bulletinOf(sample());
    ({ bytes: out, sheets: names } = await run(sample()));
  });

  it('writes every cell of the bulletin as ExcelJS reads it back: text as text, numbers as numbers', async () => {
    const wb = await reread(out);
    expect(names).toEqual(bulletin.sheets.map((s) => s.name));
    bulletin.sheets.forEach((sheet, i) => {
      const ws = wb.getWorksheet(names[i] ?? '')!;
      for (const c of sheet.cells) {
        const cell = ws.getCell(c.row + 1, c.col + 1);
        expect([cell.address, cell.value]).toEqual([cell.address, c.value]);
        expect(cell.formula).toBeUndefined();
      }
      expect([...ws.model.merges].sort()).toEqual(
        sheet.merges
          .map((m) => {
            const a = ws.getCell(m.top + 1, m.left + 1).address;
            const b = ws.getCell(m.bottom + 1, m.right + 1).address;
            return `${a}:${b}`;
          })
          .sort(),
      );
      sheet.columnWidths.forEach((w, col) => expect(ws.getColumn(col + 1).width).toBe(w));
      const repeat = sheet.print.repeatRows;
      expect(ws.pageSetup.printTitlesRow).toBe(
        repeat ? `${repeat.top + 1}:${repeat.bottom + 1}` : undefined,
      );
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: sheet.print.orientation });
    });
  });

  it('gives each cell the style its key names: fill, bold, border, number format', async () => {
    const wb = await reread(out);
    bulletin.sheets.forEach((sheet, i) => {
      const ws = wb.getWorksheet(names[i] ?? '')!;
      for (const c of sheet.cells) {
        const s = c.style === undefined ? undefined : sheet.styles[c.style];
        if (s === undefined) continue;
        const cell = ws.getCell(c.row + 1, c.col + 1);
        if (s.fill !== undefined)
          expect(cell.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: `FF${s.fill}` } });
        if (s.bold !== undefined) expect(cell.font?.bold ?? false).toBe(s.bold);
        if (s.fontSize !== undefined) expect(cell.font?.size).toBe(s.fontSize);
        if (s.border) expect(cell.border?.left?.style).toBe('thin');
        if (s.numFmt !== undefined) expect(cell.numFmt).toBe(s.numFmt);
        if (s.align !== undefined) expect(cell.alignment?.horizontal).toBe(s.align);
      }
    });
  });

  it("writes the chart of statuses by unit as a chart part whose series name the bulletin sheet's cells and carry their values", async () => {
    const withChart = bulletin.sheets.findIndex((s) => s.chart !== undefined);
    expect(withChart).toBeGreaterThanOrEqual(0);
    const sheet = bulletin.sheets[withChart]!;
    const chart = sheet.chart!;
    const name = names[withChart]!;
    const zip = await JSZip.loadAsync(out);
    const under = await partsUnder(zip, await sheetPath(zip, name));
    const charts = under.filter((p) => p.startsWith('xl/charts/'));
    expect(under.filter((p) => p.startsWith('xl/drawings/'))).toHaveLength(1);
    expect(charts).toHaveLength(1);
    const series = chartSeries(await text(zip, charts[0]!));
    const wb = await reread(out);
    const ws = wb.getWorksheet(name)!;
    const valuesAt = (r: { top: number; bottom: number; left: number }) => {
      const v: unknown[] = [];
      for (let row = r.top; row <= r.bottom; row++) v.push(ws.getCell(row + 1, r.left + 1).value);
      return v;
    };
    const col = (c: number) => ws.getCell(1, c + 1).address.replace(/\d+/, '');
    const { categories: cats } = chart;
    expect(series.map((s) => s.name)).toEqual(chart.series.map((s) => s.name));
    chart.series.forEach((want, i) => {
      const got = series[i]!;
      expect(got.catFormula).toBe(
        `'${name}'!$${col(cats.left)}$${cats.top + 1}:$${col(cats.left)}$${cats.bottom + 1}`,
      );
      expect(got.valFormula).toBe(
        `'${name}'!$${col(want.range.left)}$${want.range.top + 1}:$${col(want.range.left)}$${want.range.bottom + 1}`,
      );
      expect(got.categories).toEqual(valuesAt(cats));
      expect(got.values).toEqual(valuesAt(want.range));
      expect(got.color).toBe(want.color.toUpperCase());
    });
    const doc = await text(
      zip,
      under.find((p) => p.startsWith('xl/drawings/'))!,
    );
    expect(doc).toContain('graphicFrame');
  });

  it('lists its sheets under BULLETINS_KEY and reads them back after writing', async () => {
    const book = await PackageWorkbook.open(sample());
    const written = await book.writeBulletin(bulletin);
    const listed = (await book.listSheets()).map((s) => s.name);
    for (const n of written.sheets) expect(listed).toContain(n);
    const first = bulletin.sheets[0]!;
    const grid = await book.readSheet(written.sheets[0]!);
    const c = first.cells.find((x) => typeof x.value === 'string')!;
    expect(grid.values[c.row]?.[c.col]).toBe(c.value);
    const records = await book.readRecords();
    expect(JSON.parse(records.get(BULLETINS_KEY) ?? '[]')).toEqual([...written.sheets].sort());
  });

  it('keeps ECMA-376 child order in every part it writes or changes, chart and drawing included', async () => {
    const before = await JSZip.loadAsync(sample());
    const zip = await JSZip.loadAsync(out);
    const problems: Record<string, string[]> = {};
    for (const [path, entry] of Object.entries(zip.files)) {
      if (entry.dir || !/\.(xml|rels)$/.test(path)) continue;
      const now = await entry.async('string');
      if ((await before.file(path)?.async('string')) === now) continue;
      const p = orderProblems(now);
      if (p.length > 0) problems[path] = p;
    }
    expect(problems).toEqual({});
  });
});

describe('the package adapter writing bulletins again', () => {
  it('replaces its own sheets on a re-run, leaving no part nothing reaches and no override without its part', async () => {
    for (const file of ['samples', 'openpyxl-features.xlsx', 'libreoffice-features.xlsx']) {
      const input =
        file === 'samples' ? sample() : new Uint8Array(readFileSync(join(CORPUS, file)));
      const once = await run(input, 1);
      const thrice = await run(input, 3);
      expect(thrice.sheets).toEqual(once.sheets);
      const zip = await JSZip.loadAsync(thrice.bytes);
      const files = Object.keys(zip.files).filter((f) => !zip.files[f]?.dir);
      const seen = await reachable(zip);
      expect([file, files.filter((f) => !seen.has(f))]).toEqual([file, []]);
      const over = await overrides(zip);
      expect([file, [...over.keys()].filter((p) => !zip.file(p))]).toEqual([file, []]);
      const onceZip = await JSZip.loadAsync(once.bytes);
      const count = (z: JSZip, dir: string) =>
        Object.keys(z.files).filter((f) => f.startsWith(dir)).length;
      expect(count(zip, 'xl/charts/')).toBe(count(onceZip, 'xl/charts/'));
      expect(count(zip, 'xl/worksheets/')).toBe(count(onceZip, 'xl/worksheets/'));
      for (const p of files.filter((f) => f.startsWith('xl/charts/')))
        expect(over.get(p)).toBe(
          'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
        );
    }
  });

  it("keeps other sheets' print titles on their own sheets when its sheets before them are removed", async () => {
    // A user's sheet with print titles added after the first run's bulletin sheets.
    const first = await run(sample());
    const wb = await reread(first.bytes);
    const mine = wb.addWorksheet('我的表');
    mine.getCell('A1').value = '我的';
    mine.pageSetup.printTitlesRow = '1:3';
    const edited = await bytesOf(wb);
    const second = await run(edited);
    const after = await reread(second.bytes);
    expect(after.getWorksheet('我的表')!.pageSetup.printTitlesRow).toBe('1:3');
    const bulletin = await bulletinOf(sample());
    bulletin.sheets.forEach((s, i) => {
      const repeat = s.print.repeatRows;
      expect(after.getWorksheet(second.sheets[i] ?? '')!.pageSetup.printTitlesRow).toBe(
        repeat ? `${repeat.top + 1}:${repeat.bottom + 1}` : undefined,
      );
    });
    // One print-titles name per sheet, each on a sheet that is there.
    const zip = await JSZip.loadAsync(second.bytes);
    const ids: number[] = [];
    let sheets = 0;
    walkXml(await text(zip, 'xl/workbook.xml'), {
      open(tag) {
        if (tag.local === 'sheet') sheets++;
        if (tag.local === 'definedName' && attrLocal(tag, 'name') === '_xlnm.Print_Titles')
          ids.push(Number(attrLocal(tag, 'localSheetId')));
      },
    });
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toBeLessThan(sheets);
    expect(after.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
  });

  it('drops the calculation chain when it names a sheet of its own that a re-run replaces, and keeps it otherwise', async () => {
    const first = await run(sample());
    /** The first run's output with a calcChain naming the sheet with this sheetId. */
    const withChain = async (sheetId: string): Promise<Uint8Array> => {
      const zip = ZipPackage.read(first.bytes);
      addPart(
        zip,
        'xl/calcChain.xml',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
        `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="${sheetId}"/><c r="A2"/></calcChain>`,
      );
      addRelationship(
        zip,
        'xl/workbook.xml',
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
        'calcChain.xml',
      );
      return Promise.resolve(zip.save());
    };
    const ids = new Map<string, string>();
    walkXml(await text(await JSZip.loadAsync(first.bytes), 'xl/workbook.xml'), {
      open(tag) {
        if (tag.local === 'sheet')
          ids.set(attrLocal(tag, 'name') ?? '', attrLocal(tag, 'sheetId') ?? '');
      },
    });
    const ours = await JSZip.loadAsync(
      (await run(await withChain(ids.get(first.sheets[0]!)!))).bytes,
    );
    expect(ours.file('xl/calcChain.xml')).toBeNull();
    expect(await text(ours, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect([...(await overrides(ours)).keys()]).not.toContain('xl/calcChain.xml');
    const users = await JSZip.loadAsync((await run(await withChain(ids.get('重点项目')!))).bytes);
    expect(users.file('xl/calcChain.xml')).not.toBeNull();
  });

  it('writes into a workbook whose stylesheet has no number formats of its own', async () => {
    const wb = new Workbook();
    wb.addWorksheet('重点项目').addRow(['序号']);
    const zip = await JSZip.loadAsync(await bytesOf(wb));
    const styles = await text(zip, 'xl/styles.xml');
    // ExcelJS writes <numFmts> only when it has some; the bulletin's 0.0% must add the list.
    expect(styles).not.toContain('<numFmts');
    const book = await PackageWorkbook.open(await bytesOf(wb));
    const bulletin = await bulletinOf(sample());
    await book.writeBulletin(bulletin);
    const saved = await book.save();
    const outZip = await JSZip.loadAsync(saved);
    expect(orderProblems(await text(outZip, 'xl/styles.xml'))).toEqual([]);
    const ws = (await reread(saved)).getWorksheet(bulletin.sheets[0]!.name)!;
    const pct = bulletin.sheets[0]!.cells.find(
      (c) => c.style !== undefined && bulletin.sheets[0]!.styles[c.style]?.numFmt === '0.0%',
    );
    if (pct) expect(ws.getCell(pct.row + 1, pct.col + 1).numFmt).toBe('0.0%');
  });
});
