import { OfficeMockObject } from './officeAddinMock';
import {
  detectCapabilities,
  MINIMUM_CAPABILITIES,
} from '../../../src/adapters/office/capabilities';

type Globals = { Office?: unknown };

function withOffice(mock: unknown, f: () => void): void {
  const g = globalThis as unknown as Globals;
  g.Office = mock;
  try {
    f();
  } finally {
    delete g.Office;
  }
}

/** Office.context.requirements of an Excel that supports ExcelApi up to 1.`minor`. */
function officeUpTo(minor: number): OfficeMockObject {
  return new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === 'ExcelApi' && Number((version ?? '1.1').split('.')[1]) <= minor,
      },
    },
  });
}

describe('detectCapabilities', () => {
  it('uses every newer path on Microsoft 365 (ExcelApi 1.20)', () => {
    withOffice(officeUpTo(20), () => {
      expect(detectCapabilities()).toEqual({
        delayForCellEdit: true,
        mergedAreas: true,
        mergeUndoGroup: true,
      });
    });
  });

  it('keeps undo grouping off where ExcelApi 1.20 is missing (Excel 2021: 1.14)', () => {
    withOffice(officeUpTo(14), () => {
      expect(detectCapabilities()).toEqual({
        delayForCellEdit: true,
        mergedAreas: true,
        mergeUndoGroup: false,
      });
    });
  });

  it('reads without merges and fails in cell-edit mode on an Excel with only ExcelApi 1.9', () => {
    withOffice(officeUpTo(9), () => {
      expect(detectCapabilities()).toEqual(MINIMUM_CAPABILITIES);
    });
  });

  it('assumes the minimum outside Excel, where there is no Office global', () => {
    expect(detectCapabilities()).toEqual(MINIMUM_CAPABILITIES);
  });
});
