import type { CollectResult } from '../core/collect/collectReturns';
import type { Lang } from '../core/issue';

/** The JSON `tricolor collect --report` writes (docs/report-format.md, "collect"). */
export interface CollectReport {
  readonly schemaVersion: 1;
  readonly kind: 'collect';
  readonly master: string;
  readonly sheet: string;
  readonly generatedAt: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly lang: Lang;
  readonly changes: readonly {
    sheet: string;
    cell: string;
    field: string;
    old: string;
    new: string;
    file: string;
  }[];
  readonly conflicts: readonly {
    file: string;
    sheet: string | null;
    cell: string | null;
    code: string;
    message: string;
  }[];
  readonly notReturned: readonly string[];
}

export function buildCollectReport(
  result: CollectResult,
  meta: {
    master: string;
    generatedAt: string;
    tool: { name: string; version: string };
    lang: Lang;
  },
): CollectReport {
  return {
    schemaVersion: 1,
    kind: 'collect',
    master: meta.master,
    sheet: result.sheet,
    generatedAt: meta.generatedAt,
    tool: meta.tool,
    lang: meta.lang,
    changes: result.changes.map((c) => ({
      sheet: c.sheet,
      cell: c.cell,
      field: c.field,
      old: c.old,
      new: c.new,
      file: c.file,
    })),
    conflicts: result.conflicts.map((c) => ({
      file: c.file,
      sheet: c.sheet,
      cell: c.cell,
      code: c.code,
      message: c.message,
    })),
    notReturned: [...result.notReturned],
  };
}
