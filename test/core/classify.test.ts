import { classifyRow, reportedStatusOf, type ClassifyContext } from '../../src/core/classify';
import { dayNumber } from '../../src/core/dates';
import type { Deadline, PlanRow } from '../../src/core/planRow';
import { resolveRules, type RuleInput, type RuleSet } from '../../src/core/rules';

function rules(input: RuleInput = {}): RuleSet {
  const r = resolveRules(input);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

function row(deadline: Deadline, extra: Partial<PlanRow> = {}): PlanRow {
  return {
    row: 5,
    seq: null,
    name: '任务',
    unit: null,
    unitText: null,
    partner: null,
    leader: null,
    category: null,
    nature: null,
    deadline,
    deadlineText: '',
    doneBy: null,
    progress: null,
    progressText: null,
    planInvest: null,
    doneInvest: null,
    totalInvest: null,
    plannedStart: null,
    actualStart: null,
    reportedStatus: null,
    problem: null,
    note: null,
    ...extra,
  };
}

type Ymd = readonly [number, number, number];
const on = (y: number, m: number, d: number): Deadline => ({
  kind: 'date',
  day: dayNumber(y, m, d),
});
const ctx = (asOf: Ymd, input: RuleInput = {}): ClassifyContext => ({
  asOf: dayNumber(asOf[0], asOf[1], asOf[2]),
  rules: rules(input),
  planYear: 2023,
});

describe('node-lag (the default 三色图 rule)', () => {
  it.each([
    // deadline, report date, status
    [[2023, 6, 30], [2023, 6, 30], 'normal'],
    [[2023, 6, 30], [2023, 7, 30], 'normal'], // exactly one month later is not later than D + 1 month
    [[2023, 6, 30], [2023, 7, 31], 'lagging'],
    [[2023, 6, 30], [2023, 9, 30], 'lagging'], // exactly three months later
    [[2023, 6, 30], [2023, 10, 1], 'severe'],
    [[2023, 1, 31], [2023, 2, 28], 'normal'], // 31 Jan + 1 month = 28 Feb
    [[2023, 1, 31], [2023, 3, 1], 'lagging'],
    [[2024, 1, 31], [2024, 2, 29], 'normal'], // leap year clamp
    [[2023, 11, 30], [2024, 3, 1], 'severe'], // across the year end: 30 Nov + 3 = 29 Feb 2024
    [[2023, 12, 31], [2023, 6, 30], 'normal'], // not yet due
  ] as const)('deadline %j, report date %j → %s', (d, asOf, expected) => {
    expect(classifyRow(row(on(d[0], d[1], d[2])), ctx(asOf)).status).toBe(expected);
  });

  it('honours configured thresholds', () => {
    const c = ctx([2023, 8, 15], { lagMonths: 0, severeMonths: 1 });
    expect(classifyRow(row(on(2023, 8, 10)), c).status).toBe('lagging');
    expect(classifyRow(row(on(2023, 7, 10)), c).status).toBe('severe');
  });

  it('counts overdue days and whole months past the deadline', () => {
    // 31 Mar + 3 months clamps to 30 Jun: three whole months, yet not *later* than D + 3, so lagging.
    const s = classifyRow(row(on(2023, 3, 31)), ctx([2023, 6, 30]));
    expect(s).toEqual({
      row: 5,
      status: 'lagging',
      overdueDays: 91,
      overdueMonths: 3,
      reason: 'overdue',
    });
    expect(classifyRow(row(on(2023, 4, 15)), ctx([2023, 6, 14])).overdueMonths).toBe(1);
  });

  it('keeps ongoing tasks normal and rows without a usable deadline unknown', () => {
    expect(classifyRow(row({ kind: 'ongoing' }), ctx([2030, 1, 1])).status).toBe('normal');
    expect(classifyRow(row({ kind: 'missing' }), ctx([2023, 1, 1])).status).toBe('unknown');
    expect(
      classifyRow(row({ kind: 'unreadable', reason: 'impossible' }), ctx([2023, 1, 1])).status,
    ).toBe('unknown');
  });

  it('calls a done row done whatever its deadline', () => {
    const s = classifyRow(row(on(2020, 1, 1), { doneBy: 'done_column' }), ctx([2023, 6, 30]));
    expect(s).toMatchObject({ status: 'done', reason: 'done_column', overdueDays: 0 });
  });
});

describe('due-soon', () => {
  const c = (asOf: Ymd) => ctx(asOf, { preset: 'due-soon', dueSoonDays: 3 });
  it.each([
    [[2023, 6, 26], 'normal'],
    [[2023, 6, 27], 'lagging'],
    [[2023, 6, 30], 'lagging'],
    [[2023, 7, 1], 'severe'],
  ] as const)('deadline 2023-06-30, report date %j → %s', (asOf, expected) => {
    expect(classifyRow(row(on(2023, 6, 30)), c(asOf)).status).toBe(expected);
  });
});

describe('sequential-progress (序时进度)', () => {
  const c = ctx([2023, 7, 2], { preset: 'sequential-progress', seqLagGap: 0.1, seqSevereGap: 0.2 });
  // Deadline 31 Dec: at 2 July, 183 of 365 days from 1 January, both counted, have passed = 50.1%.
  it.each([
    [0.45, 'normal'],
    [0.35, 'lagging'],
    [0.25, 'severe'],
  ])('progress %p against half the year elapsed → %s', (progress, expected) => {
    expect(classifyRow(row(on(2023, 12, 31), { progress }), c).status).toBe(expected);
  });

  it('uses completed over planned investment when there is no progress figure', () => {
    const r = row(on(2023, 12, 31), { planInvest: 1000, doneInvest: 250 });
    expect(classifyRow(r, c).status).toBe('severe');
  });

  it('cannot judge a row with no progress and no investment', () => {
    expect(classifyRow(row(on(2023, 12, 31)), c).status).toBe('unknown');
  });
});

describe('reported-status', () => {
  it.each([
    ['正常推进', 'normal'],
    ['滞后', 'lagging'],
    ['严重滞后', 'severe'],
    ['红', 'severe'],
    ['已完成', 'done'],
    ['未完成', null],
    ['推进中', null],
  ])('reads %s as %s', (text, expected) => {
    expect(reportedStatusOf(text)).toBe(expected);
  });

  it('colours a row by what the unit reported', () => {
    const c = ctx([2023, 6, 30], { preset: 'reported-status' });
    expect(classifyRow(row(on(2023, 12, 31), { reportedStatus: '严重滞后' }), c).status).toBe(
      'severe',
    );
    expect(classifyRow(row(on(2023, 12, 31), { reportedStatus: '推进中' }), c).status).toBe(
      'unknown',
    );
  });
});
