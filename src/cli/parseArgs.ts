import type { Lang } from '../core/issue';
import type { CliMessages } from './cliMessages';

export interface CommandArgs {
  readonly command: 'run' | 'check' | 'clear';
  readonly input: string;
  readonly asOf?: string;
  readonly out?: string;
  readonly report?: string;
  readonly preset?: string;
  readonly rules?: string;
  readonly sheets: readonly string[];
  readonly lang: Lang;
  /** False with --no-bulletin: `run` then writes no bulletin sheets. Always false for `check`. */
  readonly bulletin: boolean;
  /** --docx: where to write the bulletin as a Word document (`run` only). */
  readonly docx?: string;
  /** --notices: the folder for one 督办通知单 per unit behind (`run` only). */
  readonly notices?: string;
  /** --previous: last period's file, compared with instead of the workbook's own history. */
  readonly previous?: string;
  /** False with --no-history: the workbook's history is neither read nor written. */
  readonly history: boolean;
}

/** `tricolor split MASTER.xlsx --out-dir DIR [--sheet NAME] [--due YYYY-MM-DD]` */
export interface SplitArgs {
  readonly command: 'split';
  readonly input: string;
  readonly outDir: string;
  readonly sheet?: string;
  readonly due?: string;
  readonly lang: Lang;
}

/** `tricolor collect MASTER.xlsx RETURN.xlsx… [--out OUT.xlsx] [--report REPORT.json] [--sheet NAME]` */
export interface CollectArgs {
  readonly command: 'collect';
  readonly input: string;
  readonly returns: readonly string[];
  readonly out?: string;
  readonly report?: string;
  readonly sheet?: string;
  readonly lang: Lang;
}

export type ParsedArgs =
  | { readonly kind: 'help'; readonly lang: Lang }
  | { readonly kind: 'split'; readonly args: SplitArgs }
  | { readonly kind: 'collect'; readonly args: CollectArgs }
  | { readonly kind: 'version'; readonly lang: Lang }
  | { readonly kind: 'command'; readonly args: CommandArgs }
  | { readonly kind: 'error'; readonly lang: Lang; readonly message: (t: CliMessages) => string };

const VALUE_OPTIONS = [
  '--as-of',
  '--out',
  '--report',
  '--preset',
  '--rules',
  '--sheet',
  '--lang',
  '--docx',
  '--notices',
  '--previous',
  '--out-dir',
  '--due',
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
const REPEATABLE: ReadonlySet<string> = new Set(['--sheet']);
/** Options that take no value. */
const FLAG_OPTIONS = ['--no-bulletin', '--no-history'] as const;
type FlagOption = (typeof FLAG_OPTIONS)[number];

function isValueOption(o: string): o is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(o);
}

function isFlagOption(o: string): o is FlagOption {
  return (FLAG_OPTIONS as readonly string[]).includes(o);
}

/**
 * The language asked for, found before anything else so that even a usage error is reported in
 * it; null when --lang has a value other than zh or en.
 */
function findLang(argv: readonly string[]): { lang: Lang; bad: string | null } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === undefined) continue;
    return value === 'zh' || value === 'en'
      ? { lang: value, bad: null }
      : { lang: 'zh', bad: value };
  }
  return { lang: 'zh', bad: null };
}

/** Reads the command line by hand: `tricolor run|check|clear IN.xlsx [options]`, `--help`, `--version`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const { lang, bad } = findLang(argv);
  const error = (message: (t: CliMessages) => string): ParsedArgs => ({
    kind: 'error',
    lang,
    message,
  });
  if (bad !== null) return error((t) => t.badLang(bad));
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help', lang };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version', lang };

  const [command, ...rest] = argv;
  if (command === undefined) return error((t) => t.usage);
  if (
    command !== 'run' &&
    command !== 'check' &&
    command !== 'clear' &&
    command !== 'split' &&
    command !== 'collect'
  ) {
    return error((t) => t.unknownCommand(command));
  }

  const values = new Map<ValueOption, string[]>();
  const flags = new Set<FlagOption>();
  const positional: string[] = [];
  let onlyPositional = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (isFlagOption(name)) {
      if (eq !== -1) return error((t) => t.flagTakesNoValue(name));
      if (flags.has(name)) return error((t) => t.repeatedOption(name));
      flags.add(name);
      continue;
    }
    if (!isValueOption(name)) return error((t) => t.unknownOption(name));
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = rest[i + 1];
      // A value that looks like an option means the value was left out.
      if (value !== undefined && value.startsWith('--')) value = undefined;
      else i++;
    }
    if (value === undefined || value === '') return error((t) => t.missingValue(name));
    const list = values.get(name) ?? [];
    if (list.length > 0 && !REPEATABLE.has(name)) return error((t) => t.repeatedOption(name));
    list.push(value);
    values.set(name, list);
  }

  const [input, extra, ...more] = positional;
  if (input === undefined) return error((t) => t.missingInput(command));
  const one = (o: ValueOption): string | undefined => values.get(o)?.[0];
  const optional = <K extends string>(key: K, o: ValueOption): Partial<Record<K, string>> => {
    const v = one(o);
    return v === undefined ? {} : ({ [key]: v } as Record<K, string>);
  };
  if (command === 'split' || command === 'collect') {
    const allowed =
      command === 'split'
        ? ['--out-dir', '--due', '--sheet', '--lang']
        : ['--out', '--report', '--sheet', '--lang'];
    const used = [...values.keys(), ...flags].find((o) => !allowed.includes(o));
    if (used !== undefined) return error((t) => t.optionNotFor(command, used));
    if ((values.get('--sheet')?.length ?? 0) > 1) return error((t) => t.repeatedOption('--sheet'));
    if (command === 'split') {
      if (extra !== undefined) return error((t) => t.extraArgument(extra));
      const outDir = one('--out-dir');
      if (outDir === undefined) return error((t) => t.missingValue('--out-dir'));
      return {
        kind: 'split',
        args: {
          command,
          input,
          outDir,
          lang,
          ...optional('sheet', '--sheet'),
          ...optional('due', '--due'),
        },
      };
    }
    if (extra === undefined) return error((t) => t.missingReturns);
    return {
      kind: 'collect',
      args: {
        command,
        input,
        returns: [extra, ...more],
        lang,
        ...optional('out', '--out'),
        ...optional('report', '--report'),
        ...optional('sheet', '--sheet'),
      },
    };
  }
  if (extra !== undefined) return error((t) => t.extraArgument(extra));
  if (command === 'check') {
    const writing =
      (['--out', '--docx', '--notices'] as const).find((o) => values.has(o)) ??
      (flags.has('--no-bulletin') ? '--no-bulletin' : null);
    if (writing !== null) return error((t) => t.optionNotForCheck(writing));
  }
  if (command === 'clear') {
    // Clearing puts back what was there: no date, rules, report or bulletin come into it.
    const notForClear = [
      '--as-of',
      '--preset',
      '--rules',
      '--report',
      '--no-bulletin',
      '--docx',
      '--notices',
      '--previous',
      '--no-history',
    ].find((o) => values.has(o as ValueOption) || flags.has(o as FlagOption));
    if (notForClear !== undefined) return error((t) => t.optionNotForClear(notForClear));
  }

  return {
    kind: 'command',
    args: {
      command,
      input,
      sheets: values.get('--sheet') ?? [],
      lang,
      bulletin: command === 'run' && !flags.has('--no-bulletin'),
      history: !flags.has('--no-history'),
      ...optional('asOf', '--as-of'),
      ...optional('out', '--out'),
      ...optional('report', '--report'),
      ...optional('preset', '--preset'),
      ...optional('rules', '--rules'),
      ...optional('docx', '--docx'),
      ...optional('notices', '--notices'),
      ...optional('previous', '--previous'),
    },
  };
}
