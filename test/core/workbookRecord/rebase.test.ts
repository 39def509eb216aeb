import { dropOurPaint, rebase, rowMemoryOf } from '../../../src/core/workbookRecord/rebase';
import { keysDigest, type RowIdentity } from '../../../src/core/workbookRecord/rowIdentity';
import { savedFillAt, type SavedArea } from '../../../src/core/workbookRecord/savedFills';
import type { PaintState } from '../../../src/core/workbookRecord/sheetPaint';
import type { PaintPlan } from '../../../src/core/paintPlan';

/**
 * A table painted at rows 3..6 (header row 2, columns A..D, status column D): rows "a".."d", row
 * "b" with the user's yellow over A..C, the rest no fill.
 */
const KEYS = ['a', 'b', 'c', 'd'];
const YELLOW = '#FFFF00';

function painted(): PaintState {
  const cells = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  return {
    rows: {
      digest: keysDigest(KEYS),
      left: 1,
      keys: [[1, 'b']],
      colors: ['', '#C6EFCE', '#FFEB9C', '#FFC7CE', '', ''],
    },
    status: {
      column: 4,
      headerTop: 2,
      headerBottom: 2,
      merged: false,
      textFormat: false,
      header: '三色状态',
      firstRow: 3,
      codes: '1232',
      labels: ['', '正常', '滞后', '严重滞后', '已完成', '无法判定'],
      letters: false,
    },
    earlier: [],
    before: [],
    palette: ['', YELLOW],
    areas: [{ rect: { top: 3, left: 1, bottom: 6, right: 4 }, cells }],
  };
}

function now(keys: string[], shift = 0, left = 1): RowIdentity {
  return {
    headerTop: 2 + shift,
    headerBottom: 2 + shift,
    firstRow: 3 + shift,
    left,
    statusColumn: 3 + left,
    keys,
  };
}

describe('rebase', () => {
  it('returns the record as it is when no row moved', () => {
    const s = painted();
    expect(rebase(s, now(KEYS))).toEqual({ state: s, uncertain: [] });
  });

  it('shifts the whole record when rows were inserted above the table and a column left of it', () => {
    const r = rebase(painted(), now(KEYS, 2, 2));
    expect(r.state.status).toMatchObject({ column: 5, headerTop: 4, firstRow: 5, codes: '1232' });
    expect(r.state.status.moved).toBeUndefined();
    expect(savedFillAt(r.state, 6, 2)).toBe(YELLOW);
    expect(savedFillAt(r.state, 7, 2)).toBe('');
    expect(savedFillAt(r.state, 6, 1)).toBeUndefined();
  });

  it('carries the saved fills of a row to where a sort took it', () => {
    const r = rebase(painted(), now(['d', 'c', 'b', 'a']));
    expect(r.uncertain).toEqual([]);
    expect(savedFillAt(r.state, 5, 1)).toBe(YELLOW);
    expect(savedFillAt(r.state, 5, 3)).toBe(YELLOW);
    expect(savedFillAt(r.state, 4, 1)).toBeUndefined();
    expect(r.state.status).toMatchObject({ firstRow: 3, codes: '0000', moved: true });
    expect(r.state.rows.keys).toEqual([[2, 'b']]);
    expect(r.state.rows.digest).toBe(keysDigest(['d', 'c', 'b', 'a']));
  });

  it('leaves out rows without saved fills, so what they carry is read again', () => {
    const r = rebase(painted(), now(['a', 'new', 'b', 'c', 'd']));
    expect(r.state.areas.map((a) => a.rect)).toEqual([{ top: 5, left: 1, bottom: 5, right: 4 }]);
    expect(r.state.status.codes).toBe('00000');
  });

  it('places no fills of a key that now names two rows, and names those rows', () => {
    const r = rebase(painted(), now(['a', 'b', 'c', 'b', 'd']));
    expect(r.uncertain).toEqual([4, 6]);
    expect(r.state.areas).toEqual([]);
  });

  it('drops the fills of a row that was deleted', () => {
    const r = rebase(painted(), now(['a', 'c', 'd']));
    expect(r.state.areas).toEqual([]);
    expect(r.uncertain).toEqual([]);
  });

  it('keeps a record made before rows had keys where it is', () => {
    const s: PaintState = { ...painted(), rows: { ...painted().rows, digest: '' } };
    expect(rebase(s, now(['d', 'c', 'b', 'a'])).state).toBe(s);
  });
});

describe('dropOurPaint', () => {
  it('takes a fill equal to a colour we painted for no fill and keeps every other', () => {
    const area: SavedArea = {
      rect: { top: 1, left: 1, bottom: 1, right: 3 },
      cells: Int32Array.from([1, 2, 0]),
    };
    const out = dropOurPaint(['', '#C6EFCE', '#FFC000'], [area], ['', '#C6EFCE'], 0);
    expect([...(out[0]?.cells ?? [])]).toEqual([0, 2, 0]);
  });
});

describe('rowMemoryOf', () => {
  it('keeps the keys of rows with a fill of their own only, marking keys several rows share', () => {
    const plan = {
      origin: { row: 1, col: 1 },
      left: 0,
      firstRow: 2,
      keys: ['a', 'b', 'b', ''],
      fills: [{ status: 'normal', color: 'c6efce', runs: [2, 3] }],
    } as unknown as PaintPlan;
    const areas: SavedArea[] = [
      { rect: { top: 3, left: 1, bottom: 6, right: 1 }, cells: Int32Array.from([1, 1, 0, 1]) },
    ];
    const m = rowMemoryOf(plan, ['', YELLOW], areas);
    expect(m.keys).toEqual([
      [0, 'a'],
      [1, 'b*'],
    ]);
    expect(m.colors[1]).toBe('#C6EFCE');
    expect(m.digest).toBe(keysDigest(plan.keys));
  });
});
