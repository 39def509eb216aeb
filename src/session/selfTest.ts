import type { WorkbookAnalysis } from '../core/analysis';
import { dayNumber } from '../core/dates';
import type { Lang } from '../core/issue';
import { defaultRules, type RuleSet } from '../core/rules';
import type { CellValue, SheetGrid } from '../core/grid';
import type { WorkbookPort } from '../port/WorkbookPort';
import { analyze, clearSheets, paintSheets, writeBulletin } from './workflow';

/*
 * 自检: the port's contract (test/port/conformance.test.ts) run against the host the pane is in,
 * on sheets the self-test makes and removes, so IT can see on their own Excel that read, paint,
 * repaint, clear, bulletin and settings work, plus the four places where only real Excel can tell
 * (label replaceAll, the bulletin's verticalFitToPages, merges across reading slices, long address
 * lists). The host-specific scaffolding sits behind SelfTestHost; this file decides nothing about
 * Excel or ExcelJS.
 */

export const SELF_TEST_SHEET = '_tricolor自检';
export const SELF_TEST_LONG_SHEET = '_tricolor自检长表';

export const SELF_TEST_SCENARIOS = [
  'scratch',
  'read',
  'paint',
  'labels',
  'repaint',
  'clear',
  'bulletin',
  'pageLayout',
  'merges',
  'addressChunks',
  'settings',
] as const;

export type SelfTestScenario = (typeof SELF_TEST_SCENARIOS)[number];

export interface SelfTestResult {
  readonly scenario: SelfTestScenario;
  readonly ok: boolean;
  /** What went wrong, in the words of the check or the error; empty when it passed. */
  readonly detail: string;
}

export interface SelfTestReport {
  readonly results: readonly SelfTestResult[];
  /** False when the workbook could not be put back exactly (the pane says so loudly). */
  readonly restored: boolean;
  readonly restoreDetail: string;
}

export interface ScratchCell {
  readonly value: string | number | null;
  /** "#RRGGBB" or null. */
  readonly fill: string | null;
}

/** What the self-test needs from a host beyond the port: its own scratch sheets and reads. */
export interface SelfTestHost {
  /** Asked anew at each step: a file host may reopen its workbook after changing it. */
  readonly port: WorkbookPort;
  /**
   * Remembers everything the self-test may touch (the add-in's records and settings, the active
   * sheet and selection) and returns what puts it back exactly.
   */
  remember(): Promise<() => Promise<void>>;
  /** Adds a sheet holding `rows` from A1, with `merges` (A1 ranges) merged. */
  addSheet(
    name: string,
    rows: readonly (readonly ScratchCell[])[],
    merges?: readonly string[],
  ): Promise<void>;
  /** Removes the sheets that exist among `names`; the others are skipped. */
  removeSheets(names: readonly string[]): Promise<void>;
  /** Inserts one empty row before `row`, as the user's Insert does. */
  insertRow(sheet: string, row: number): Promise<void>;
  /** Fills ("#RRGGBB" or null) of column `col` (letters) for rows first..last, in one read. */
  columnFills(sheet: string, col: string, first: number, last: number): Promise<(string | null)[]>;
  /** verticalFitToPages of the sheet's page layout zoom, or null when it is not set. */
  verticalFitToPages(sheet: string): Promise<number | null>;
}

const ASOF = dayNumber(2023, 6, 30);
const USER_FILL = '#DDEBF7';
const LONG_ROWS = 900;
/** The long table's merge straddles rows 256 and 257, the edge of readSheet's reading slices. */
const MERGE_TOP = 256;

const cell = (value: string | number | null, fill: string | null = null): ScratchCell => ({
  value,
  fill,
});

/** The small plan table: row 5 (项目3) has the user's own fill. */
export function selfTestTable(): ScratchCell[][] {
  const units = ['区住建局', '区发改局', '区水务局', '区发改局'];
  const deadlines = ['2023年3月31日', '6月底', '2023年5月31日', '年底'];
  return [
    [cell('自检计划表')],
    ['序号', '项目名称', '责任单位', '计划节点'].map((v) => cell(v)),
    ...units.map((unit, i) =>
      [i + 1, `项目${i + 1}`, unit, deadlines[i] ?? ''].map((v) =>
        cell(v, i === 2 ? USER_FILL : null),
      ),
    ),
  ];
}

/**
 * The long table: rows alternate lagging and normal so each status's address list runs to
 * thousands of characters (past the 4,000-character chunk), and 责任单位 is merged across the
 * reading slices' edge.
 */
export function selfTestLongTable(): { rows: ScratchCell[][]; merges: string[] } {
  const rows: ScratchCell[][] = [
    [cell('自检长表')],
    ['序号', '项目名称', '责任单位', '计划节点'].map((v) => cell(v)),
  ];
  for (let i = 1; i <= LONG_ROWS; i++) {
    const row = i + 2;
    const unit = row === MERGE_TOP + 1 ? null : '区住建局';
    rows.push([i, `项目${i}`, unit, i % 2 === 0 ? '2023年3月31日' : '年底'].map((v) => cell(v)));
  }
  return { rows, merges: [`C${MERGE_TOP}:C${MERGE_TOP + 1}`] };
}

class Failed extends Error {}

function check(ok: boolean, detail: string): void {
  if (!ok) throw new Failed(detail);
}

const text = (v: CellValue | undefined): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

function analyzeOne(grid: SheetGrid, rules: RuleSet, lang: Lang): Promise<WorkbookAnalysis> {
  return analyze([grid], { asOf: ASOF, rules, lang, sheets: [grid.name] });
}

const hex = (c: string): string => `#${c.toUpperCase()}`;

/**
 * Runs every scenario in order, each one's failure recorded and the rest still tried where they
 * can be; whatever happens, the sheets it made are removed and what it remembered is put back.
 */
export async function runSelfTest(host: SelfTestHost, lang: Lang = 'zh'): Promise<SelfTestReport> {
  const rules = defaultRules(lang);
  const results: SelfTestResult[] = [];
  const made: string[] = [SELF_TEST_SHEET, SELF_TEST_LONG_SHEET];
  let state: { analysis?: WorkbookAnalysis; painted: boolean } = { painted: false };

  const step = async (scenario: SelfTestScenario, body: () => Promise<void>): Promise<void> => {
    try {
      await body();
      results.push({ scenario, ok: true, detail: '' });
    } catch (e) {
      results.push({ scenario, ok: false, detail: e instanceof Error ? e.message : String(e) });
    }
  };
  const need = (): WorkbookAnalysis => {
    if (!state.analysis) throw new Failed('no analysis (read failed)');
    return state.analysis;
  };
  const labelsRead = async (): Promise<string[]> => {
    const grid = await host.port.readSheet(SELF_TEST_SHEET);
    const header = grid.values[1] ?? [];
    const col = header.findIndex((v) => v === rules.statusHeader);
    check(col >= 0, `status header “${rules.statusHeader}” not found`);
    return grid.values.slice(2).map((r) => text(r[col]));
  };

  // The sheets there before, so a bulletin that failed half-way is removed too, whatever its name.
  // Set inside the scratch step (a closure), hence an object rather than narrowed locals.
  const setup: {
    existing: ReadonlySet<string> | null;
    putBack: (() => Promise<void>) | null;
  } = { existing: null, putBack: null };
  let restoreDetail = '';
  let restored = true;
  try {
    let ready = false;
    await step('scratch', async () => {
      setup.putBack = await host.remember();
      await host.removeSheets(made);
      setup.existing = new Set((await host.port.listSheets()).map((x) => x.name));
      await host.addSheet(SELF_TEST_SHEET, selfTestTable());
      ready = true;
    });
    if (!ready) throw new Failed('no scratch sheet');

    await step('read', async () => {
      const grid = await host.port.readSheet(SELF_TEST_SHEET);
      check(
        JSON.stringify(grid.values[2]) ===
          JSON.stringify([1, '项目1', '区住建局', '2023年3月31日']),
        `row 3 read as ${JSON.stringify(grid.values[2])}`,
      );
      state = { analysis: await analyzeOne(grid, rules, lang), painted: false };
    });

    await step('paint', async () => {
      const out = await paintSheets(host.port, need(), lang);
      check(out.painted.length === 1, `painted ${out.painted.length} sheets`);
      state.painted = true;
      const fills = await host.columnFills(SELF_TEST_SHEET, 'A', 3, 6);
      const want = ['lagging', 'normal', 'normal', 'normal'].map((s) =>
        hex(rules.colors[s as 'lagging']),
      );
      check(JSON.stringify(fills) === JSON.stringify(want), `fills read back ${fills.join(',')}`);
    });

    await step('labels', async () => {
      const labels = await labelsRead();
      const want = [
        rules.labels.lagging,
        rules.labels.normal,
        rules.labels.normal,
        rules.labels.normal,
      ];
      check(
        JSON.stringify(labels) === JSON.stringify(want),
        `labels read back ${labels.join(',')}`,
      );
    });

    await step('repaint', async () => {
      await host.insertRow(SELF_TEST_SHEET, 4);
      const grid = await host.port.readSheet(SELF_TEST_SHEET);
      state.analysis = await analyzeOne(grid, rules, lang);
      await paintSheets(host.port, state.analysis, lang);
      const header = (await host.port.readSheet(SELF_TEST_SHEET)).values[1] ?? [];
      const statusCols = header.filter((v) => v === rules.statusHeader).length;
      check(statusCols === 1, `${statusCols} status columns after the repaint`);
      // Row 4 is the empty inserted row (Excel gives it the formats of the row above); the
      // projects below it moved down one and keep their statuses.
      const fills = await host.columnFills(SELF_TEST_SHEET, 'A', 3, 7);
      const data = [fills[0], fills[2], fills[3], fills[4]];
      const want = ['lagging', 'normal', 'normal', 'normal'].map((s) =>
        hex(rules.colors[s as 'lagging']),
      );
      check(JSON.stringify(data) === JSON.stringify(want), `fills read back ${fills.join(',')}`);
    });

    await step('clear', async () => {
      await clearSheets(host.port, need(), [], lang);
      state.painted = false;
      const fills = await host.columnFills(SELF_TEST_SHEET, 'A', 3, 7);
      // After the insert at row 4 the user's blue row (项目3) is row 6.
      const want = [null, null, null, USER_FILL, null];
      check(JSON.stringify(fills) === JSON.stringify(want), `fills after clear ${fills.join(',')}`);
      const header = (await host.port.readSheet(SELF_TEST_SHEET)).values[1] ?? [];
      check(!header.includes(rules.statusHeader), 'status column still there');
    });

    let bulletin: readonly string[] = [];
    await step('bulletin', async () => {
      const out = await writeBulletin(host.port, need(), ASOF, rules, lang);
      bulletin = out.sheets;
      made.push(...out.sheets);
      const names = (await host.port.listSheets()).map((s) => s.name);
      check(
        out.sheets.length > 0 && out.sheets.every((s) => names.includes(s)),
        `bulletin sheets ${out.sheets.join(',')} not all in the workbook`,
      );
    });

    await step('pageLayout', async () => {
      check(bulletin.length > 0, 'no bulletin sheet to read');
      const fit = await host.verticalFitToPages(bulletin[0] as string);
      check(fit === 0, `verticalFitToPages read back as ${String(fit)}`);
    });

    await step('merges', async () => {
      const long = selfTestLongTable();
      await host.addSheet(SELF_TEST_LONG_SHEET, long.rows, long.merges);
      const grid = await host.port.readSheet(SELF_TEST_LONG_SHEET);
      const hits = grid.merges.filter(
        (m) => m.top + grid.origin.row <= MERGE_TOP + 1 && m.bottom + grid.origin.row >= MERGE_TOP,
      );
      check(
        hits.length === 1 && (hits[0]?.bottom ?? 0) - (hits[0]?.top ?? 0) === 1,
        `merges read ${JSON.stringify(grid.merges)}`,
      );
      state.analysis = await analyzeOne(grid, rules, lang);
    });

    await step('addressChunks', async () => {
      await paintSheets(host.port, need(), lang);
      const first = 3;
      const fills = await host.columnFills(SELF_TEST_LONG_SHEET, 'B', first, first + LONG_ROWS - 1);
      const lag = hex(rules.colors.lagging);
      const normal = hex(rules.colors.normal);
      const wrong = fills.findIndex((f, i) => f !== ((i + 1) % 2 === 0 ? lag : normal));
      check(wrong < 0, `row ${first + wrong} filled ${fills[wrong] ?? 'nothing'}`);
    });

    await step('settings', async () => {
      const before = await host.port.loadSettings();
      const probe = { ...before, lastAsOf: '2001-02-03' };
      await host.port.saveSettings(probe);
      const back = await host.port.loadSettings();
      check(back.lastAsOf === '2001-02-03', `settings read back ${JSON.stringify(back)}`);
      await host.port.saveSettings(before);
    });
  } catch (e) {
    // Only the scratch sheet's failure comes here, recorded already: the rest did not run.
    if (!(e instanceof Failed)) throw e;
  } finally {
    // Every sheet made goes, whatever failed; then the records and settings as they were.
    try {
      const before = setup.existing;
      if (before !== null) {
        made.push(
          ...(await host.port.listSheets()).map((x) => x.name).filter((n) => !before.has(n)),
        );
      }
      await host.removeSheets([...new Set(made)]);
    } catch (e) {
      restored = false;
      restoreDetail = e instanceof Error ? e.message : String(e);
    }
    try {
      if (setup.putBack) await setup.putBack();
    } catch (e) {
      restored = false;
      restoreDetail = [restoreDetail, e instanceof Error ? e.message : String(e)]
        .filter(Boolean)
        .join('; ');
    }
  }
  const ran = new Set(results.map((r) => r.scenario));
  const missing = SELF_TEST_SCENARIOS.filter((s) => !ran.has(s)).map((scenario) => ({
    scenario,
    ok: false,
    detail: 'not run',
  }));
  return { results: [...results, ...missing], restored, restoreDetail };
}

/** Where the self-test ran, for the report a user sends with a support request. */
export interface SelfTestEnvironment {
  readonly host: string;
  readonly platform: string;
  readonly version: string;
  /** ExcelApi versions supported, e.g. ["1.1", …, "1.17"]. */
  readonly apiSets: readonly string[];
}

/** The report as plain text, one line a scenario. */
export function selfTestText(
  report: SelfTestReport,
  env: SelfTestEnvironment,
  names: Readonly<Record<SelfTestScenario, string>>,
  words: { readonly pass: string; readonly fail: string; readonly notRestored: string },
): string {
  const lines = [
    `Tricolor 自检 / self-test`,
    `host: ${env.host}; platform: ${env.platform}; version: ${env.version}`,
    `ExcelApi: ${env.apiSets.join(', ')}`,
    ...report.results.map(
      (r) => `${r.ok ? words.pass : words.fail} ${names[r.scenario]}${r.ok ? '' : `: ${r.detail}`}`,
    ),
  ];
  if (!report.restored) lines.push(`${words.notRestored}: ${report.restoreDetail}`);
  return lines.join('\n');
}
