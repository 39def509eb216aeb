/** The part of Office.context.requirements we ask. */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/**
 * Which newer APIs this Excel has. The manifest requires ExcelApi 1.9 (getRanges, getCellProperties,
 * getRowProperties, replaceAll, pageLayout), so those are never checked; everything newer is, and
 * each flag picks a faster or richer path over a slower or plainer one.
 */
export interface Capabilities {
  /** ExcelApi 1.11: Excel.run waits while the user edits a cell instead of failing. */
  readonly delayForCellEdit: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject; without it sheets read with no merges. */
  readonly mergedAreas: boolean;
  /** ExcelApi 1.20: Excel.run's mergeUndoGroup, so one Ctrl+Z undoes a whole paint. */
  readonly mergeUndoGroup: boolean;
}

/** What an Excel that only has the manifest's minimum set can do. */
export const MINIMUM_CAPABILITIES: Capabilities = {
  delayForCellEdit: false,
  mergedAreas: false,
  mergeUndoGroup: false,
};

function officeRequirements(): RequirementChecker | undefined {
  // Outside Excel (tests, the CLI) there is no Office global: fall back to the minimum.
  if (typeof Office === 'undefined') return undefined;
  return Office.context?.requirements;
}

/** Asks Excel which API sets it supports. */
export function detectCapabilities(
  requirements: RequirementChecker | undefined = officeRequirements(),
): Capabilities {
  if (!requirements) return MINIMUM_CAPABILITIES;
  const has = (v: string): boolean => requirements.isSetSupported('ExcelApi', v);
  return {
    delayForCellEdit: has('1.11'),
    mergedAreas: has('1.13'),
    mergeUndoGroup: has('1.20'),
  };
}
