import { formatIsoDay } from '../../src/core/dates';
import { readDeadlineCell } from '../../src/core/deadlineCell';
import type { DateContext } from '../../src/core/parseDeadline';

const ctx: DateContext = { planYear: 2023, date1904: false };

function deadlineOf(text: string): string {
  const d = readDeadlineCell(text, ctx).deadline;
  return d.kind === 'date' ? formatIsoDay(d.day) : d.kind;
}

describe('readDeadlineCell', () => {
  it.each([
    ['6月底\n（已延期）', '2023-06-30', '已延期'],
    ['11月底（已申请延期）', '2023-11-30', '已申请延期'],
    ['11月底(已申请延期)', '2023-11-30', '已申请延期'],
    ['9月底\n已延期', '2023-09-30', '已延期'],
    ['2023年6月30日【已调整】', '2023-06-30', '已调整'],
    ['年底（力争提前）', '2023-12-31', '力争提前'],
    ['长期（每月调度）', 'ongoing', '每月调度'],
  ])(
    'reads %j as its deadline, %s, with the remark %s that does not move it',
    (text, day, remark) => {
      const read = readDeadlineCell(text, ctx);
      expect(deadlineOf(text)).toBe(day);
      expect(read.remark).toBe(remark);
      expect(read.nodes).toBeNull();
    },
  );

  it.each([
    ['6月底前完成前期手续，9月底前开工建设', '2023-09-30', 2],
    ['3月底前完成立项；6月底前开工', '2023-06-30', 2],
    ['一季度完成设计,二季度招标,年底竣工', '2023-12-31', 3],
    ['6月底前完成征地\n10月底前主体完工', '2023-10-31', 2],
    ['2023年6月完成规划;2023年12月完成建设', '2023-12-31', 2],
  ])('ends %j with its last node, %s, listing %p nodes', (text, day, count) => {
    const read = readDeadlineCell(text, ctx);
    expect(deadlineOf(text)).toBe(day);
    expect(read.nodes).toHaveLength(count);
  });

  it.each([['6月底前完成前期手续'], ['尽快完成'], ['待定（等待上级批复）']])(
    'does not guess a deadline in %j',
    (text) => {
      expect(readDeadlineCell(text, ctx)).toEqual({
        deadline: { kind: 'unreadable', reason: 'unreadable' },
        remark: null,
        nodes: null,
      });
    },
  );

  it.each([['6月底'], ['二季度'], ['长期']])(
    'reads the plain deadline %j with no remark',
    (text) => {
      const read = readDeadlineCell(text, ctx);
      expect(read.remark).toBeNull();
      expect(read.nodes).toBeNull();
    },
  );
});
