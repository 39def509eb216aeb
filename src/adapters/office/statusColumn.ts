import { columnLetters } from '../../core/grid';
import {
  footprintOf,
  lastBodyRow,
  LETTERS,
  type Footprint,
  type StatusWrite,
} from '../../core/workbookRecord/sheetPaint';
import { estimateBytes, LIMITS, type RequestBudget, type Work } from './requestBudget';

/**
 * The status column is written with one-letter codes while it is being filled: a label costs
 * 10–17 bytes a row in UTF-8 ("严重滞后" is 12 on its own), a letter 6; five replaceAll calls then
 * turn the letters into labels inside Excel. At 100,000 rows that is ~0.6 MB sent instead of ~1.2 MB.
 */

/**
 * Queues the status column: the header (merged over the header rows) and the body as one 2-D
 * array per row block. Rows without a status get "" so a label left by an earlier run goes away.
 */
export async function queueStatusColumn(
  ws: Excel.Worksheet,
  budget: RequestBudget,
  w: StatusWrite,
  tag: string,
): Promise<void> {
  const col = columnLetters(w.column);
  const headerRows = w.headerBottom - w.headerTop + 1;
  await budget.add(
    estimateBytes(w.header, 4),
    () => {
      const header = ws.getRange(`${col}${w.headerTop}:${col}${w.headerBottom}`);
      if (w.textFormat) header.numberFormat = Array.from({ length: headerRows }, () => ['@']);
      ws.getRange(`${col}${w.headerTop}`).values = [[w.header]];
      if (w.merged) header.merge(false);
    },
    tag,
  );
  // Rows between the header and the body, if a plan has any, hold nothing of ours.
  if (w.firstRow > w.headerBottom + 1) {
    const gap = `${col}${w.headerBottom + 1}:${col}${w.firstRow - 1}`;
    await budget.add(estimateBytes(gap, 2), () => ws.getRange(gap).clear('Contents'), tag);
  }

  const n = w.codes.length;
  for (let start = 0; start < n; start += LIMITS.blockRows) {
    await budget.addWork(bodyBlock(ws, w, start, Math.min(n, start + LIMITS.blockRows)), tag);
  }
  if (!w.letters || n === 0) return;

  const body = `${col}${w.firstRow}:${col}${lastBodyRow(w)}`;
  for (let code = 1; code < LETTERS.length; code++) {
    const label = w.labels[code];
    if (!w.codes.includes(String(code)) || label === undefined) continue;
    await budget.add(
      estimateBytes([body, label], 2),
      () => {
        ws.getRange(body).replaceAll(LETTERS[code] as string, label, {
          completeMatch: true,
          matchCase: true,
        });
      },
      tag,
    );
  }
}

/** Writing body rows start..end-1 of `w`: letters or labels, "@" first when text-formatted. */
function bodyBlock(ws: Excel.Worksheet, w: StatusWrite, start: number, end: number): Work {
  const col = columnLetters(w.column);
  const text: readonly string[] = w.letters ? LETTERS : w.labels;
  const values: string[][] = [];
  for (let i = start; i < end; i++) values.push([text[w.codes.charCodeAt(i) - 48] ?? '']);
  const top = w.firstRow + start;
  const bottom = w.firstRow + end - 1;
  const ops = w.textFormat ? 3 : 2;
  const work: Work = {
    bytes: estimateBytes(values, ops) * (w.textFormat ? 2 : 1),
    queue: () => {
      const range = ws.getRange(`${col}${top}:${col}${bottom}`);
      if (w.textFormat) range.numberFormat = values.map(() => ['@']);
      range.values = values;
    },
  };
  if (end - start < 2) return work;
  const mid = Math.floor((start + end) / 2);
  return { ...work, split: () => [bodyBlock(ws, w, start, mid), bodyBlock(ws, w, mid, end)] };
}

/** Setting rows top..bottom of column `col` back to General. */
function generalBlock(ws: Excel.Worksheet, col: string, top: number, bottom: number): Work {
  const formats = Array.from({ length: bottom - top + 1 }, () => ['General']);
  const work: Work = {
    bytes: estimateBytes(formats, 2),
    queue: () => {
      ws.getRange(`${col}${top}:${col}${bottom}`).numberFormat = formats;
    },
  };
  if (bottom <= top) return work;
  const mid = Math.floor((top + bottom) / 2);
  return {
    ...work,
    split: () => [generalBlock(ws, col, top, mid), generalBlock(ws, col, mid + 1, bottom)],
  };
}

/** Inclusive row runs of `f` that `keep` (in the same column) does not cover. */
function rowsOutside(f: Footprint, keep: Footprint | null): [number, number][] {
  if (!keep || keep.column !== f.column) return [[f.top, f.bottom]];
  const out: [number, number][] = [];
  if (f.top < keep.top) out.push([f.top, Math.min(f.bottom, keep.top - 1)]);
  if (f.bottom > keep.bottom) out.push([Math.max(f.top, keep.bottom + 1), f.bottom]);
  return out;
}

/**
 * Queues undoing what earlier writes left where `keep` (the write about to be made, or null when
 * clearing) does not write: their contents emptied, their header merges undone, their cells back
 * to General, which the column had (the plan only puts the status column in an empty one).
 */
export async function queueUndo(
  ws: Excel.Worksheet,
  budget: RequestBudget,
  footprints: readonly Footprint[],
  keep: StatusWrite | null,
  tag: string,
): Promise<void> {
  const kept = keep ? footprintOf(keep) : null;
  for (const f of footprints) {
    const col = columnLetters(f.column);
    const m = f.merge;
    const sameMerge =
      kept !== null &&
      kept.column === f.column &&
      kept.merge !== null &&
      m !== null &&
      kept.merge.top === m.top &&
      kept.merge.bottom === m.bottom;
    if (m && !sameMerge) {
      await budget.add(
        estimateBytes(null, 2),
        () => ws.getRange(`${col}${m.top}:${col}${m.bottom}`).unmerge(),
        tag,
      );
    }
    for (const [top, bottom] of rowsOutside(f, kept)) {
      await budget.add(
        estimateBytes(null, 2),
        () => ws.getRange(`${col}${top}:${col}${bottom}`).clear('Contents'),
        tag,
      );
      if (!f.textFormat) continue;
      for (let start = top; start <= bottom; start += LIMITS.blockRows) {
        const end = Math.min(bottom, start + LIMITS.blockRows - 1);
        await budget.addWork(generalBlock(ws, col, start, end), tag);
      }
    }
  }
}
