import {
  bulletinSheetName,
  ownBulletinsOf,
  ownBulletinsText,
} from '../../core/bulletin/bulletinSheetName';
import type { BulletinBook, BulletinSheet } from '../../core/bulletinBook';
import { BULLETINS_KEY } from '../../core/workbookRecord/recordKeys';
import { cellFormatOf, writeBulletinSheetXml } from './bulletinSheetXml';
import { chartAnchor, chartXml, drawingXml, quotedSheet } from './chartPart';
import { addPart, addRelationship, freePartName } from './partGraph';
import type { StateRecords } from './stateRecords';
import type { StylesPatch } from './stylesPatch';
import { addDefinedName, addSheet, currentSheets, removeSheet } from './workbookPatch';
import type { SheetEntry } from './openPackage';
import type { ZipPackage } from './zipPackage';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_REL = `${REL_NS}/drawing`;
const CHART_REL = `${REL_NS}/chart`;
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/*
 * docProps/app.xml is left as it is. Its HeadingPairs/TitlesOfParts list the sheet names as the
 * last program that saved the file saw them; Excel, LibreOffice and WPS neither check them against
 * workbook.xml nor show them, and Excel rewrites them on its next save. The records sheet is added
 * and removed the same way without touching it. Rewriting them would mean parsing vectors of
 * variants (counts by kind, in the producer's language) for no reader's benefit.
 */

/** Writes one sheet's chart: the chart and drawing parts, their rels and overrides; the drawing's rId on the sheet. */
function writeChart(
  zip: ZipPackage,
  sheetPath: string,
  name: string,
  sheet: BulletinSheet,
): string | undefined {
  const chart = sheet.chart;
  if (chart === undefined || chart.series.length === 0) return undefined;
  const chartPath = freePartName(zip, 'xl/charts', 'chart', 'xml');
  addPart(zip, chartPath, CHART_TYPE, chartXml(name, sheet, chart));
  const drawingPath = freePartName(zip, 'xl/drawings', 'drawing', 'xml');
  const chartRid = addRelationship(
    zip,
    drawingPath,
    CHART_REL,
    `../charts/${chartPath.slice('xl/charts/'.length)}`,
  );
  addPart(zip, drawingPath, DRAWING_TYPE, drawingXml(chartAnchor(sheet), chartRid));
  return addRelationship(
    zip,
    sheetPath,
    DRAWING_REL,
    `../drawings/${drawingPath.slice('xl/drawings/'.length)}`,
  );
}

/**
 * Adds the bulletin's sheets to the package, as the Office adapter does: a sheet of the same
 * name made by an earlier run (listed under BULLETINS_KEY) is replaced with everything it had; a
 * user's sheet of that name is kept and the bulletin goes to "name (2)". New sheets go at the end,
 * so the positions other sheet-scoped names count by stay as they are.
 */
export function writeBulletinParts(
  zip: ZipPackage,
  styles: StylesPatch,
  records: StateRecords,
  book: BulletinBook,
): { sheets: string[]; workbookSheets: SheetEntry[] } {
  const ours = new Set(ownBulletinsOf(records.getText(BULLETINS_KEY)));
  const taken = new Set<string>();
  const written: string[] = [];
  for (const sheet of book.sheets) {
    const existing = currentSheets(zip);
    const name = bulletinSheetName(
      sheet.name,
      existing.map((s) => s.name),
      ours,
      taken,
    );
    const old = existing.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (old?.path) removeSheet(zip, old.name, old.path);

    const index = new Map<string, number>();
    for (const [key, style] of Object.entries(sheet.styles))
      index.set(key, styles.cellFormat(cellFormatOf(style)));
    const styleIndex = (key: string) => index.get(key);
    // The part is listed first and written once its drawing's rId is known, row by row when
    // the package is saved (a lagging list can be tens of thousands of rows).
    const path = addSheet(zip, name, 'visible', '');
    const drawingRid = writeChart(zip, path, name, sheet);
    zip.setStream(path, (emit) => {
      writeBulletinSheetXml(
        sheet,
        drawingRid === undefined ? { styleIndex } : { styleIndex, drawingRid },
        emit,
      );
    });

    const repeat = sheet.print.repeatRows;
    if (repeat) {
      const position = currentSheets(zip).findIndex((s) => s.name === name);
      addDefinedName(
        zip,
        '_xlnm.Print_Titles',
        position,
        `${quotedSheet(name)}!$${repeat.top + 1}:$${repeat.bottom + 1}`,
      );
    }
    taken.add(name.toLowerCase());
    ours.add(name);
    written.push(name);
  }
  const now = currentSheets(zip);
  const stillThere = [...ours].filter((n) => now.some((s) => s.name === n));
  records.setText(BULLETINS_KEY, ownBulletinsText(stillThere));
  // The workbook's sheets as they are now, for the caller's reader.
  return { sheets: written, workbookSheets: now };
}
