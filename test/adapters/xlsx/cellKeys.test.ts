import fc from 'fast-check';
import { CellMap, decodeCellMap, encodeCellMap } from '../../../src/adapters/xlsx/cellKeys';

function entries(map: CellMap): [number, number, number][] {
  const out: [number, number, number][] = [];
  map.forEach((r, c, v) => out.push([r, c, v]));
  return out;
}

describe('encodeCellMap', () => {
  it('stores a painted table whose cells had no fill as one rectangle', () => {
    const map = new CellMap();
    for (let r = 5; r <= 60; r++) for (let c = 1; c <= 14; c++) map.set(r, c, -1);
    expect(encodeCellMap(map)).toEqual([[-1, 'A5:N60']]);
  });

  it('keeps separate rectangles for separate values and for rows with a gap between them', () => {
    const map = new CellMap();
    for (const r of [5, 6, 8]) for (let c = 1; c <= 3; c++) map.set(r, c, -1);
    map.set(6, 3, 0);
    expect(encodeCellMap(map)).toEqual([
      [-1, 'A5:C5'],
      [-1, 'A6:B6'],
      [0, 'C6'],
      [-1, 'A8:C8'],
    ]);
  });

  it('decodes to exactly the map it encoded', () => {
    const cell = fc.tuple(
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: -1, max: 2 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), (cells) => {
        const map = new CellMap();
        for (const [r, c, v] of cells) map.set(r, c, v);
        expect(entries(decodeCellMap(encodeCellMap(map)))).toEqual(entries(map));
      }),
    );
  });

  it('encodes with a value mapping as it would encode the mapped copy, mapping in row-major order', () => {
    const cell = fc.tuple(
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: -1, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), (cells) => {
        const map = new CellMap();
        for (const [r, c, v] of cells) map.set(r, c, v);
        const seen: number[] = [];
        const mapped = encodeCellMap(map, (v) => {
          seen.push(v);
          return v === -1 ? -1 : 3 - v;
        });
        expect(mapped).toEqual(encodeCellMap(map.mapValues((v) => (v === -1 ? -1 : 3 - v))));
        expect(seen).toEqual(entries(map).map(([, , v]) => v));
      }),
    );
  });
});

describe('CellMap', () => {
  it('counts, finds and forgets cells, growing rows as needed', () => {
    const map = new CellMap();
    map.set(3, 2, -1);
    map.set(3, 40, 7);
    map.set(3, 2, 1);
    expect(map.size).toBe(2);
    expect(map.get(3, 2)).toBe(1);
    expect(map.get(3, 40)).toBe(7);
    expect(map.has(3, 3)).toBe(false);
    map.delete(3, 2);
    map.delete(3, 2);
    expect(map.size).toBe(1);
    expect(entries(map)).toEqual([[3, 40, 7]]);
  });
});
