import type { ReportSheet } from '../../src/core/report';

/** A report's rows as version 1 gave them, Excel row number → status, for tests that check only that. */
export function statusByRow(rows: ReportSheet['rows'] | undefined): Record<string, string> {
  return Object.fromEntries((rows ?? []).map((r) => [String(r.row), r.status]));
}
