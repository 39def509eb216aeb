import { promises as fsp } from 'fs';
import * as path from 'path';
import { ValueType, Workbook } from 'exceljs';
import { main } from '../../src/cli/main';
import { ReportSchema, type Report } from '../../src/core/report';
import {
  AS_OF,
  FIRST_DATA_ROW,
  FORMULA_HEADER,
  FORMULA_LABELS,
  FORMULA_RULES,
  HOSTILE_ROWS,
  HOSTILE_SHEET,
  STATUS_COLUMN,
  hostileRows,
  isTextCell,
  laggingStrings,
  xmlCells,
} from '../support/hostileText';
import { captureIo, tempDir } from './cliTestKit';

/**
 * `tricolor run` over a table whose names, units, leaders and problems start with = + - @, with
 * rules whose labels and status header do too: the report keeps every string as it was (it is
 * JSON, nothing needs escaping for a spreadsheet), and the saved workbook holds each as text, in
 * the status column and on the bulletin sheets, with no formula anywhere.
 */

const NAME = 1;
const UNIT = 2;
const PROBLEM = 6;

describe('tricolor run with text that looks like formulas', () => {
  let dir: string;
  let out: Uint8Array;
  let report: Report;
  let stdout: string;

  beforeAll(async () => {
    dir = await tempDir();
    const wb = new Workbook();
    const ws = wb.addWorksheet(HOSTILE_SHEET);
    for (const row of hostileRows()) ws.addRow(row);
    await wb.xlsx.writeFile(path.join(dir, 'plan.xlsx'));
    await fsp.writeFile(path.join(dir, 'rules.json'), JSON.stringify(FORMULA_RULES));
    const io = captureIo(dir);
    const code = await main(
      [
        'run',
        'plan.xlsx',
        '--as-of',
        AS_OF,
        '--rules',
        'rules.json',
        '--out',
        'out.xlsx',
        '--report',
        'report.json',
      ],
      io,
    );
    // The problems in the table go to stderr; shown here only if the run fails.
    expect({ code, err: io.err() }).toMatchObject({ code: 0 });
    stdout = io.out();
    out = new Uint8Array(await fsp.readFile(path.join(dir, 'out.xlsx')));
    report = ReportSchema.parse(
      JSON.parse(await fsp.readFile(path.join(dir, 'report.json'), 'utf8')) as unknown,
    );
  }, 60_000);

  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('keeps the labels and the status header unchanged in the report', () => {
    expect(report.rules.labels).toEqual(FORMULA_LABELS);
    expect(report.rules.statusHeader).toBe(FORMULA_HEADER);
  });

  it('keeps every lagging row’s name, unit and problem unchanged in the report', () => {
    const sheet = report.sheets.find((s) => s.name === HOSTILE_SHEET);
    const lagging = sheet?.summary.lagging ?? [];
    const want = HOSTILE_ROWS.flatMap((r, i) =>
      r.status === 'lagging' || r.status === 'severe'
        ? [
            {
              excelRow: FIRST_DATA_ROW + i,
              name: r.cells[NAME],
              unit: r.cells[UNIT],
              problem: r.cells[PROBLEM],
            },
          ]
        : [],
    );
    expect(
      lagging
        .map((l) => ({ excelRow: l.excelRow, name: l.name, unit: l.unit, problem: l.problem }))
        .sort((a, b) => a.excelRow - b.excelRow),
    ).toEqual(want);
    // Units as typed, among the per-unit counts.
    const units = (sheet?.summary.byUnit ?? []).map((u) => u.unit);
    for (const u of ['=区发改局', '+区财政局', '-区住建局', '@区交通局'])
      expect(units).toContain(u);
  });

  it('prints the labels as the plain text they are in its summary line', () => {
    for (const label of Object.values(FORMULA_LABELS)) expect(stdout).toContain(label);
  });

  it('saves the status header and every label as text, with no formula on the sheet', async () => {
    const cells: [string, string][] = [
      [`${STATUS_COLUMN}2`, FORMULA_HEADER],
      ...HOSTILE_ROWS.map((r, i): [string, string] => [
        `${STATUS_COLUMN}${FIRST_DATA_ROW + i}`,
        FORMULA_LABELS[r.status],
      ]),
    ];
    const xml = await xmlCells(out, HOSTILE_SHEET);
    expect(cells.filter(([a, t]) => !isTextCell(xml.get(a), t))).toEqual([]);
    expect([...xml].filter(([, c]) => c.formula).map(([a]) => a)).toEqual([]);

    const wb = new Workbook();
    await wb.xlsx.load(out as unknown as Parameters<Workbook['xlsx']['load']>[0]);
    const ws = wb.getWorksheet(HOSTILE_SHEET)!;
    expect(cells.map(([a]) => [ws.getCell(a).type, ws.getCell(a).value])).toEqual(
      cells.map(([, t]) => [ValueType.String, t]),
    );
  });

  it('saves the bulletin sheets with the names, units, problems and labels as text and no formula', async () => {
    const wb = new Workbook();
    await wb.xlsx.load(out as unknown as Parameters<Workbook['xlsx']['load']>[0]);
    const bulletinSheets = wb.worksheets.map((w) => w.name).filter((n) => n.endsWith(AS_OF));
    expect(bulletinSheets).toHaveLength(2);
    const seen: string[] = [];
    for (const name of bulletinSheets) {
      const xml = await xmlCells(out, name);
      expect([...xml].filter(([, c]) => c.formula).map(([a]) => a)).toEqual([]);
      for (const [a, c] of xml) {
        if (c.type !== 's' && c.type !== 'inlineStr') continue;
        seen.push(c.text ?? '');
        const cell = wb.getWorksheet(name)!.getCell(a);
        expect([a, cell.type, cell.value]).toEqual([a, ValueType.String, c.text]);
      }
    }
    for (const s of [...laggingStrings(), ...Object.values(FORMULA_LABELS)]) {
      expect(seen).toContain(s);
    }
  });
});
