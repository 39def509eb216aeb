import {
  bulletinSheetName,
  ownBulletinsOf,
  ownBulletinsText,
} from '../../../src/core/bulletin/bulletinSheetName';

describe('bulletinSheetName', () => {
  it('takes the name itself when no sheet has it', () => {
    expect(bulletinSheetName('通报2023-06-30', ['重点项目'], new Set(), new Set())).toBe(
      '通报2023-06-30',
    );
  });

  it('numbers past a user’s sheet of the name and lands on the same name on a re-run', () => {
    const user = ['通报2023-06-30'];
    const first = bulletinSheetName('通报2023-06-30', user, new Set(), new Set());
    expect(first).toBe('通报2023-06-30 (2)');
    const again = bulletinSheetName(
      '通报2023-06-30',
      [...user, first],
      new Set([first]),
      new Set(),
    );
    expect(again).toBe(first);
  });

  it('replaces a sheet it made whatever its case, and never a name taken in this run', () => {
    expect(bulletinSheetName('通报A', ['通报a'], new Set(['通报a']), new Set())).toBe('通报a');
    expect(bulletinSheetName('通报A', [], new Set(), new Set(['通报a']))).toBe('通报A (2)');
  });

  it('keeps the numbered name within Excel’s 31 characters and clear of its forbidden characters', () => {
    const name = bulletinSheetName('x'.repeat(40), ['x'.repeat(31)], new Set(), new Set());
    expect(name).toBe(`${'x'.repeat(27)} (2)`);
    expect(bulletinSheetName('a/b:c', [], new Set(), new Set())).toBe('a_b_c');
  });
});

describe('the bulletins record', () => {
  it('lists each sheet once, sorted, and reads back what it wrote; nothing when empty', () => {
    expect(ownBulletinsOf(ownBulletinsText(['b', 'a', 'b']))).toEqual(['a', 'b']);
    expect(ownBulletinsText([])).toBeUndefined();
    expect(ownBulletinsOf('not json')).toEqual([]);
  });
});
