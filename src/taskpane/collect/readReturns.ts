import type { ReturnFile } from '../../core/collect/collectReturns';
import type { DayNumber } from '../../core/dates';
import type { Lang } from '../../core/issue';
import type { RuleSet } from '../../core/rules';
import { PortError } from '../../port/WorkbookPort';
import { readTables, type UnreadableReturn } from '../../session/collectWorkflow';
import type { FilePort } from '../../port/optionalPorts';

/** A file the user dropped or picked: its name and bytes. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/**
 * Reads the returns for 汇总, one at a time, each in a worker of its own (ExcelJS never runs on
 * the page, nor in Excel's own thread) that is let go once its tables are read. A file that
 * cannot be opened is reported by name with the reader's sentence; the others are still read.
 */
export async function readReturns(
  files: readonly PickedFile[],
  opts: { readonly lang: Lang; readonly asOf: DayNumber; readonly rules: RuleSet },
  /** The pane's openXlsx (fileMode/openXlsx.ts): ExcelJS in a worker. */
  openXlsx: (data: ArrayBuffer, lang: Lang) => Promise<FilePort>,
): Promise<{ returns: ReturnFile[]; unreadable: UnreadableReturn[] }> {
  const returns: ReturnFile[] = [];
  const unreadable: UnreadableReturn[] = [];
  for (const f of files) {
    try {
      const port = await openXlsx(f.bytes, opts.lang);
      try {
        returns.push({ file: f.name, tables: await readTables(port, opts) });
      } finally {
        port.dispose?.();
      }
    } catch (e) {
      if (!(e instanceof PortError)) throw e;
      unreadable.push({ file: f.name, reason: e.message });
    }
  }
  return { returns, unreadable };
}
