import * as path from 'path';
import type { ReturnFile } from '../core/collect/collectReturns';
import { DEFAULT_FILL_FIELDS } from '../core/collect/fillFields';
import { defaultRules, resolveRules } from '../core/rules';
import { applyCollect, planCollect, readTables, withUnreadable } from '../session/collectWorkflow';
import { cliMessages, type CliMessages } from './cliMessages';
import { buildCollectReport } from './collectReport';
import { defaultOutPath, isDirectory, sameFile } from './files';
import { openInput } from './openInput';
import type { CollectArgs } from './parseArgs';
import { EXIT, localDay, toolVersion, writeOrStop, type CliIo } from './runCommand';
import { Stop } from './stop';

const OUT_TAG = { zh: '汇总', en: 'collected' } as const;
const MAX_CONFLICTS_SHOWN = 50;

async function checkPaths(
  args: CollectArgs,
  io: CliIo,
  t: CliMessages,
): Promise<{
  input: string;
  returns: string[];
  out: string | undefined;
  report: string | undefined;
}> {
  const input = path.resolve(io.cwd, args.input);
  const returns = args.returns.map((r) => path.resolve(io.cwd, r));
  const out = args.out === undefined ? undefined : path.resolve(io.cwd, args.out);
  const report = args.report === undefined ? undefined : path.resolve(io.cwd, args.report);
  if (out !== undefined) {
    if (await sameFile(out, input)) throw new Stop(EXIT.usage, [t.outIsInput(input)]);
    if (!(await isDirectory(path.dirname(out)))) {
      throw new Stop(EXIT.usage, [t.outDirMissing(path.dirname(out))]);
    }
  }
  for (const r of returns) {
    if ((await sameFile(r, input)) || (out !== undefined && (await sameFile(r, out)))) {
      throw new Stop(EXIT.usage, [t.returnIsInputOrOut(r)]);
    }
  }
  if (report !== undefined) {
    const clash = [input, ...returns, ...(out === undefined ? [] : [out])];
    for (const f of clash) {
      if (await sameFile(report, f)) throw new Stop(EXIT.usage, [t.reportIsInputOrOut(report)]);
    }
    if (!(await isDirectory(path.dirname(report)))) {
      throw new Stop(EXIT.usage, [t.outDirMissing(path.dirname(report))]);
    }
  }
  return { input, returns, out, report };
}

async function collectOrStop(args: CollectArgs, io: CliIo, t: CliMessages): Promise<number> {
  const { input, returns, out, report } = await checkPaths(args, io, t);
  const opened = await openInput(input, args.lang, t);
  if (!opened.ok) throw new Stop(EXIT.usage, [opened.message]);
  const book = opened.book;
  if (args.sheet !== undefined && !(await book.listSheets()).some((s) => s.name === args.sheet)) {
    throw new Stop(EXIT.usage, [t.noSuchSheet(args.sheet)]);
  }
  const settings = await book.loadSettings();
  const resolved = resolveRules(settings.rules ?? {}, args.lang);
  const rules = resolved.ok ? resolved.value : defaultRules(args.lang);
  const today = localDay(io.now());
  const read = { asOf: today, rules, lang: args.lang };
  const masterTables = await readTables(book, {
    ...read,
    ...(args.sheet === undefined ? {} : { only: [args.sheet] }),
  });
  const master = masterTables[0];
  if (master === undefined) throw new Stop(EXIT.noTable, [t.noTable(input)]);

  // Each return is read on its own: one that cannot be read is a conflict, the rest go on.
  const files: ReturnFile[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const r of returns) {
    const name = path.basename(r);
    const ret = await openInput(r, args.lang, t);
    if (!ret.ok) {
      unreadable.push({ file: name, reason: ret.reason });
      continue;
    }
    files.push({ file: name, tables: await readTables(ret.book, read) });
  }
  const planned = planCollect(master, files, args.lang, DEFAULT_FILL_FIELDS);
  const result = withUnreadable(planned, unreadable, args.lang);
  const shown = result.conflicts.slice(0, MAX_CONFLICTS_SHOWN).map((c) => c.message);
  if (result.conflicts.length > MAX_CONFLICTS_SHOWN) {
    shown.push(t.moreIssues(result.conflicts.length - MAX_CONFLICTS_SHOWN));
  }
  for (const l of shown) io.stderr.write(`${l}\n`);
  if (files.length === 0) throw new Stop(EXIT.usage, [t.nothingToCollect]);

  const applied = await applyCollect(book, result, args.lang, today);
  const target = out ?? (await defaultOutPath(input, OUT_TAG[args.lang]));
  await writeOrStop(target, await book.save(), t);
  const say = [t.collected(result.changes.length, result.conflicts.length, returns.length)];
  if (result.notReturned.length > 0) say.push(t.notReturned(t.joinNames(result.notReturned)));
  if (applied.recordSheet !== null) say.push(t.wroteRecordSheet(applied.recordSheet));
  say.push(t.wroteWorkbook(target));
  if (report !== undefined) {
    const json = buildCollectReport(result, {
      master: path.basename(input),
      generatedAt: io.now().toISOString(),
      tool: { name: 'tricolor', version: toolVersion() },
      lang: args.lang,
    });
    await writeOrStop(report, `${JSON.stringify(json, null, 2)}\n`, t);
    say.push(t.wroteReport(report));
  }
  for (const l of say) io.stdout.write(`${l}\n`);
  return EXIT.ok;
}

/**
 * `tricolor collect`: the units' returns written into a copy of the master. The master and the
 * returns are only read; conflicts are listed on stderr and in the report, and do not fail the run.
 */
export async function collectCommand(args: CollectArgs, io: CliIo): Promise<number> {
  const t = cliMessages(args.lang);
  try {
    return await collectOrStop(args, io, t);
  } catch (e) {
    if (e instanceof Stop) {
      for (const l of e.lines) io.stderr.write(`${l}\n`);
      return e.code;
    }
    io.stderr.write(`${t.unexpected}\n`);
    return EXIT.failed;
  }
}
