import type { Capabilities } from './capabilities';

/** Runs one batch against the workbook: Excel.run in Excel, a recording fake in tests. */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The options we pass to Excel.run, given what this Excel supports. */
export function runOptions(caps: Capabilities): Excel.RunOptions {
  const options: Excel.RunOptions = {};
  // Without delayForCellEdit a batch fails while the user is typing in a cell; with it, Excel
  // waits until they finish, which is what they expect after clicking a button.
  if (caps.delayForCellEdit) options.delayForCellEdit = true;
  // One paint is one user action: one Ctrl+Z should undo it, however many syncs it took.
  if (caps.mergeUndoGroup) options.mergeUndoGroup = true;
  return options;
}

/** Excel.run with the options this Excel supports; reads the Excel global only when called. */
export function excelRun(caps: Capabilities): ExcelRun {
  return (batch) => Excel.run(runOptions(caps), batch);
}
