import type { CellValue, SheetGrid } from '../../src/core/grid';
import type { PaintPlan } from '../../src/core/paintPlan';
import type {
  ApplyReport,
  ClearReport,
  Progress,
  SheetInfo,
  PortFeatures,
  WorkbookPort,
  WorkbookSettings,
} from '../../src/port/WorkbookPort';
import type { BulletinBook, BulletinSheet } from '../../src/core/bulletinBook';
import { gridOf } from '../support/gridOf';

/**
 * A small plan table as read on 2023-06-30: row 3 lagging (due 2023-05-20), row 4 normal,
 * row 5 severe (due 2023年2月), row 6 done, row 7 unknown (a deadline nobody can read: "待定").
 */
export function projectsGrid(name = '重点项目'): SheetGrid {
  return gridOf(
    name,
    [
      ['2023年度重点项目推进计划表', null, null, null, null, null],
      ['序号', '项目名称', '计划节点', '是否完成', '责任单位', '备注'],
      [1, '城市快速路项目', '2023年5月20日', '未完成', '区交通运输局', null],
      [2, '文化中心项目', '年内', null, '金城镇', null],
      [3, '污水处理厂提标改造', '2023年2月', '否', '区水利局', null],
      [4, '老旧小区改造', '3月底', '已完成', '区发改局', null],
      [5, '数据中心项目', '待定', null, '区发改局', '计划调整中'],
    ],
    { merges: ['A1:F1'] },
  );
}

/** A sheet with prose only: the engine skips it. */
export function notesGrid(name = '填表说明'): SheetGrid {
  return gridOf(name, [['1. 计划节点请填写具体日期或月份。'], ['2. 每月28日前报送。']]);
}

export interface FakePortOptions {
  readonly grids?: readonly SheetGrid[];
  readonly settings?: WorkbookSettings;
  /** 'office' stands for a workbook open in Excel (live, draws charts); 'xlsx' for a file. */
  readonly kind?: 'office' | 'xlsx';
  /** Adds selectCell, as the Office adapter has. */
  readonly canSelect?: boolean;
  /** Makes applyPaint fail with this error. */
  readonly paintError?: Error;
  /** Adds activateSheet, as the Office adapter may. */
  readonly canActivate?: boolean;
}

/** A bulletin sheet as a file would hold it: its cells at their places, its merges. */
export function gridOfBulletinSheet(sheet: BulletinSheet): SheetGrid {
  const values: CellValue[][] = [];
  for (const c of sheet.cells) {
    const row = (values[c.row] ??= []);
    while (row.length < c.col) row.push(null);
    row[c.col] = c.value;
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { name: sheet.name, values, merges: [...sheet.merges], origin: { row: 1, col: 1 } };
}

/** An in-memory WorkbookPort that records what the pane asked of it. */
export class FakePort implements WorkbookPort {
  readonly features: PortFeatures;
  grids: SheetGrid[];
  settings: WorkbookSettings;
  readonly reads: string[] = [];
  readonly painted: PaintPlan[] = [];
  readonly cleared: string[] = [];
  readonly savedSettings: WorkbookSettings[] = [];
  readonly selected: { sheet: string; address: string }[] = [];
  readonly bulletins: BulletinBook[] = [];
  readonly activated: string[] = [];
  private readonly paintError: Error | undefined;

  constructor(options: FakePortOptions = {}) {
    const office = options.kind === 'office';
    this.features = { live: office, drawsCharts: office };
    this.grids = [...(options.grids ?? [projectsGrid(), notesGrid()])];
    this.settings = options.settings ?? {};
    this.paintError = options.paintError;
    if (options.canSelect) {
      (this as unknown as { selectCell: (s: string, a: string) => Promise<void> }).selectCell = (
        sheet: string,
        address: string,
      ) => {
        this.selected.push({ sheet, address });
        return Promise.resolve();
      };
    }
    if (options.canActivate) {
      (this as unknown as { activateSheet: (s: string) => Promise<void> }).activateSheet = (
        sheet: string,
      ) => {
        this.activated.push(sheet);
        return Promise.resolve();
      };
    }
  }

  // Nothing here waits, so the methods return settled promises (rejected where the port would fail).

  listSheets(): Promise<SheetInfo[]> {
    return Promise.resolve(this.grids.map((g) => ({ name: g.name, visible: true })));
  }

  readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    this.reads.push(name);
    const grid = this.grids.find((g) => g.name === name);
    if (!grid) return Promise.reject(new Error(`no sheet ${name}`));
    onProgress?.(1, 1);
    return Promise.resolve(grid);
  }

  applyPaint(plan: PaintPlan, onProgress?: Progress): Promise<ApplyReport> {
    if (this.paintError) return Promise.reject(this.paintError);
    this.painted.push(plan);
    onProgress?.(1, 1);
    return Promise.resolve({
      sheet: plan.sheet,
      statusHeaderCell: 'G2',
      rowsPainted: plan.codes.length,
      uncertainRows: [],
    });
  }

  clearPaint(sheet: string): Promise<ClearReport> {
    this.cleared.push(sheet);
    return Promise.resolve({
      sheet,
      fillsRestored: 0,
      statusColumnRemoved: true,
      uncertainRows: [],
    });
  }

  readonly records = new Map<string, string>();

  readRecords(): Promise<ReadonlyMap<string, string>> {
    return Promise.resolve(new Map(this.records));
  }

  writeRecords(changes: ReadonlyMap<string, string | undefined>): Promise<void> {
    for (const [key, text] of changes) {
      if (text === undefined) this.records.delete(key);
      else this.records.set(key, text);
    }
    return Promise.resolve();
  }

  /** Adds the bulletin's sheets (replacing those of the same name), as the adapters do. */
  writeBulletin(book: BulletinBook): Promise<{ readonly sheets: readonly string[] }> {
    this.bulletins.push(book);
    const names = new Set(book.sheets.map((s) => s.name));
    this.grids = [
      ...this.grids.filter((g) => !names.has(g.name)),
      ...book.sheets.map(gridOfBulletinSheet),
    ];
    return Promise.resolve({ sheets: book.sheets.map((s) => s.name) });
  }

  loadSettings(): Promise<WorkbookSettings> {
    return Promise.resolve(this.settings);
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    this.settings = settings;
    this.savedSettings.push(settings);
    return Promise.resolve();
  }
}

/** A FakePort that file mode can save, as the xlsx adapter can. */
export class FakeFilePort extends FakePort {
  saves = 0;
  disposed = false;
  save(): Promise<Uint8Array> {
    this.saves++;
    return Promise.resolve(new Uint8Array([0x50, 0x4b, 3, 4]));
  }
  dispose(): void {
    this.disposed = true;
  }
}
