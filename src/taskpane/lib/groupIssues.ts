import type { WorkbookAnalysis } from '../../core/analysis';
import type { Issue, IssueCode, Severity } from '../../core/issue';

export interface IssueGroup {
  readonly sheet: string;
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly issues: readonly Issue[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The analysis' issues by sheet, then by code, most severe first. */
export function groupIssues(analysis: WorkbookAnalysis | null): IssueGroup[] {
  if (analysis === null) return [];
  const groups: IssueGroup[] = [];
  for (const sheet of analysis.sheets) {
    const byCode = new Map<IssueCode, Issue[]>();
    for (const issue of sheet.issues) {
      const list = byCode.get(issue.code);
      if (list) list.push(issue);
      else byCode.set(issue.code, [issue]);
    }
    const sheetGroups = [...byCode].map(([code, issues]) => ({
      sheet: sheet.sheet,
      code,
      severity: issues.reduce<Severity>(
        (worst, i) => (RANK[i.severity] < RANK[worst] ? i.severity : worst),
        'info',
      ),
      issues,
    }));
    // Array.prototype.sort is stable: codes keep their order of first appearance within a severity.
    sheetGroups.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    groups.push(...sheetGroups);
  }
  return groups;
}
