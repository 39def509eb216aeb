import { cliMessages } from '../../src/cli/cliMessages';
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
        bulletin: true,
        history: true,
      },
    });
  });

  it('reads --previous and --no-history, and refuses them for clear', () => {
    expect(parseArgs(['run', 'in.xlsx', '--previous', 'june.xlsx', '--no-history'])).toMatchObject({
      kind: 'command',
      args: { previous: 'june.xlsx', history: false },
    });
    expect(parseArgs(['check', 'in.xlsx', '--previous=june.xlsx'])).toMatchObject({
      kind: 'command',
      args: { command: 'check', previous: 'june.xlsx', history: true },
    });
    expect(parseArgs(['clear', 'in.xlsx', '--previous', 'june.xlsx'])).toMatchObject({
      kind: 'error',
    });
    expect(parseArgs(['clear', 'in.xlsx', '--no-history'])).toMatchObject({ kind: 'error' });
  });

  it('turns the bulletin off with --no-bulletin, and never writes one for check', () => {
    expect(parseArgs(['run', 'in.xlsx', '--no-bulletin'])).toMatchObject({
      kind: 'command',
      args: { command: 'run', bulletin: false },
    });
    expect(parseArgs(['check', 'in.xlsx'])).toMatchObject({
      kind: 'command',
      args: { command: 'check', bulletin: false },
    });
  });

  it('refuses --no-bulletin with a value, twice, or for check', () => {
    const t = cliMessages('zh');
    const message = (argv: string[]) => {
      const parsed = parseArgs(argv);
      return parsed.kind === 'error' ? parsed.message(t) : parsed.kind;
    };
    expect(message(['run', 'in.xlsx', '--no-bulletin=yes'])).toBe('选项 --no-bulletin 不带值。');
    expect(message(['run', 'in.xlsx', '--no-bulletin', '--no-bulletin'])).toBe(
      '选项 --no-bulletin 只能给一次。',
    );
    expect(message(['check', 'in.xlsx', '--no-bulletin'])).toBe(
      'check 命令不写工作簿,不能使用 --no-bulletin。',
    );
  });

  it('reads --docx and --notices for run, and refuses them for check, which writes nothing', () => {
    expect(parseArgs(['run', 'in.xlsx', '--docx', '通报.docx', '--notices=通知单'])).toMatchObject({
      kind: 'command',
      args: { docx: '通报.docx', notices: '通知单' },
    });
    const t = cliMessages('zh');
    for (const o of ['--docx', '--notices']) {
      const parsed = parseArgs(['check', 'in.xlsx', o, 'x']);
      expect(parsed.kind === 'error' ? parsed.message(t) : parsed.kind).toBe(
        `check 命令不写工作簿,不能使用 ${o}。`,
      );
    }
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
