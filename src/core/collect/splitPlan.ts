import type { SheetAnalysis } from '../analysis';
import type { FieldKey } from '../fields';
import { hashText, rowFingerprint } from '../workbookRecord/rowIdentity';

/** One unit's share of a master table: the rows its split file holds. */
export interface UnitPart {
  readonly unit: string;
  /** "区发改局-2023年度XX区重点项目推进计划表.xlsx" */
  readonly fileName: string;
  /** Grid rows of the master, ascending. */
  readonly rows: readonly number[];
  /** keys[i] is the identity key of rows[i]. */
  readonly keys: readonly string[];
}

export interface SplitPlan {
  readonly sheet: string;
  /** The grid rows copied into every file above the data: titles and header. */
  readonly headRows: readonly number[];
  /** Grid rows of the header (the instruction line goes just above them). */
  readonly headerTop: number;
  readonly left: number;
  readonly right: number;
  /** Grid columns the units fill in: unlocked in the split files. */
  readonly fillColumns: readonly number[];
  readonly parts: readonly UnitPart[];
  /** Data rows with no responsible unit: in no file. */
  readonly unitless: readonly number[];
}

// Characters Windows, macOS and Linux refuse (or treat specially) in file names.
const BAD_FILE_CHARS = /[\\/:*?"<>|]/g;
// Control characters are dropped too; a string test keeps the regex free of them.
const isControl = (ch: string): boolean => ch.charCodeAt(0) < 32;

/** A file-name part: forbidden characters become "_", whitespace runs one space, at most 60 characters. */
export function fileNamePart(text: string): string {
  const cleaned = [...text]
    .map((ch) => (isControl(ch) ? ' ' : ch))
    .join('')
    .replace(BAD_FILE_CHARS, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, 60).join('') || '_';
}

/** The table's name for file names: its first title line, else the sheet's name. */
export function tableName(analysis: SheetAnalysis): string {
  const title = analysis.layout.title?.split(' ')[0]?.trim();
  return title !== undefined && title !== '' ? title : analysis.sheet;
}

/**
 * Who gets which rows: each data row goes to the first unit listed in its cell, in order of first
 * appearance; rows with no unit go to nobody (and are reported). Units whose file names would
 * collide after cleaning are told apart by a number.
 */
export function planSplit(analysis: SheetAnalysis, fillFields: readonly FieldKey[]): SplitPlan {
  const { layout } = analysis;
  const byUnit = new Map<string, { rows: number[]; keys: string[] }>();
  const unitless: number[] = [];
  for (const row of analysis.rows) {
    if (row.unit === null) {
      unitless.push(row.row);
      continue;
    }
    let part = byUnit.get(row.unit);
    if (part === undefined) {
      part = { rows: [], keys: [] };
      byUnit.set(row.unit, part);
    }
    part.rows.push(row.row);
    part.keys.push(hashText(rowFingerprint(row)));
  }
  const table = fileNamePart(tableName(analysis));
  const taken = new Set<string>();
  const parts: UnitPart[] = [];
  for (const [unit, part] of byUnit) {
    const stem = `${fileNamePart(unit)}-${table}`;
    let fileName = `${stem}.xlsx`;
    for (let n = 2; taken.has(fileName.toLowerCase()); n++) fileName = `${stem} (${n}).xlsx`;
    taken.add(fileName.toLowerCase());
    parts.push({ unit, fileName, rows: part.rows, keys: part.keys });
  }
  const headRows: number[] = [];
  for (let r = 0; r <= layout.headerBottom; r++) headRows.push(r);
  const fillColumns = fillFields
    .map((f) => layout.fields[f])
    .filter((c): c is number => c !== undefined);
  return {
    sheet: analysis.sheet,
    headRows,
    headerTop: layout.headerTop,
    left: layout.left,
    right: layout.right,
    fillColumns: [...new Set(fillColumns)].sort((a, b) => a - b),
    parts,
    unitless,
  };
}
