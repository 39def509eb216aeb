import type { CellValue } from '../../src/core/grid';
import { firstUnit, isDoneText } from '../../src/core/doneText';

describe('isDoneText', () => {
  it.each<[CellValue]>([
    ['已完成'],
    ['完成'],
    ['是'],
    ['√'],
    ['✓'],
    ['✔'],
    ['已销号'],
    ['销号'],
    ['已办结'],
    ['办结'],
    ['Y'],
    ['y'],
    ['yes'],
    ['Yes'],
    ['YES'],
    ['Ｙ'],
    ['true'],
    [true],
    [' 已完成 '],
    ['已 完 成'],
    ['已完成。'],
    ['已銷號'],
    ['辦結'],
    ['已辦結'],
  ])('reads %p as done', (value) => {
    expect(isDoneText(value)).toBe(true);
  });

  it.each<[CellValue]>([
    ['未完成'],
    ['否'],
    ['推进中'],
    ['已完成征地拆迁'],
    ['基本完成'],
    ['完成80%'],
    ['N'],
    ['no'],
    ['×'],
    ['待销号'],
    ['未销号'],
    [''],
    ['   '],
    [null],
    [false],
    [1],
    [100],
    [{ error: '#N/A' }],
    ['已完成已完成已完成已完成已完成'],
  ])('reads %p as not done', (value) => {
    expect(isDoneText(value)).toBe(false);
  });
});

describe('firstUnit', () => {
  it.each<[string | null, string | null]>([
    ['区发改局、区财政局', '区发改局'],
    ['区发改局，区财政局', '区发改局'],
    ['区发改局,区财政局', '区发改局'],
    ['区发改局;区财政局', '区发改局'],
    ['区发改局；区财政局', '区发改局'],
    ['区发改局/区财政局', '区发改局'],
    ['区发改局 区财政局', '区发改局'],
    ['区发改局\u3000区财政局', '区发改局'],
    ['区发改局\n区财政局', '区发改局'],
    ['区发改局\r\n区财政局', '区发改局'],
    ['  区发改局  ', '区发改局'],
    ['区发改局', '区发改局'],
    ['区发改局(牵头)', '区发改局'],
    ['区发改局（牵头）、区财政局', '区发改局'],
    ['区发改局（牵头单位）', '区发改局'],
    ['区发改局牵头，区财政局配合', '区发改局'],
    ['牵头单位：区发改局', '区发改局'],
    ['、区发改局', '区发改局'],
    ['区政府办(区金融办、区大数据局)', '区政府办(区金融办、区大数据局)'],
    ['区政府办（区金融办）、区财政局', '区政府办（区金融办）'],
    [null, null],
    ['', null],
    ['   ', null],
    ['、，', null],
    ['(牵头)', null],
  ])('reads the first unit of %p as %p', (text, expected) => {
    expect(firstUnit(text)).toBe(expected);
  });
});

describe('isDoneText with a remark after the done word (domain.md)', () => {
  it.each<[CellValue]>([
    ['已完成（已验收）'],
    ['已完成(已验收)'],
    ['完成，已验收'],
    ['已销号（2023年9月）'],
    ['已办结、已反馈'],
    ['√（已验收）'],
    ['✔'],
  ])('reads %p as done', (value) => {
    expect(isDoneText(value)).toBe(true);
  });

  it.each<[CellValue]>([
    ['未完成（已验收）'],
    ['未销号(待审核)'],
    ['尚未办结，正在推进'],
    ['基本完成（待验收）'],
    ['（已验收）'],
  ])('never reads the negation or non-answer %p as done', (value) => {
    expect(isDoneText(value)).toBe(false);
  });
});
