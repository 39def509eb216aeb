import {
  amountUnitName,
  formatAmount,
  formatLongDay,
  formatPercent,
} from '../../../src/core/bulletin/formatFigures';
import { day } from './sheetOf';

describe('formatAmount', () => {
  it('writes one decimal when the amount has a fraction and none when it is whole', () => {
    expect(formatAmount(1127.4)).toBe('1127.4');
    expect(formatAmount(504)).toBe('504');
    expect(formatAmount(11550.75)).toBe('11550.8');
    expect(formatAmount(0)).toBe('0');
  });

  it('hides the drift of summed decimals', () => {
    expect(formatAmount(1127.3999999999996)).toBe('1127.4');
    expect(formatAmount(0.1 + 0.2)).toBe('0.3');
    expect(formatAmount(-0.01)).toBe('0');
  });
});

describe('formatPercent', () => {
  it('shows a fraction as a percentage with one decimal, as Excel’s 0.0% does', () => {
    expect(formatPercent(162.5 / 1127.4)).toBe('14.4%');
    expect(formatPercent(37 / 73)).toBe('50.7%');
    expect(formatPercent(61 / 73)).toBe('83.6%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });

  it('rounds a half up even where binary arithmetic lands just below it', () => {
    expect(formatPercent(0.1445)).toBe('14.5%');
    expect(formatPercent(0.0005)).toBe('0.1%');
  });
});

describe('formatLongDay and amountUnitName', () => {
  it('writes the report date in the reader’s language', () => {
    expect(formatLongDay(day('2023-06-30'), 'zh')).toBe('2023年6月30日');
    expect(formatLongDay(day('2023-03-01'), 'en')).toBe('1 March 2023');
  });

  it('names amount units in English and keeps unknown ones as written', () => {
    expect(amountUnitName('亿元', 'en')).toBe('100 million yuan');
    expect(amountUnitName('亿元', 'zh')).toBe('亿元');
    expect(amountUnitName('美元', 'en')).toBe('美元');
  });
});
