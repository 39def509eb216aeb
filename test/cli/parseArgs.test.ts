import { parseArgs } from '../../src/cli/parseArgs';

describe('parseArgs', () => {
  it('reads a run with every option, in either --opt value or --opt=value form', () => {
    expect(
      parseArgs([
        'run',
        'in.xlsx',
        '--as-of=2023-06-30',
        '--out',
        'out.xlsx',
        '--report',
        'r.json',
        '--preset',
        'due-soon',
        '--rules',
        'rules.json',
        '--sheet',
        '重点项目',
        '--sheet=重点任务',
        '--lang',
        'en',
      ]),
    ).toEqual({
      kind: 'command',
      args: {
        command: 'run',
        input: 'in.xlsx',
        asOf: '2023-06-30',
        out: 'out.xlsx',
        report: 'r.json',
        preset: 'due-soon',
        rules: 'rules.json',
        sheets: ['重点项目', '重点任务'],
        lang: 'en',
      },
    });
  });

  it('takes a file name starting with a dash after --', () => {
    expect(parseArgs(['check', '--', '-plan.xlsx'])).toMatchObject({
      kind: 'command',
      args: { command: 'check', input: '-plan.xlsx', sheets: [], lang: 'zh' },
    });
  });

  it('refuses an option given twice, except --sheet', () => {
    expect(parseArgs(['run', 'a.xlsx', '--out', 'x', '--out', 'y'])).toMatchObject({
      kind: 'error',
    });
  });

  it('finds --help and --version anywhere, in the language asked for', () => {
    expect(parseArgs(['run', '--help', '--lang', 'en'])).toEqual({ kind: 'help', lang: 'en' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version', lang: 'zh' });
  });
});
