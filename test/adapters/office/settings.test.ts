import { OfficeMockObject } from './officeAddinMock';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { loadSettings, saveSettings, SETTING_KEYS } from '../../../src/adapters/office/settings';
import type { WorkbookSettings } from '../../../src/port/WorkbookPort';
import { RecordingExcel } from '../../fakes/recordingExcel';

function port(excel: RecordingExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
}

const FULL: WorkbookSettings = {
  rules: { preset: 'due-soon', dueSoonDays: 5, labels: { severe: '已逾期' } },
  overrides: { 重点项目: { deadline: 'E', problem: null } },
  lastAsOf: '2023-06-30',
  documents: { issuingOffice: 'XX区人民政府办公室', replyDays: 5 },
};

describe('settings in the workbook', () => {
  it('loads back exactly what was saved', async () => {
    const excel = new RecordingExcel();
    const wb = port(excel);
    await wb.saveSettings(FULL);
    await expect(wb.loadSettings()).resolves.toEqual(FULL);
    expect([...excel.settings.keys()].sort()).toEqual(
      [
        SETTING_KEYS.documents,
        SETTING_KEYS.lastAsOf,
        SETTING_KEYS.overrides,
        SETTING_KEYS.rules,
      ].sort(),
    );
  });

  it('removes a setting that is no longer given', async () => {
    const excel = new RecordingExcel();
    const wb = port(excel);
    await wb.saveSettings(FULL);
    await wb.saveSettings({ lastAsOf: '2023-09-30' });
    await expect(wb.loadSettings()).resolves.toEqual({ lastAsOf: '2023-09-30' });
    expect(excel.settings.has(SETTING_KEYS.rules)).toBe(false);
  });

  it('loads nothing from a workbook that never saved settings', async () => {
    await expect(port(new RecordingExcel()).loadSettings()).resolves.toEqual({});
  });

  it('drops settings that were edited into something invalid', async () => {
    const excel = new RecordingExcel();
    excel.settings.set(SETTING_KEYS.rules, { preset: 'made-up' });
    excel.settings.set(SETTING_KEYS.overrides, {
      表: { deadline: 'e5', nonsense: 'A', name: 'B' },
    });
    excel.settings.set(SETTING_KEYS.lastAsOf, '30/06/2023');
    excel.settings.set(SETTING_KEYS.documents, { replyDays: 'soon' });
    await expect(port(excel).loadSettings()).resolves.toEqual({ overrides: { 表: { name: 'B' } } });
  });
});

/** An Excel context from office-addin-mock: properties read as errors until loaded and synced. */
function mockedExcel(stored: { lastAsOf?: string }) {
  const added: [string, unknown][] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        // A workbook without the hidden sheet: settings come from (and go to) Workbook.settings too.
        worksheets: {
          getItemOrNullObject: () => ({ isNullObject: true }),
          add: () => ({ getRange: () => ({}) }),
          getItem: () => ({ getRange: () => ({}) }),
        },
        settings: {
          rules: { value: undefined },
          overrides: { value: undefined },
          lastAsOf: { value: stored.lastAsOf },
          documents: { value: undefined },
          getItemOrNullObject: function (this: Record<string, unknown>, key: string) {
            return this[key.replace('tricolor.', '')];
          },
          add: function (key: string, value: unknown) {
            added.push([key, value]);
          },
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  });
  const context = mock.context as {
    workbook: { settings: Record<string, { isNullObject: boolean }> };
  };
  const settings = context.workbook.settings;
  // office-addin-mock cannot model isNullObject (Office.js sets it on sync), so it is fixed here.
  for (const name of ['rules', 'overrides', 'lastAsOf', 'documents'] as const) {
    const item = settings[name];
    if (item) item.isNullObject = name !== 'lastAsOf' || stored.lastAsOf === undefined;
  }
  return { mock, added };
}

describe('settings through office-addin-mock', () => {
  it('reads a setting only after loading it and syncing', async () => {
    const { mock } = mockedExcel({ lastAsOf: '2023-12-31' });
    const out = await (mock.run as (b: (ctx: Excel.RequestContext) => unknown) => Promise<unknown>)(
      (ctx) => loadSettings(ctx),
    );
    expect(out).toEqual({ lastAsOf: '2023-12-31' });
  });

  it('adds each given setting as a plain JSON value', async () => {
    const { mock, added } = mockedExcel({});
    await (mock.run as (b: (ctx: Excel.RequestContext) => unknown) => Promise<unknown>)((ctx) =>
      saveSettings(ctx, { rules: { preset: 'node-lag', lagMonths: 2 }, lastAsOf: '2024-03-31' }),
    );
    expect(added).toEqual([
      [SETTING_KEYS.rules, { preset: 'node-lag', lagMonths: 2 }],
      [SETTING_KEYS.lastAsOf, '2024-03-31'],
    ]);
  });
});
