import type { CellValue } from '../../src/core/grid';
import { parseNumber, parsePercent, type NumberRead } from '../../src/core/parseNumber';

const num = (value: number): NumberRead => ({ kind: 'number', value });
const unreadable = (text: string): NumberRead => ({ kind: 'unreadable', text });
const blank: NumberRead = { kind: 'blank' };

describe('parseNumber', () => {
  it.each<[CellValue, NumberRead]>([
    [1200, num(1200)],
    [12.5, num(12.5)],
    [-3, num(-3)],
    [0, num(0)],
    ['1200', num(1200)],
    ['1,200', num(1200)],
    ['1,234,567.89', num(1234567.89)],
    ['１２００', num(1200)],
    ['１，２００', num(1200)],
    ['1200万元', num(1200)],
    ['1.2亿元', num(1.2)],
    ['350元', num(350)],
    ['12万', num(12)],
    ['￥1200', num(1200)],
    [' 12.5 ', num(12.5)],
    ['-3', num(-3)],
    ['+3', num(3)],
    ['.5', num(0.5)],
    ['12.', num(12)],
    ['0', num(0)],
  ])('reads %p as a number', (value, expected) => {
    expect(parseNumber(value)).toEqual(expected);
  });

  it.each<[CellValue]>([[null], [''], ['   '], ['\u3000'], ['-'], ['—'], ['——'], ['/'], ['／']])(
    'reads %p as blank',
    (value) => {
      expect(parseNumber(value)).toEqual(blank);
    },
  );

  it.each<[CellValue, NumberRead]>([
    ['待定', unreadable('待定')],
    [' 约1200 ', unreadable('约1200')],
    ['1,20', unreadable('1,20')],
    ['12,3456', unreadable('12,3456')],
    ['1.2.3', unreadable('1.2.3')],
    ['1e3', unreadable('1e3')],
    ['45%', unreadable('45%')],
    ['1200美元', unreadable('1200美元')],
    ['万元', unreadable('万元')],
    ['--3', unreadable('--3')],
    [true, unreadable('TRUE')],
    [false, unreadable('FALSE')],
    [{ error: '#N/A' }, unreadable('#N/A')],
    [{ error: '#REF!' }, unreadable('#REF!')],
    [Number.NaN, unreadable('NaN')],
    [Number.POSITIVE_INFINITY, unreadable('Infinity')],
  ])('reads %p as unreadable', (value, expected) => {
    expect(parseNumber(value)).toEqual(expected);
  });
});

describe('parsePercent', () => {
  it.each<[CellValue, string | null, number]>([
    [0.45, null, 0.45],
    [45, null, 0.45],
    [100, null, 1],
    [1, null, 1],
    [0, null, 0],
    [120, null, 1.2],
    [14.4, null, 0.144],
    [1.5, null, 0.015],
    ['45%', null, 0.45],
    ['４５％', null, 0.45],
    ['45 %', null, 0.45],
    ['14.4%', null, 0.144],
    ['100%', null, 1],
    ['0%', null, 0],
    ['0.45', null, 0.45],
    ['45', null, 0.45],
    ['1,200', null, 12],
    [0.45, '0%', 0.45],
    [0.45, '0.0%', 0.45],
    [1.2, '0.00%', 1.2],
    [0.45, '[Red]0.0%', 0.45],
  ])('reads %p (format %p) without a percent header as %p', (value, format, expected) => {
    expect(parsePercent(value, format, false)).toEqual(num(expected));
  });

  // With a percent header, integers and numbers above 1 are percents; a non-integer up to 1 is
  // taken as a fraction typed into the column, not as under one percent.
  it.each<[CellValue, string | null, number]>([
    [45, null, 0.45],
    [1, null, 0.01],
    [0, null, 0],
    [100, null, 1],
    [45.5, null, 0.455],
    [1.5, null, 0.015],
    [0.45, null, 0.45],
    [0.5, null, 0.5],
    ['45', null, 0.45],
    ['1', null, 0.01],
    ['45%', null, 0.45],
    [0.45, '0%', 0.45],
    [1, '0%', 1],
  ])('reads %p (format %p) under a percent header as %p', (value, format, expected) => {
    expect(parsePercent(value, format, true)).toEqual(num(expected));
  });

  it('ignores a percent sign inside quotes in the format', () => {
    expect(parsePercent(45, '0"%"', false)).toEqual(num(0.45));
    expect(parsePercent(45, '0\\%', false)).toEqual(num(0.45));
  });

  it.each<[CellValue, NumberRead]>([
    ['过半', unreadable('过半')],
    ['完成45%', unreadable('完成45%')],
    ['约45%', unreadable('约45%')],
    ['45万元', unreadable('45万元')],
    ['%', unreadable('%')],
    ['45%%', unreadable('45%%')],
    [true, unreadable('TRUE')],
    [{ error: '#DIV/0!' }, unreadable('#DIV/0!')],
    [Number.NaN, unreadable('NaN')],
    [null, blank],
    ['  ', blank],
    ['—', blank],
  ])('reads %p as %p', (value, expected) => {
    expect(parsePercent(value, null, false)).toEqual(expected);
  });
});
