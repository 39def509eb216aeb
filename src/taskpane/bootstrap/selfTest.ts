import type { Lang } from '../../core/issue';
import type { SelfTestEnvironment, SelfTestReport } from '../../session/selfTest';

export interface SelfTestRun {
  readonly report: SelfTestReport;
  readonly environment: SelfTestEnvironment;
}

/**
 * 自检 in Excel: the scenarios on scratch sheets of the open workbook, which is put back as it
 * was. The Office adapter is its own chunk, as for the port itself.
 */
export async function runOfficeSelfTest(lang: Lang): Promise<SelfTestRun> {
  const [{ OfficeWorkbook }, office, { runSelfTest }] = await Promise.all([
    import(/* webpackChunkName: "office-adapter" */ '../../adapters/office/OfficeWorkbook'),
    import(/* webpackChunkName: "office-adapter" */ '../../adapters/office/selfTest'),
    import('../../session/selfTest'),
  ]);
  const port = new OfficeWorkbook({ lang });
  const { excelRun } = await import(
    /* webpackChunkName: "office-adapter" */ '../../adapters/office/excelRun'
  );
  const { detectCapabilities } = await import(
    /* webpackChunkName: "office-adapter" */ '../../adapters/office/capabilities'
  );
  const host = new office.OfficeSelfTestHost(port, excelRun(detectCapabilities()));
  return { report: await runSelfTest(host, lang), environment: office.officeEnvironment() };
}

/** 自检 in the page: the same scenarios on a workbook generated in memory, never the user's file. */
export async function runFileSelfTest(lang: Lang): Promise<SelfTestRun> {
  const [{ XlsxSelfTestHost }, { runSelfTest }] = await Promise.all([
    import('../../adapters/xlsx/selfTest'),
    import('../../session/selfTest'),
  ]);
  const host = await XlsxSelfTestHost.create(lang);
  const platform = typeof navigator === 'undefined' ? '-' : navigator.userAgent;
  return {
    report: await runSelfTest(host, lang),
    environment: { host: 'browser (file mode)', platform, version: '-', apiSets: [] },
  };
}
