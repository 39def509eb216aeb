import type { Workbook } from 'exceljs';
import type { SplitPlan, UnitPart } from '../../core/collect/splitPlan';
import type { SheetGrid } from '../../core/grid';
import type { Lang } from '../../core/issue';
import { findSheet } from './findSheet';
import { loadXlsx } from './loadXlsx';
import { xlsxError } from './portMessages';
import { splitWorkbook } from './splitWorkbook';

/**
 * The master as `split` copies it: each unit's return is a new workbook built with ExcelJS from
 * the master's formats, column widths and row heights. The master itself is read and never
 * written here; the package adapter reads its tables.
 */
export class SplitSource {
  private constructor(
    private readonly workbook: Workbook,
    private readonly lang: Lang,
  ) {}

  /** Opens the master's bytes; throws PortError with a sentence in `lang` when ExcelJS cannot. */
  static async open(data: Uint8Array | ArrayBuffer, lang: Lang = 'zh'): Promise<SplitSource> {
    const { workbook } = await loadXlsx(data, lang);
    return new SplitSource(workbook, lang);
  }

  /** One unit's workbook split from a sheet of the master, as .xlsx bytes (see splitWorkbook.ts). */
  async file(
    grid: SheetGrid,
    plan: SplitPlan,
    part: UnitPart,
    instruction: string,
  ): Promise<Uint8Array> {
    const ws = findSheet(this.workbook, plan.sheet, this.lang);
    try {
      return await splitWorkbook(ws, grid, plan, part, instruction);
    } catch (e) {
      throw xlsxError(
        'unknown',
        this.lang,
        'unexpected',
        '',
        e instanceof Error ? e.message : String(e),
      );
    }
  }
}
