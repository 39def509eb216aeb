import {
  decodeState,
  encodeState,
  makeSnapshot,
  snapshotAt,
  type PaintState,
} from '../../../src/core/workbookRecord/sheetPaint';
import {
  fillKey,
  fillRects,
  parseFillKey,
  savedFillAt,
} from '../../../src/core/workbookRecord/savedFills';

function state(): PaintState {
  // Rows 3..6 × columns A..C: a yellow row 4, a patterned B6, the rest no fill.
  const cells = Int32Array.from([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 2, 0]);
  return {
    rows: { digest: '3.abc', left: 1, keys: [[1, 'k1']], colors: ['', '#C6EFCE'] },
    status: {
      column: 4,
      headerTop: 2,
      headerBottom: 2,
      merged: false,
      textFormat: false,
      header: '三色状态',
      firstRow: 3,
      codes: '1205',
      labels: ['', '正常推进', '滞后', '严重滞后', '已完成', '无法判断'],
      letters: true,
    },
    earlier: [{ column: 4, top: 2, bottom: 9, merge: null, textFormat: false }],
    before: [
      makeSnapshot(
        4,
        2,
        ['三色状态', '正常推进', '', '滞后'],
        new Set(['三色状态', '正常推进', '滞后']),
      ),
    ],
    palette: ['', '#FFFF00', '#92D050|Gray50|#000000'],
    areas: [{ rect: { top: 3, left: 1, bottom: 6, right: 3 }, cells }],
  };
}

describe('saved fills', () => {
  it('tells no fill, a solid fill and a patterned fill apart, and not-uniform from all', () => {
    expect(fillKey('#FFFFFF', 'None')).toBe('');
    expect(fillKey('#ffff00', 'Solid')).toBe('#FFFF00');
    expect(fillKey('#92D050', 'Gray50', '#000000')).toBe('#92D050|Gray50|#000000');
    expect(fillKey(null, null)).toBeNull();
    expect(fillKey('#FFFF00', null)).toBeNull();
    expect(parseFillKey('#92D050|Gray50|#000000')).toEqual({
      color: '#92D050',
      pattern: 'Gray50',
      patternColor: '#000000',
    });
    expect(parseFillKey('')).toBeNull();
  });

  it('survives encoding as compact JSON', () => {
    const s = state();
    const text = encodeState(s);
    expect(text.length).toBeLessThan(400);
    const back = decodeState(text);
    expect(back).toEqual(s);
    expect(back && savedFillAt(back, 6, 2)).toBe('#92D050|Gray50|#000000');
    expect(back && savedFillAt(back, 9, 2)).toBeUndefined();
  });

  it('rejects text that is not a state rather than guessing', () => {
    expect(decodeState('not json')).toBeNull();
    expect(decodeState('{"v":2}')).toBeNull();
    const text = encodeState(state());
    expect(decodeState(text.slice(0, -1))).toBeNull();
    const broken = JSON.parse(text) as { a: { f: number[] }[] };
    (broken.a[0] as { f: number[] }).f = [0, 5];
    expect(decodeState(JSON.stringify(broken))).toBeNull();
  });

  it('keeps what the status column held, one character a row, trailing empty cells left out', () => {
    const snap = makeSnapshot(
      11,
      2,
      ['三色状态', '', '滞后', '张三的备注', '', ''],
      new Set(['三色状态', '滞后']),
    );
    expect(snap.idx).toHaveLength(4);
    // A text not ours is kept only as "some text": no user's words in the workbook's state.
    expect(snap.table).toEqual(['', '三色状态', '滞后', null]);
    expect(JSON.stringify(snap)).not.toContain('张三');
    expect([2, 3, 4, 5, 6, 7, 99].map((r) => snapshotAt([snap], 11, r))).toEqual([
      '三色状态',
      '',
      '滞后',
      null,
      '',
      '',
      '',
    ]);
    expect(snapshotAt([snap], 12, 2)).toBeUndefined();
    expect(snapshotAt([snap], 11, 1)).toBeUndefined();
  });

  it('packs a status code per row two to a character', () => {
    const codes = Array.from({ length: 10_001 }, (_, i) => String((i * 7) % 6)).join('');
    const s = { ...state(), status: { ...state().status, codes } };
    const text = encodeState(s);
    expect(text.length).toBeLessThan(5_400);
    expect(decodeState(text)?.status.codes).toBe(codes);
  });

  it('groups the cells to restore into one rectangle per run of equal fill', () => {
    const rects = fillRects(state(), (_row, area) => [[area.left, area.right]]);
    expect(Object.fromEntries(rects)).toEqual({
      '': [
        { top: 3, left: 1, bottom: 3, right: 3 },
        { top: 5, left: 1, bottom: 5, right: 3 },
        { top: 6, left: 1, bottom: 6, right: 1 },
        { top: 6, left: 3, bottom: 6, right: 3 },
      ],
      '#FFFF00': [{ top: 4, left: 1, bottom: 4, right: 3 }],
      '#92D050|Gray50|#000000': [{ top: 6, left: 2, bottom: 6, right: 2 }],
    });
  });
});
