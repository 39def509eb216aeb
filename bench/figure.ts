/** One printed benchmark figure: `name: value unit (budget: B) ok|OVER`. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Upper bound; absent for figures printed for information only. */
  readonly budget?: number;
  /** Structural budgets (counts, bytes) fail CI; timing budgets are enforced only in full runs. */
  readonly structural?: boolean;
  /** Extra context printed after the verdict (e.g. the naive approach's figure). */
  readonly note?: string;
}

export interface BenchContext {
  /** Short form for CI: small sizes, timings printed but not enforced. */
  readonly short: boolean;
  readonly runs: number;
}

/** The engine measure is synchronous; the others wait on files, child processes or a browser. */
export type Measure = (ctx: BenchContext) => Figure[] | Promise<Figure[]>;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function formatFigure(f: Figure, enforced: boolean): string {
  const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2);
  const budget = f.budget === undefined ? '' : ` (budget: ${f.budget})`;
  let verdict = '';
  if (f.budget !== undefined) {
    const over = f.value > f.budget;
    verdict = over ? (enforced ? ' OVER' : ' over (not enforced in short runs)') : ' ok';
  }
  return `${f.name}: ${value} ${f.unit}${budget}${verdict}${f.note ? `  — ${f.note}` : ''}`;
}
