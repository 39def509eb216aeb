import { findTextResults } from './textResults';

describe('findTextResults', () => {
  it('reads the saved text result of every str formula cell, empty ones included', () => {
    const xml =
      '<sheetData><row r="5">' +
      '<c r="D5" s="1" t="str"><f>&apos;教育局&apos;!D5</f><v>三季度</v></c>' +
      '<c r="E5" t="str"><f>IF(A1="","",A1)</f><v></v></c>' +
      '<c r="F5" t="str"><f>A1</f><v/></c>' +
      '<c r="G5" t="str"><f>B1</f><v>6月底&#10;（已延期）&amp;</v></c>' +
      '</row></sheetData>';
    expect(Object.fromEntries(findTextResults(xml))).toEqual({
      D5: '三季度',
      E5: '',
      F5: '',
      G5: '6月底\n（已延期）&',
    });
  });

  it('leaves out numeric results, plain strings and formulas with no saved value', () => {
    const xml =
      '<c r="A1"><f>1+1</f><v>2</v></c>' +
      '<c r="B1" t="s"><v>0</v></c>' +
      '<c r="C1" t="str"><f>A1</f></c>' +
      '<c r="D1" t="str"/>';
    expect(findTextResults(xml).size).toBe(0);
  });
});
