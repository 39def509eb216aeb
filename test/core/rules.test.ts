import { defaultRules, resolveRules } from '../../src/core/rules';

describe('rules', () => {
  it('defaults to node-lag: lagging after 1 month, severe after 3, green/yellow/red', () => {
    const r = defaultRules();
    expect(r).toMatchObject({ preset: 'node-lag', lagMonths: 1, severeMonths: 3, palette: 'ryg' });
    expect(r.labels).toEqual({
      normal: '正常',
      lagging: '滞后',
      severe: '严重滞后',
      done: '已完成',
      unknown: '无法判定',
    });
    expect(r.colors.severe).toBe('FFC7CE');
  });

  it('takes the red/yellow/blue palette and edited labels and colours', () => {
    const r = resolveRules({
      palette: 'ryb',
      labels: { severe: '红色预警' },
      colors: { lagging: 'ffff00' },
    });
    expect(r.ok && r.value.colors).toMatchObject({ normal: 'BDD7EE', lagging: 'FFFF00' });
    expect(r.ok && r.value.labels).toMatchObject({ severe: '红色预警', lagging: '滞后' });
  });

  it('names each preset’s statuses in English when asked', () => {
    const r = resolveRules({ preset: 'due-soon' }, 'en');
    expect(r.ok && r.value.labels).toMatchObject({ lagging: 'Due soon', severe: 'Overdue' });
  });

  it('rejects unknown keys, bad colours and thresholds out of order, naming the field', () => {
    expect(resolveRules({ lagMonth: 2 })).toMatchObject({ ok: false });
    const colour = resolveRules({ colors: { severe: 'red' } });
    expect(colour.ok).toBe(false);
    expect(!colour.ok && colour.errors[0]).toContain('colors.severe');
    const order = resolveRules({ lagMonths: 4, severeMonths: 2 });
    expect(!order.ok && order.errors[0]).toContain('severeMonths');
    expect(resolveRules({ preset: 'made-up' })).toMatchObject({ ok: false });
  });
});

describe('labels a workbook can keep', () => {
  it('drops characters XML cannot hold from labels and the status header', () => {
    const r = resolveRules({ labels: { severe: '红\u0007色' }, statusHeader: '状态\u0001' });
    expect(r.ok && r.value.labels.severe).toBe('红色');
    expect(r.ok && r.value.statusHeader).toBe('状态');
  });

  it('rejects a label that is nothing but such characters', () => {
    expect(resolveRules({ labels: { severe: '\u0007' } }).ok).toBe(false);
  });
});
