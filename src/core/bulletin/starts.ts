import type { SheetAnalysis } from '../analysis';
import type { DayNumber } from '../dates';
import { normalizeText } from '../normalizeText';
import type { PlanRow } from '../planRow';

/** 开工率 of the new-start projects (建设性质 新开工). */
export interface StartsSummary {
  /** Rows whose 建设性质 says 新开工. */
  readonly planned: number;
  /** Of those, rows with an 实际开工时间 on or before the report date. */
  readonly started: number;
  /** started / planned. */
  readonly rate: number;
}

/** True for 新开工 rows, however the cell writes it ("新开工", "新開工", "新开工项目"). */
export function isNewStart(row: PlanRow): boolean {
  return row.nature !== null && normalizeText(row.nature).includes('新开工');
}

/**
 * Start rate, or undefined when no table has both a 建设性质 and an 实际开工时间 column, or none of
 * its rows is 新开工.
 * Started means a start date on or before the report date: PlanRow keeps only dates, so a flag
 * such as "已开工" typed in the start column, or a row marked done with no start date, does not
 * count. The bulletin reports what the table records; a later date is a start not yet made.
 */
export function summarizeStarts(
  analyses: readonly SheetAnalysis[],
  asOf: DayNumber,
): StartsSummary | undefined {
  let planned = 0;
  let started = 0;
  for (const a of analyses) {
    // Without a column saying which started, a rate would be a made-up 0%: the section is left out.
    if (a.layout.fields.nature === undefined || a.layout.fields.actualStart === undefined) continue;
    for (const row of a.rows) {
      if (!isNewStart(row)) continue;
      planned++;
      if (row.actualStart !== null && row.actualStart <= asOf) started++;
    }
  }
  return planned === 0 ? undefined : { planned, started, rate: started / planned };
}
