import {
  cellsToRects,
  chunkAddresses,
  parseRangeAddress,
  rectAddress,
  rowBlocks,
  runAddresses,
  uncovered,
} from '../../../src/core/workbookRecord/cellRect';

describe('addresses', () => {
  it('writes and reads A1 addresses, with or without a sheet name', () => {
    expect(rectAddress({ top: 5, left: 1, bottom: 9, right: 14 })).toBe('A5:N9');
    expect(rectAddress({ top: 3, left: 27, bottom: 3, right: 27 })).toBe('AA3');
    expect(parseRangeAddress("'2023年 计划'!B3:N200")).toEqual({
      top: 3,
      left: 2,
      bottom: 200,
      right: 14,
    });
    expect(parseRangeAddress('Sheet1!$C$7')).toEqual({ top: 7, left: 3, bottom: 7, right: 3 });
    expect(parseRangeAddress('Sheet1!3:5')).toBeNull();
  });

  it('chunks union addresses without splitting one and never over the limit', () => {
    const addresses = [...runAddresses([5, 9, 12, 12, 20, 31], 1, 14)];
    expect(addresses).toEqual(['A5:N9', 'A12:N12', 'A20:N31']);
    expect(chunkAddresses(addresses, 14)).toEqual(['A5:N9,A12:N12', 'A20:N31']);
    const many = Array.from({ length: 5_000 }, (_, i) => `A${i + 1}:N${i + 1}`);
    const chunks = chunkAddresses(many, 4_000);
    expect(chunks.every((c) => c.length <= 4_000)).toBe(true);
    expect(chunks.join(',').split(',')).toEqual(many);
  });

  it('splits rows into blocks holding at most the given number of cells', () => {
    expect(rowBlocks({ top: 3, left: 1, bottom: 12, right: 4 }, 16)).toEqual([
      { top: 3, left: 1, bottom: 6, right: 4 },
      { top: 7, left: 1, bottom: 10, right: 4 },
      { top: 11, left: 1, bottom: 12, right: 4 },
    ]);
  });

  it('finds the parts of a rectangle that saved rectangles do not cover', () => {
    const target = { top: 1, left: 1, bottom: 10, right: 12 };
    expect(uncovered(target, [{ top: 1, left: 1, bottom: 6, right: 11 }])).toEqual([
      { top: 7, left: 1, bottom: 10, right: 12 },
      { top: 1, left: 12, bottom: 6, right: 12 },
    ]);
    expect(uncovered(target, [target])).toEqual([]);
  });

  it('covers scattered cells with few rectangles', () => {
    const cells = [
      { row: 1, col: 1 },
      { row: 1, col: 2 },
      { row: 2, col: 1 },
      { row: 2, col: 2 },
      { row: 4, col: 2 },
    ];
    expect(cellsToRects(cells)).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 2, bottom: 4, right: 2 },
    ]);
  });
});
