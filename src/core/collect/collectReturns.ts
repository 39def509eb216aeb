import type { SheetAnalysis } from '../analysis';
import { cellText, isDateFormat } from '../cellText';
import type { FieldKey } from '../fields';
import { a1, formatAt, isCellError, type CellValue, type SheetGrid } from '../grid';
import type { Lang } from '../issue';
import { buildMergeIndex, type MergeIndex } from '../mergeIndex';
import { parseDay } from '../parseDeadline';
import { parseNumber, parsePercent } from '../parseNumber';
import {
  conflictMessage,
  disagreement,
  type ConflictCode,
  type ConflictParams,
} from './collectMessages';
import { MasterRows } from './matchRows';
import { isRowKeyHeader, readRowKey } from './rowKeyColumn';

/** A sheet as read, with what the engine found on it. */
export interface ReadTable {
  readonly grid: SheetGrid;
  readonly analysis: SheetAnalysis;
}

/** A returned file: the tables found on its sheets (none when it holds no plan table). */
export interface ReturnFile {
  readonly file: string;
  readonly tables: readonly ReadTable[];
}

/** One master cell to write. Rows and columns are 1-based Excel ones. */
export interface CollectChange {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly field: FieldKey;
  /** The cell as the user sees it, before and after. */
  readonly old: string;
  readonly new: string;
  readonly file: string;
  readonly oldValue: CellValue;
  readonly oldFormat: string | null;
  readonly value: string | number | boolean | null;
  /** A number format to give the cell with the value (a date from a return into a General cell). */
  readonly numberFormat: string | null;
}

export interface CollectConflict {
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly code: ConflictCode;
  readonly message: string;
}

export interface CollectResult {
  readonly sheet: string;
  readonly changes: readonly CollectChange[];
  readonly conflicts: readonly CollectConflict[];
  /** Units of the master with rows that no return answered for, in the master's order. */
  readonly notReturned: readonly string[];
}

export interface CollectOptions {
  readonly lang: Lang;
  readonly fillFields: readonly FieldKey[];
}

interface Proposal {
  readonly file: string;
  readonly field: FieldKey;
  readonly value: string | number | boolean | null;
  readonly format: string | null;
  readonly text: string;
}

// 序号 is renumbered whenever a unit sorts; it says nothing the master must keep.
const NEVER_CHECKED: ReadonlySet<FieldKey> = new Set<FieldKey>(['seq']);

function blank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Equal as the user sees them: numbers by value (dates are serials), everything else by text. */
function sameValue(
  a: CellValue,
  fa: string | null,
  b: CellValue,
  fb: string | null,
  date1904: boolean,
): boolean {
  if (blank(a) && blank(b)) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return cellText(a, fa, date1904).trim() === cellText(b, fb, date1904).trim();
}

/** A top-left cell of whatever merge covers (r, c), so a merged cell is written once, where Excel keeps it. */
function anchor(merges: MergeIndex, r: number, c: number): [number, number] {
  const m = merges.mergeAt(r, c);
  return m ? [m.top, m.left] : [r, c];
}

/** Collects returned files into one master sheet. Pure: the caller writes the changes it returns. */
export function collectReturns(
  master: ReadTable,
  returns: readonly ReturnFile[],
  opts: CollectOptions,
): CollectResult {
  const { lang } = opts;
  const { grid: mg, analysis: ma } = master;
  const mMerges = buildMergeIndex(mg);
  const mFields = ma.layout.fields;
  const date1904 = mg.date1904 === true;
  const fill = new Set(opts.fillFields);
  const index = new MasterRows(ma.rows);
  const conflicts: CollectConflict[] = [];
  const proposals = new Map<string, Proposal[]>();
  const returned = new Set<string>();
  const headerOf = (col: number): string =>
    ma.layout.columns.find((c) => c.col === col)?.header ?? '';
  const said = new Set<string>();
  const conflict = (
    code: ConflictCode,
    file: string,
    sheet: string | null,
    cell: string | null,
    p: Omit<ConflictParams, 'file'> = {},
  ): void => {
    // Rows under one merged cell share it: one conflict per file and cell is enough.
    const once = `${code}\u0001${file}\u0001${sheet ?? ''}\u0001${cell ?? ''}`;
    if (said.has(once)) return;
    said.add(once);
    conflicts.push({
      file,
      sheet,
      cell,
      code,
      message: conflictMessage(lang, code, { file, ...(cell === null ? {} : { cell }), ...p }),
    });
  };

  for (const ret of returns) {
    if (ret.tables.length === 0) {
      conflict('no_table', ret.file, null, null);
      continue;
    }
    // The sheet of the return that is this table: the one with the most rows found in the master.
    let best: { table: ReadTable; matched: number } | null = null;
    for (const table of ret.tables) {
      const keyCol = table.analysis.layout.columns.find((c) => isRowKeyHeader(c.header))?.col;
      let matched = 0;
      for (const row of table.analysis.rows) {
        const key = keyCol === undefined ? null : readRowKey(table.grid.values[row.row]?.[keyCol]);
        if (index.match(row, key).kind === 'one') matched++;
      }
      if (best === null || matched > best.matched) best = { table, matched };
    }
    if (best === null || best.matched === 0) {
      conflict('not_this_table', ret.file, null, null);
      continue;
    }
    const { grid: rg, analysis: ra } = best.table;
    const rMerges = buildMergeIndex(rg);
    const keyCol = ra.layout.columns.find((c) => isRowKeyHeader(c.header))?.col;
    const unitsHere = new Set<string>();
    const seen = new Set<number>();
    const rowProposals: {
      unit: string | null;
      cells: { at: string; p: Proposal; cell: string }[];
    }[] = [];
    for (const row of ra.rows) {
      const key = keyCol === undefined ? null : readRowKey(rg.values[row.row]?.[keyCol]);
      const m = index.match(row, key);
      const nameCol = ra.layout.fields.name ?? ra.layout.left;
      if (m.kind !== 'one') {
        conflict(
          m.kind === 'none' ? 'row_not_in_master' : 'ambiguous_row',
          ret.file,
          rg.name,
          a1(rg, row.row, nameCol),
          { name: row.name ?? '' },
        );
        continue;
      }
      const mrow = m.row;
      // A row pasted twice into one return says the same thing twice: read it once.
      if (seen.has(mrow.row)) continue;
      seen.add(mrow.row);
      if (mrow.unit !== null) unitsHere.add(mrow.unit);
      const cells: { at: string; p: Proposal; cell: string }[] = [];
      for (const [field, rc] of Object.entries(ra.layout.fields) as [FieldKey, number][]) {
        const mc = mFields[field];
        if (mc === undefined || NEVER_CHECKED.has(field)) continue;
        const [mr, mcol] = anchor(mMerges, mrow.row, mc);
        const mv = mMerges.valueAt(mrow.row, mc);
        const mf = formatAt(mg, mr, mcol);
        const rv = rMerges.valueAt(row.row, rc);
        const [rr, rcol] = anchor(rMerges, row.row, rc);
        const rf = formatAt(rg, rr, rcol);
        const rDate1904 = rg.date1904 === true;
        if (sameValue(mv, mf, rv, rf, date1904)) continue;
        const cell = a1(mg, mr, mcol);
        const oldText = cellText(mv, mf, date1904);
        const newText = isCellError(rv) ? rv.error : cellText(rv, rf, rDate1904);
        const words = { header: headerOf(mc), old: oldText, new: newText };
        if (!fill.has(field)) {
          // A merged cell shows its value in its first row only: a unit that unmerged it to
          // sort (as Excel demands) leaves the other rows blank, and has changed nothing.
          if (blank(rv) && mMerges.mergeAt(mrow.row, mc) !== undefined) continue;
          conflict('protected_changed', ret.file, mg.name, cell, words);
          continue;
        }
        if (isCellError(rv) || !readable(field, rv, rf, ra, rg)) {
          conflict('unreadable_value', ret.file, mg.name, cell, words);
          continue;
        }
        cells.push({
          at: `${mr},${mcol}`,
          cell,
          p: {
            file: ret.file,
            field,
            value: rv,
            format: typeof rv === 'number' && rf !== null && rf !== mf ? rf : null,
            text: newText,
          },
        });
      }
      if (cells.length > 0) rowProposals.push({ unit: mrow.unit, cells });
    }
    const own = ownUnits(ret.file, unitsHere, rowProposals, ma.rows);
    for (const u of own) returned.add(u);
    for (const { unit, cells } of rowProposals) {
      if (unit === null || !own.has(unit)) {
        // A copy of the whole master holds every other unit's rows as they were when it was
        // copied: a difference there is another unit's business (or the master moved on).
        const first = cells[0] as (typeof cells)[number];
        conflict('not_own_row', ret.file, mg.name, first.cell, {
          header: headerOf(Number(first.at.split(',')[1])),
          name: unit ?? '',
        });
        continue;
      }
      for (const { at, p } of cells) {
        const list = proposals.get(at) ?? [];
        list.push(p);
        proposals.set(at, list);
      }
    }
  }

  const changes: CollectChange[] = [];
  for (const [at, list] of proposals) {
    const [r, c] = at.split(',').map(Number) as [number, number];
    const first = list[0] as Proposal;
    const agree = list.every((p) =>
      sameValue(p.value, p.format, first.value, first.format, date1904),
    );
    const cell = a1(mg, r, c);
    if (!agree) {
      conflict('returns_disagree', list.map((p) => p.file).join(', '), mg.name, cell, {
        header: headerOf(c),
        others: disagreement(
          lang,
          list.map((p) => ({ file: p.file, text: p.text })),
        ),
      });
      continue;
    }
    const oldValue = mg.values[r]?.[c] ?? null;
    const oldFormat = formatAt(mg, r, c);
    changes.push({
      sheet: mg.name,
      cell,
      row: mg.origin.row + r,
      col: mg.origin.col + c,
      field: first.field,
      old: cellText(oldValue, oldFormat, date1904),
      new: first.text,
      file: first.file,
      oldValue,
      oldFormat,
      value: first.value,
      numberFormat: first.format,
    });
  }
  changes.sort((a, b) => a.row - b.row || a.col - b.col);

  const notReturned: string[] = [];
  for (const row of ma.rows) {
    if (row.unit !== null && !returned.has(row.unit) && !notReturned.includes(row.unit)) {
      notReturned.push(row.unit);
    }
  }
  return { sheet: mg.name, changes, conflicts, notReturned };
}

/**
 * The units a return answers for. A return holding one unit's rows (a split file) is that unit's.
 * A return holding several units' rows (an edited copy of the whole master) is the unit its file
 * name names (the longest master unit found in it), else the one unit whose rows it changed;
 * when neither says, it answers for none and each changed row is a conflict.
 */
function ownUnits(
  file: string,
  unitsHere: ReadonlySet<string>,
  changed: readonly { unit: string | null }[],
  masterRows: readonly { unit: string | null }[],
): Set<string> {
  if (unitsHere.size <= 1) return new Set(unitsHere);
  const units = [...new Set(masterRows.map((r) => r.unit).filter((u): u is string => u !== null))];
  const named = units.filter((u) => file.includes(u)).sort((a, b) => b.length - a.length)[0];
  if (named !== undefined) return new Set([named]);
  const changedUnits = new Set(changed.map((c) => c.unit).filter((u): u is string => u !== null));
  return changedUnits.size === 1 ? changedUnits : new Set();
}

/** False for a value the engine could not read in that column: an impossible date, progress over 100%. */
function readable(
  field: FieldKey,
  v: CellValue,
  format: string | null,
  ra: SheetAnalysis,
  rg: SheetGrid,
): boolean {
  if (blank(v)) return true;
  switch (field) {
    case 'progress': {
      const header = ra.layout.columns.find((c) => c.col === ra.layout.fields.progress)?.header;
      const p = parsePercent(v, format, /[%％]/.test(header ?? ''));
      // Progress in words ("主体结构施工") is what most tables hold; only a number can be wrong.
      return p.kind !== 'number' || (p.value >= 0 && p.value <= 1 + 1e-9);
    }
    case 'doneDate':
    case 'actualStart':
      return (
        parseDay(v, format, { planYear: ra.planYear, date1904: rg.date1904 === true }).kind !==
        'unreadable'
      );
    case 'doneInvest':
    case 'planInvest':
    case 'totalInvest':
      return parseNumber(v).kind !== 'unreadable';
    default:
      return !(typeof v === 'number' && isDateFormat(format) && v < 0);
  }
}
