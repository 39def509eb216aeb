import { chartPlace } from '../../../src/core/bulletin/chartPlace';
import type { BulletinSheet } from '../../../src/core/bulletinBook';

function sheet(cells: [number, number][], merges: BulletinSheet['merges'] = []): BulletinSheet {
  return {
    name: '通报',
    cells: cells.map(([row, col]) => ({ row, col, value: 'x' })),
    styles: {},
    merges,
    columnWidths: [],
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
  };
}

describe('chartPlace', () => {
  it('puts the chart below everything on the sheet, one empty row between, from the first column', () => {
    expect(
      chartPlace(
        sheet([
          [0, 0],
          [5, 3],
          [2, 1],
        ]),
      ),
    ).toEqual({
      top: 7,
      left: 0,
      bottom: 24,
      right: 3,
    });
  });

  it('counts merged areas as content, and never makes the chart wider than nine columns', () => {
    const wide = sheet(
      [
        [0, 0],
        [3, 14],
      ],
      [{ top: 8, left: 0, bottom: 10, right: 14 }],
    );
    expect(chartPlace(wide)).toEqual({ top: 12, left: 0, bottom: 29, right: 8 });
  });
});
