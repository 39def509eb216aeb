import type { PlanRow } from '../planRow';
import { normalizeText } from '../normalizeText';
import { hashText, rowFingerprint } from '../workbookRecord/rowIdentity';

export type RowMatch =
  | { readonly kind: 'one'; readonly row: PlanRow; readonly by: 'key' | 'seq_name' | 'name' }
  | { readonly kind: 'none' }
  | { readonly kind: 'many' };

function push(map: Map<string, PlanRow[]>, key: string, row: PlanRow): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [row]);
  else list.push(row);
}

const nameOf = (row: PlanRow): string | null =>
  row.name === null ? null : normalizeText(row.name);
const seqNameOf = (row: PlanRow): string | null => {
  const name = nameOf(row);
  return name === null || row.seq === null ? null : `${normalizeText(row.seq)}\u0001${name}`;
};

/**
 * Finds master rows for returned rows: by the identity key a split file carries (survives sorting
 * and renumbering) or the row's own name and units, else by 序号 and name, else by name alone. A key or
 * text that fits more than one master row matches none of them for certain: 'many'.
 */
export class MasterRows {
  private readonly byKey = new Map<string, PlanRow[]>();
  private readonly bySeqName = new Map<string, PlanRow[]>();
  private readonly byName = new Map<string, PlanRow[]>();

  constructor(rows: readonly PlanRow[]) {
    for (const row of rows) {
      push(this.byKey, hashText(rowFingerprint(row)), row);
      const seqName = seqNameOf(row);
      if (seqName !== null) push(this.bySeqName, seqName, row);
      const name = nameOf(row);
      if (name !== null) push(this.byName, name, row);
    }
  }

  match(row: PlanRow, key: string | null): RowMatch {
    // The key a split file carries; else the return row's own, which a copy of the master has
    // as long as its name and units are as the master's.
    const byKey = this.byKey.get(key ?? hashText(rowFingerprint(row)));
    if (byKey?.length === 1) return { kind: 'one', row: byKey[0] as PlanRow, by: 'key' };
    const seqName = seqNameOf(row);
    const bySeq = seqName === null ? undefined : this.bySeqName.get(seqName);
    if (bySeq?.length === 1) return { kind: 'one', row: bySeq[0] as PlanRow, by: 'seq_name' };
    const name = nameOf(row);
    const byName = name === null ? undefined : this.byName.get(name);
    if (byName?.length === 1) return { kind: 'one', row: byName[0] as PlanRow, by: 'name' };
    if ((byKey?.length ?? 0) > 1 || (bySeq?.length ?? 0) > 1 || (byName?.length ?? 0) > 1) {
      return { kind: 'many' };
    }
    return { kind: 'none' };
  }
}
