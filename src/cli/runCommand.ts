import { promises as fsp } from 'fs';
import * as path from 'path';
import type { PackageWorkbook } from '../adapters/xlsxPackage/PackageWorkbook';
import type { WorkbookAnalysis } from '../core/analysis';
import { bulletinSummaryFor } from '../core/bulletin/buildBulletin';
import { changesSentence } from '../core/bulletin/changesText';
import { dayNumber, parseIsoDay, type DayNumber } from '../core/dates';
import { buildReport } from '../core/report';
import {
  PRESET_IDS,
  resolveRules,
  RuleInputSchema,
  type RuleInput,
  type RuleSet,
} from '../core/rules';
import { STATUSES } from '../core/status';
import { PortError } from '../port/WorkbookPort';
import {
  analyze,
  clearSheets,
  paintSheets,
  readSheets,
  settingsAfterPaint,
  writeBulletin,
} from '../session/workflow';
import {
  changesOfRun,
  compareWithHistories,
  previousHistories,
  readHistories,
  recordHistories,
  type Histories,
} from '../session/history';
import { cliMessages, type CliMessages } from './cliMessages';
import { EXIT, toolVersion, type CliIo } from './commandBasics';
import { defaultOutPath, isDirectory, sameFile, writeAtomic } from './files';
import { prepareInput } from './inputFormat';
import { openWorkbook } from './openInput';
import type { CommandArgs } from './parseArgs';
import { Stop } from './stop';
import { writeDocuments } from './writeDocuments';

export { EXIT, toolVersion, type CliIo } from './commandBasics';

const MAX_ISSUES_SHOWN = 20;
const OUT_TAG = { zh: '三色', en: 'tricolor' } as const;

/** The local calendar day of a clock reading: the day the user sees on their own clock. */
export function localDay(now: Date): DayNumber {
  return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

async function readRules(args: CommandArgs, io: CliIo, t: CliMessages): Promise<unknown> {
  if (args.rules === undefined) return undefined;
  const file = path.resolve(io.cwd, args.rules);
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch {
    throw new Stop(EXIT.usage, [t.rulesUnreadable(file)]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new Stop(EXIT.usage, [t.rulesNotJson(file)]);
  }
}

/** The rules as given by --rules and --preset (the preset over the file's), before checking. */
function givenRules(args: CommandArgs, fromFile: unknown): unknown {
  let input: unknown = fromFile ?? {};
  if (args.preset !== undefined) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) input = {};
    input = { ...(input as object), preset: args.preset };
  }
  return input;
}

/** What a run remembers of the rules it was given: the input as written, once it is valid. */
function chosenRules(args: CommandArgs, fromFile: unknown): RuleInput | undefined {
  if (args.rules === undefined && args.preset === undefined) return undefined;
  const parsed = RuleInputSchema.safeParse(givenRules(args, fromFile));
  return parsed.success ? parsed.data : undefined;
}

/** Rules from --rules and --preset; else those saved in the workbook; else the defaults. */
function decideRules(
  args: CommandArgs,
  fromFile: unknown,
  saved: unknown,
  rulesFile: string | undefined,
  t: CliMessages,
): RuleSet {
  const given = args.rules !== undefined || args.preset !== undefined;
  const resolved = resolveRules(given ? givenRules(args, fromFile) : (saved ?? {}), args.lang);
  if (resolved.ok) return resolved.value;
  throw new Stop(EXIT.usage, [
    t.rulesInvalid(rulesFile ?? '--preset'),
    ...resolved.errors.map((e) => `  ${e}`),
  ]);
}

function summaryLines(analysis: WorkbookAnalysis, rules: RuleSet, t: CliMessages): string[] {
  const lines = analysis.sheets.map((s) =>
    t.sheetSummary(
      s.sheet,
      s.statuses.length,
      STATUSES.map((st) => t.countItem(rules.labels[st], s.counts[st])).join(t.listSeparator),
      s.issues.length,
    ),
  );
  // A sheet skipped for want of a free status column says so on stderr, among the issues.
  for (const s of analysis.skipped) if (s.reason === 'no_table') lines.push(t.skipped(s.name));
  return lines;
}

function issueLines(analysis: WorkbookAnalysis, t: CliMessages): string[] {
  // Errors and warnings only: info (such as an assumed plan year) is in the report.
  const all = [
    ...analysis.sheets.flatMap((s) => s.issues),
    ...analysis.skipped.filter((s) => s.reason === 'no_room').flatMap((s) => s.issues),
  ].filter((i) => i.severity !== 'info');
  const shown = all.slice(0, MAX_ISSUES_SHOWN).map((i) => i.message);
  if (all.length > MAX_ISSUES_SHOWN) shown.push(t.moreIssues(all.length - MAX_ISSUES_SHOWN));
  return shown;
}

async function runOrStop(args: CommandArgs, io: CliIo): Promise<number> {
  const t = cliMessages(args.lang);
  const say = (lines: readonly string[]): void => {
    for (const l of lines) io.stdout.write(`${l}\n`);
  };
  const warn = (lines: readonly string[]): void => {
    for (const l of lines) io.stderr.write(`${l}\n`);
  };

  // Everything the user typed is checked before the workbook is read.
  let asOf: DayNumber;
  if (args.asOf !== undefined) {
    const d = parseIsoDay(args.asOf);
    if (d === null) throw new Stop(EXIT.usage, [t.badAsOf(args.asOf)]);
    asOf = d;
  } else {
    asOf = localDay(io.now());
  }
  if (args.preset !== undefined && !(PRESET_IDS as readonly string[]).includes(args.preset)) {
    throw new Stop(EXIT.usage, [t.badPreset(args.preset, PRESET_IDS.join(', '))]);
  }
  const rulesFile = args.rules === undefined ? undefined : path.resolve(io.cwd, args.rules);
  const fromFile = await readRules(args, io, t);

  const input = path.resolve(io.cwd, args.input);
  let out: string | undefined;
  if (args.command !== 'check') {
    out = args.out === undefined ? undefined : path.resolve(io.cwd, args.out);
    if (out !== undefined) {
      if (await sameFile(out, input)) throw new Stop(EXIT.usage, [t.outIsInput(input)]);
      if (!(await isDirectory(path.dirname(out)))) {
        throw new Stop(EXIT.usage, [t.outDirMissing(path.dirname(out))]);
      }
    }
  }
  const report = args.report === undefined ? undefined : path.resolve(io.cwd, args.report);
  if (report !== undefined) {
    if ((await sameFile(report, input)) || (out !== undefined && (await sameFile(report, out)))) {
      throw new Stop(EXIT.usage, [t.reportIsInputOrOut(report)]);
    }
    if (!(await isDirectory(path.dirname(report)))) {
      throw new Stop(EXIT.usage, [t.outDirMissing(path.dirname(report))]);
    }
  }

  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Stop(EXIT.usage, [t.inputMissing(input)]);
    if (code === 'EISDIR') throw new Stop(EXIT.usage, [t.inputIsDirectory(input)]);
    throw new Stop(EXIT.usage, [t.inputUnreadable(input)]);
  }
  let book: PackageWorkbook;
  try {
    const prepared = await prepareInput(input, bytes, args.lang);
    if (!prepared.ok) throw new Stop(EXIT.usage, [prepared.message]);
    book = await openWorkbook(prepared.bytes, args.lang);
  } catch (e) {
    if (e instanceof PortError) throw new Stop(EXIT.usage, [e.message]);
    throw e;
  }

  const settings = await book.loadSettings();
  const rules = decideRules(args, fromFile, settings.rules, rulesFile, t);
  const sheetNames = (await book.listSheets()).map((s) => s.name);
  for (const wanted of args.sheets) {
    if (!sheetNames.includes(wanted)) throw new Stop(EXIT.usage, [t.noSuchSheet(wanted)]);
  }
  const { grids } = await readSheets(book, args.sheets);
  const analysis = await analyze(grids, {
    asOf,
    rules,
    lang: args.lang,
    sheets: args.sheets,
    ...(settings.overrides ? { overrides: settings.overrides } : {}),
  });

  if (args.command === 'clear') {
    const out = await clearOutcome(book, analysis, args, warn, t);
    const target = await outputPath(args, input, io);
    await writeOrStop(target, await book.save(), t);
    say([t.cleared(out), t.wroteWorkbook(target)]);
    return EXIT.ok;
  }

  say(summaryLines(analysis, rules, t));
  warn(issueLines(analysis, t));

  // This workbook's own history is recorded by run whether the comparison is with it or with
  // --previous; --no-history leaves it alone.
  const own = args.history
    ? await readHistories(
        book,
        analysis.sheets.map((s) => s.sheet),
      )
    : null;
  const previousFile =
    args.previous === undefined ? undefined : path.resolve(io.cwd, args.previous);
  const base = previousFile === undefined ? own : await previousOf(previousFile, analysis, args, t);
  const changes = base === null ? undefined : compareWithHistories(analysis, base);
  const compared = changes === undefined ? undefined : changesOfRun(analysis, changes);
  if (analysis.sheets.length > 0) {
    say([
      compared === undefined
        ? t.noPreviousPeriod
        : t.comparedWith(changesSentence(compared, rules.labels, args.lang)),
    ]);
  }

  // The report is written even when no sheet holds a table: it says which were skipped and why.
  if (report !== undefined) {
    const json = buildReport(analysis, {
      input: path.basename(input),
      generatedAt: io.now().toISOString(),
      tool: { name: 'tricolor', version: toolVersion() },
      lang: args.lang,
      ...(changes === undefined ? {} : { changes }),
    });
    await writeOrStop(report, `${JSON.stringify(json, null, 2)}\n`, t);
    say([t.wroteReport(report)]);
  }
  if (analysis.sheets.length === 0) throw new Stop(EXIT.noTable, [t.noTable(input)]);
  if (args.command === 'check') return EXIT.ok;

  // The session's policy: a protected sheet is left as it is, with its sentence, and the others
  // are painted; when none could be, nothing is written. The bulletin still covers every
  // analysed sheet: it reads them, and changes none.
  const painted = await paintSheets(book, analysis, args.lang);
  warn([...painted.skipped.map((e) => e.message), ...painted.issues.map((i) => i.message)]);
  if (painted.painted.length === 0) throw new Stop(EXIT.usage, [t.nothingPainted]);
  let bulletinSheets: readonly string[] = [];
  // One summary for the sheets and the documents: the .docx says what the sheets say.
  const summary = bulletinSummaryFor(analysis.sheets, asOf, {
    lang: args.lang,
    rules,
    ...(compared === undefined ? {} : { changes: compared }),
  });
  if (args.bulletin) {
    // One bulletin over every analysed sheet, as the add-in makes it; its chart is Excel's to draw.
    bulletinSheets = (
      await writeBulletin(book, analysis, asOf, rules, args.lang, undefined, summary)
    ).sheets;
  }
  if (own !== null) {
    await recordHistories(
      book,
      analysis,
      own,
      painted.painted.map((p) => p.sheet.sheet),
    );
  }
  // The rules a run was given are remembered in the output, as the pane remembers them.
  await book.saveSettings(
    settingsAfterPaint(settings, chosenRules(args, fromFile), settings.overrides, asOf),
  );
  const target = await outputPath(args, input, io);
  await writeOrStop(target, await book.save(), t);
  if (bulletinSheets.length > 0) say([t.wroteBulletin(t.joinNames(bulletinSheets))]);
  say([t.wroteWorkbook(target)]);
  const docs = await writeDocuments({
    summary,
    lang: args.lang,
    saved: settings.documents,
    cwd: io.cwd,
    ...(args.docx === undefined ? {} : { docx: args.docx }),
    ...(args.notices === undefined ? {} : { notices: args.notices }),
  });
  if (!docs.ok) throw new Stop(EXIT.failed, docs.lines);
  say(docs.lines);
  return EXIT.ok;
}

/** The histories of the file given with --previous; stops when it cannot be read or has no date. */
async function previousOf(
  file: string,
  analysis: WorkbookAnalysis,
  args: CommandArgs,
  t: CliMessages,
): Promise<Histories> {
  let prev: PackageWorkbook;
  try {
    const bytes = await fsp.readFile(file);
    const prepared = await prepareInput(file, bytes, args.lang);
    if (!prepared.ok) throw new Stop(EXIT.usage, [prepared.message]);
    prev = await openWorkbook(prepared.bytes, args.lang);
  } catch (e) {
    if (e instanceof Stop) throw e;
    if (e instanceof PortError) throw new Stop(EXIT.usage, [e.message]);
    throw new Stop(EXIT.usage, [t.previousUnreadable(file)]);
  }
  const histories = await previousHistories(prev, analysis, args.lang);
  if (histories === null) throw new Stop(EXIT.usage, [t.previousUndated(file)]);
  return histories;
}

/** Clears every sheet of ours, as 清除标注 does; stops when none could be cleared. */
async function clearOutcome(
  book: PackageWorkbook,
  analysis: WorkbookAnalysis,
  args: CommandArgs,
  warn: (lines: readonly string[]) => void,
  t: CliMessages,
): Promise<number> {
  const painted = await book.paintedSheets();
  const wanted = args.sheets.length > 0 ? painted.filter((s) => args.sheets.includes(s)) : painted;
  const outcome = await clearSheets(book, analysis, wanted, args.lang);
  warn([...outcome.skipped.map((e) => e.message), ...outcome.issues.map((i) => i.message)]);
  if (outcome.skipped.length > 0 && outcome.cleared.length === 0) {
    throw new Stop(EXIT.usage, [t.nothingCleared]);
  }
  return outcome.cleared.filter((c) => c.fillsRestored > 0 || c.statusColumnRemoved).length;
}

async function outputPath(args: CommandArgs, input: string, io: CliIo): Promise<string> {
  if (args.out !== undefined) return path.resolve(io.cwd, args.out);
  return defaultOutPath(input, OUT_TAG[args.lang]);
}

export async function writeOrStop(
  file: string,
  data: Uint8Array | string,
  t: CliMessages,
): Promise<void> {
  try {
    await writeAtomic(file, data);
  } catch {
    throw new Stop(EXIT.failed, [t.writeFailed(file)]);
  }
}

/** Runs `run` or `check`; every failure becomes sentences on stderr and an exit code. */
export async function runCommand(args: CommandArgs, io: CliIo): Promise<number> {
  try {
    return await runOrStop(args, io);
  } catch (e) {
    if (e instanceof Stop) {
      for (const l of e.lines) io.stderr.write(`${l}\n`);
      return e.code;
    }
    io.stderr.write(`${cliMessages(args.lang).unexpected}\n`);
    return EXIT.failed;
  }
}
