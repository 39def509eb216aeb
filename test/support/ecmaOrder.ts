import { tagName } from '../../src/adapters/xlsxPackage/stylesPatch';
import { walkXml } from '../../src/adapters/xlsxPackage/xml';

/*
 * The child sequences ECMA-376 part 1 fixes (Annex A, sml.xsd; transitional), transcribed for the
 * parts the package adapter changes. Elements of other namespaces (mc:AlternateContent, x14…) are
 * outside these sequences and skipped by the check.
 */
export const SEQUENCES: Readonly<Record<string, readonly string[]>> = {
  // CT_Worksheet, 18.3.1.99
  worksheet: [
    'sheetPr',
    'dimension',
    'sheetViews',
    'sheetFormatPr',
    'cols',
    'sheetData',
    'sheetCalcPr',
    'sheetProtection',
    'protectedRanges',
    'scenarios',
    'autoFilter',
    'sortState',
    'dataConsolidate',
    'customSheetViews',
    'mergeCells',
    'phoneticPr',
    'conditionalFormatting',
    'dataValidations',
    'hyperlinks',
    'printOptions',
    'pageMargins',
    'pageSetup',
    'headerFooter',
    'rowBreaks',
    'colBreaks',
    'customProperties',
    'cellWatches',
    'ignoredErrors',
    'smartTags',
    'drawing',
    'legacyDrawing',
    'legacyDrawingHF',
    'drawingHF',
    'picture',
    'oleObjects',
    'controls',
    'webPublishItems',
    'tableParts',
    'extLst',
  ],
  // CT_Stylesheet, 18.8.39
  styleSheet: [
    'numFmts',
    'fonts',
    'fills',
    'borders',
    'cellStyleXfs',
    'cellXfs',
    'cellStyles',
    'dxfs',
    'tableStyles',
    'colors',
    'extLst',
  ],
  // CT_Workbook, 18.2.27
  workbook: [
    'fileVersion',
    'fileSharing',
    'workbookPr',
    'workbookProtection',
    'bookViews',
    'sheets',
    'functionGroups',
    'externalReferences',
    'definedNames',
    'calcPr',
    'oleSize',
    'customWorkbookViews',
    'pivotCaches',
    'smartTagPr',
    'smartTagTypes',
    'webPublishing',
    'fileRecoveryPr',
    'webPublishObjects',
    'extLst',
  ],
  // CT_Relationships (OPC, part 2): Relationship*
  Relationships: ['Relationship'],
  // CT_Types (OPC, part 2): a choice of Default and Override, in any order
  Types: ['Default|Override'],
};

/** The elements of the default (unprefixed or root-prefixed) namespace, in the root's sequence. */
function position(sequence: readonly string[], local: string): number {
  return sequence.findIndex((s) => s.split('|').includes(local));
}

/**
 * What is out of order in a part: children of the root against its sequence, and for worksheets
 * rows by r and cells by column within a row (Excel refuses both out of order). [] when all is well.
 */
export function orderProblems(xml: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  let root = '';
  let rootPrefix = '';
  let last = -1;
  let lastRow = 0;
  let lastCol = 0;
  walkXml(xml, {
    open(tag) {
      depth++;
      const name = tag.local;
      if (depth === 1) {
        root = name;
        const full = tagName(xml, tag);
        rootPrefix = full.includes(':') ? full.slice(0, full.indexOf(':')) : '';
        return;
      }
      const sequence = SEQUENCES[root];
      if (depth === 2 && sequence) {
        const full = tagName(xml, tag);
        const prefix = full.includes(':') ? full.slice(0, full.indexOf(':')) : '';
        if (prefix !== rootPrefix) return;
        const at = position(sequence, name);
        if (at === -1) problems.push(`<${name}> is not a child of <${root}>`);
        else if (at < last) problems.push(`<${name}> comes after an element it must precede`);
        else last = at;
      }
      if (root === 'worksheet' && depth === 3 && name === 'row') {
        const r = Number(tag.attributes.r);
        if (r <= lastRow) problems.push(`row ${r} after row ${lastRow}`);
        lastRow = r;
        lastCol = 0;
      }
      if (root === 'worksheet' && depth === 4 && name === 'c') {
        const ref = tag.attributes.r ?? '';
        const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
        let col = 0;
        for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
        if (col <= lastCol) problems.push(`cell ${ref} after column ${lastCol} in row ${lastRow}`);
        lastCol = col;
      }
    },
    close() {
      depth--;
    },
  });
  return problems;
}
