import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { summarizeStarts } from '../../../src/core/bulletin/starts';
import { dayNumber, dayToSerial } from '../../../src/core/dates';
import type { CellValue } from '../../../src/core/grid';
import { defaultRules } from '../../../src/core/rules';
import { gridOf } from '../../support/gridOf';

const asOf = dayNumber(2023, 6, 30);
const started = dayToSerial(dayNumber(2023, 3, 1));

function startsOf(header: string[], rows: CellValue[][]) {
  const grid = gridOf('项目', [['2023年重点项目'], header, ...rows], {
    formats: { E3: 'yyyy/m/d', E4: 'yyyy/m/d' },
  });
  const sheets = analyzeWorkbook([grid], { asOf, rules: defaultRules(), lang: 'zh' }).sheets;
  if (sheets.length !== 1) throw new Error('no plan table');
  return summarizeStarts(sheets, asOf);
}

describe('开工率', () => {
  it.each([['实际开工时间'], ['实际开工日期'], ['开工时间']])(
    'is reported when the table has a 建设性质 and an actual-start column (%s)',
    (startHeader) => {
      const starts = startsOf(
        ['序号', '项目名称', '建设性质', '计划节点', startHeader],
        [
          [1, '甲', '新开工', '年底', started],
          [2, '乙', '新开工', '年底', null],
        ],
      );
      expect(starts).toEqual({ planned: 2, started: 1, rate: 0.5 });
    },
  );

  it.each([['计划开工时间'], ['备注']])(
    'is left out, never 0%%, when the only other column is %s',
    (other) => {
      const starts = startsOf(
        ['序号', '项目名称', '建设性质', '计划节点', other],
        [
          [1, '甲', '新开工', '年底', started],
          [2, '乙', '新开工', '年底', null],
        ],
      );
      expect(starts).toBeUndefined();
    },
  );
});
