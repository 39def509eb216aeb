/**
 * Showing the user a place in the workbook: a cell an issue points at, or a sheet the add-in just
 * wrote. Each is one request, and neither changes the workbook, only what Excel shows.
 */

/** Shows sheet `sheet` and selects `address` ("B5") on it, in one sync. */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  // Activate first: selecting on a sheet that is not shown would leave the user where they were.
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}

/** Shows sheet `sheet` from its top: A1 selected, in one sync. */
export function activateSheet(context: Excel.RequestContext, sheet: string): Promise<void> {
  return selectCell(context, sheet, 'A1');
}
