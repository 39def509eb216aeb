import { promises as fsp } from 'fs';
import * as path from 'path';
import { SplitSource } from '../adapters/xlsx/splitSource';
import { DEFAULT_FILL_FIELDS } from '../core/collect/fillFields';
import { planSplit } from '../core/collect/splitPlan';
import { splitInstruction } from '../core/collect/splitWords';
import { formatChineseDay, parseIsoDay } from '../core/dates';
import { a1 } from '../core/grid';
import { defaultRules, resolveRules } from '../core/rules';
import { PortError } from '../port/WorkbookPort';
import { readTables } from '../session/collectWorkflow';
import { cliMessages, type CliMessages } from './cliMessages';
import { exists, isDirectory } from './files';
import { openInput } from './openInput';
import type { SplitArgs } from './parseArgs';
import { EXIT, localDay, type CliIo, writeOrStop } from './runCommand';
import { Stop } from './stop';

const MAX_CELLS_LISTED = 20;

async function splitOrStop(args: SplitArgs, io: CliIo, t: CliMessages): Promise<number> {
  const due = args.due === undefined ? null : parseIsoDay(args.due);
  if (args.due !== undefined && due === null) throw new Stop(EXIT.usage, [t.badDue(args.due)]);
  const input = path.resolve(io.cwd, args.input);
  const outDir = path.resolve(io.cwd, args.outDir);
  // A new folder for this month's returns is made, as `mkdir` would: its parent must exist, so a
  // typo in a path is still refused rather than creating a tree somewhere unexpected.
  const makeOutDir = !(await isDirectory(outDir));
  if (makeOutDir && ((await exists(outDir)) || !(await isDirectory(path.dirname(outDir))))) {
    throw new Stop(EXIT.usage, [t.outDirMissing(outDir)]);
  }

  // The package adapter reads the master (and says truly what is wrong with a bad file); the
  // units' files are new workbooks built with the master's formats, which ExcelJS copies.
  const opened = await openInput(input, args.lang, t);
  if (!opened.ok) throw new Stop(EXIT.usage, [opened.message]);
  let source: SplitSource;
  try {
    source = await SplitSource.open(opened.bytes, args.lang);
  } catch (e) {
    if (e instanceof PortError) throw new Stop(EXIT.usage, [t.splitCannotCopy(input, e.message)]);
    throw e;
  }
  if (makeOutDir) await fsp.mkdir(outDir);
  const book = opened.book;
  const names = (await book.listSheets()).map((s) => s.name);
  if (args.sheet !== undefined && !names.includes(args.sheet)) {
    throw new Stop(EXIT.usage, [t.noSuchSheet(args.sheet)]);
  }
  const settings = await book.loadSettings();
  // The rules only say which column is the add-in's status column; saved ones if they are valid.
  const resolved = resolveRules(settings.rules ?? {}, args.lang);
  const rules = resolved.ok ? resolved.value : defaultRules(args.lang);
  const tables = await readTables(book, {
    asOf: localDay(io.now()),
    rules,
    lang: args.lang,
    ...(args.sheet === undefined ? {} : { only: [args.sheet] }),
  });
  const table = tables[0];
  if (table === undefined) throw new Stop(EXIT.noTable, [t.noTable(input)]);

  const plan = planSplit(table.analysis, DEFAULT_FILL_FIELDS);
  const dueText =
    due === null ? null : args.lang === 'zh' ? formatChineseDay(due) : (args.due ?? null);
  const lines: string[] = [t.splitDone(plan.parts.length, outDir)];
  for (const part of plan.parts) {
    const file = path.join(outDir, part.fileName);
    let bytes: Uint8Array;
    try {
      bytes = await source.file(
        table.grid,
        plan,
        part,
        splitInstruction(args.lang, part.unit, dueText),
      );
    } catch (e) {
      if (e instanceof PortError) throw new Stop(EXIT.failed, [e.message]);
      throw e;
    }
    await writeOrStop(file, bytes, t);
    lines.push(t.splitFile(part.fileName, part.rows.length));
  }
  for (const l of lines) io.stdout.write(`${l}\n`);
  if (plan.unitless.length > 0) {
    const nameCol = table.analysis.layout.fields.name ?? table.analysis.layout.left;
    const cells = plan.unitless.slice(0, MAX_CELLS_LISTED).map((r) => a1(table.grid, r, nameCol));
    io.stderr.write(
      `${t.unitless(t.joinNames(cells) + (plan.unitless.length > MAX_CELLS_LISTED ? '…' : ''))}\n`,
    );
  }
  return EXIT.ok;
}

/**
 * `tricolor split`: one return workbook per responsible unit, written atomically into --out-dir
 * (a file of the same name there is replaced); the master is only read.
 */
export async function splitCommand(args: SplitArgs, io: CliIo): Promise<number> {
  const t = cliMessages(args.lang);
  try {
    return await splitOrStop(args, io, t);
  } catch (e) {
    if (e instanceof Stop) {
      for (const l of e.lines) io.stderr.write(`${l}\n`);
      return e.code;
    }
    io.stderr.write(`${t.unexpected}\n`);
    return EXIT.failed;
  }
}
