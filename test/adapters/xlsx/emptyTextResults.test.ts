import { findEmptyTextResults } from '../../../src/adapters/xlsx/emptyTextResults';

describe('findEmptyTextResults', () => {
  it('finds formula cells whose saved text result is empty, shared-formula slaves included', () => {
    const xml =
      '<sheetData><row r="6">' +
      '<c r="G6" s="3" t="str"><f>IF(E6="","",F6/E6)</f><v></v></c>' +
      '<c r="H6" t="str"><f t="shared" si="0"/><v/></c>' +
      '<c r="I6" t="str"><f>A1</f><v>x</v></c>' +
      '<c r="J6"><f>A1*2</f></c>' +
      '<c r="K6" t="s"><v></v></c>' +
      '</row></sheetData>';
    expect([...findEmptyTextResults(xml)].sort()).toEqual(['G6', 'H6']);
  });

  it('finds nothing in a sheet where every formula has a result', () => {
    expect(findEmptyTextResults('<c r="A1"><f>1+1</f><v>2</v></c>').size).toBe(0);
  });
});
