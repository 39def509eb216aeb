import { formatCell, isDateFormat } from '../../../src/taskpane/lib/formatCell';

describe('formatCell', () => {
  it('shows a date-formatted serial as an ISO date, in either date system', () => {
    expect(formatCell(45107, 'yyyy-mm-dd')).toBe('2023-06-30');
    expect(formatCell(45107, 'yyyy"年"m"月"d"日"')).toBe('2023-06-30');
    expect(formatCell(43645, 'm/d/yy', true)).toBe('2023-06-30');
  });

  it('shows percents with the decimals their format asks for', () => {
    expect(formatCell(0.2717, '0.0%')).toBe('27.2%');
    expect(formatCell(0.5, '0%')).toBe('50%');
  });

  it('shows plain numbers without float noise and text as written', () => {
    expect(formatCell(27800, null)).toBe('27800');
    expect(formatCell(0.1 + 0.2, 'General')).toBe('0.3');
    expect(formatCell('6月底', null)).toBe('6月底');
    expect(formatCell(null, null)).toBe('');
  });

  it('shows error values and formulas without results as Excel would', () => {
    expect(formatCell({ error: '#N/A' }, null)).toBe('#N/A');
    expect(formatCell({ error: '#NO_RESULT', formula: 'SUM(A1:A3)' }, null)).toBe('=SUM(A1:A3)');
    expect(formatCell(true, null)).toBe('TRUE');
  });

  it('does not take quoted text or colours in a number format for a date', () => {
    expect(isDateFormat('[Red]0.00')).toBe(false);
    expect(isDateFormat('"day "0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('mm-dd')).toBe(true);
  });
});
