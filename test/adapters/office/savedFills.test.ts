import {
  decodeState,
  encodeState,
  fillKey,
  fillRects,
  parseFillKey,
  savedFillAt,
  type PaintState,
} from '../../../src/adapters/office/savedFills';

function state(): PaintState {
  // Rows 3..6 × columns A..C: a yellow row 4, a patterned B6, the rest no fill.
  const cells = Int32Array.from([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 2, 0]);
  return {
    statusColumn: 4,
    headerTop: 2,
    headerBottom: 2,
    headerMerged: false,
    bodyTop: 3,
    bodyBottom: 6,
    textFormat: false,
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

  it('survives encoding as run-length JSON', () => {
    const s = state();
    const text = encodeState(s);
    expect(text.length).toBeLessThan(300);
    const back = decodeState(text);
    expect(back).toEqual(s);
    expect(back && savedFillAt(back, 6, 2)).toBe('#92D050|Gray50|#000000');
    expect(back && savedFillAt(back, 9, 2)).toBeUndefined();
  });

  it('rejects text that is not a state rather than guessing', () => {
    expect(decodeState('not json')).toBeNull();
    expect(decodeState('{"v":2}')).toBeNull();
    const broken = JSON.parse(encodeState(state())) as { areas: { f: number[] }[] };
    (broken.areas[0] as { f: number[] }).f = [0, 5];
    expect(decodeState(JSON.stringify(broken))).toBeNull();
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
