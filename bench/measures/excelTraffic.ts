import { rowBlocks } from '../../src/core/workbookRecord/cellRect';
import { MINIMUM_CAPABILITIES } from '../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../src/adapters/office/OfficeWorkbook';
import { LIMITS } from '../../src/adapters/office/requestBudget';
import type { PaintPlan } from '../../src/core/paintPlan';
import { addPlanTable } from '../../test/adapters/office/planTable';
import { RecordingExcel } from '../../test/fakes/recordingExcel';
import type { BenchContext, Figure } from '../figure';
import { naivePaint } from '../naivePainter';

/** Largest request the issue allows (Excel on the web refuses 5 MB; we keep far below). */
const MAX_REQUEST = 1_000_000;
/** What a proxy budget allows per address chunk or row block, and once per paint. */
const PROXIES_PER_UNIT = 4;
const PROXIES_FIXED = 64;

interface Traffic {
  readonly syncs: number;
  readonly proxies: number;
  readonly largestRequest: number;
  readonly totalRequest: number;
  /** Address chunks (RangeAreas given a fill) plus row blocks (status column, fill checks). */
  readonly units: number;
  readonly unitsNote: string;
}

/**
 * A fresh sheet with the test suite's plan table (statuses scattered at random: ≈15% lagging,
 * ≈15% severe, ≈10% done, ≈3% unknown; a section row every 500) and a few user fills, so the
 * adapter also reads fills cell by cell where they differ.
 */
function makeSheet(rows: number): { excel: RecordingExcel; plan: PaintPlan } {
  const excel = new RecordingExcel();
  const { sheet, plan } = addPlanTable(excel, { rows });
  sheet.setFill('B10:C10', '#FFFF00');
  sheet.setFill('A40:J42', '#DDEBF7');
  excel.resetStats();
  return { excel, plan };
}

function trafficOf(excel: RecordingExcel): Omit<Traffic, 'units' | 'unitsNote'> {
  return {
    syncs: excel.stats.syncs,
    proxies: excel.stats.proxies,
    largestRequest: excel.largestRequest,
    totalRequest: excel.stats.requests.reduce((n, r) => n + r.bytes, 0),
  };
}

async function adapterPaint(rows: number): Promise<Traffic> {
  const { excel, plan } = makeSheet(rows);
  await new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES }).applyPaint(plan);
  // Counted from what was sent and from the adapter's documented block sizes, not its internals.
  const chunks = new Set(
    excel.stats.writes
      .filter((w) => w.sheet === plan.sheet && w.what === 'fill')
      .map((w) => w.address),
  ).size;
  const top = plan.origin.row + plan.firstRow;
  const bottom = top + plan.codes.length - 1;
  const statusBlocks = Math.ceil(plan.codes.length / LIMITS.blockRows);
  const checkBlocks = rowBlocks(
    { top, bottom, left: plan.origin.col + plan.left, right: plan.origin.col + plan.right },
    LIMITS.fillBlockCells,
  ).length;
  return {
    ...trafficOf(excel),
    units: chunks + statusBlocks + checkBlocks,
    unitsNote: `${chunks} fill chunks + ${statusBlocks} status blocks + ${checkBlocks} fill-check blocks`,
  };
}

async function naive(rows: number): Promise<Omit<Traffic, 'units' | 'unitsNote'>> {
  const { excel, plan } = makeSheet(rows);
  await excel.run((ctx) => naivePaint(ctx, plan));
  return trafficOf(excel);
}

const label = (n: number): string => n.toLocaleString('en-US').replace(/,/g, '_');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;

/**
 * Office.js traffic of painting a plan through the Office adapter over the recording fake, at
 * 10,000 and 100,000 rows, beside a naive painter (one range per row) over the same fake. Counts
 * and bytes are deterministic, so every figure here is structural and enforced in CI too.
 */
export async function measureExcelTraffic(_ctx: BenchContext): Promise<Figure[]> {
  const sizes = [10_000, 100_000];
  const figures: Figure[] = [];
  const ours = new Map<number, Traffic>();
  for (const rows of sizes) {
    const t = await adapterPaint(rows);
    const n = await naive(rows);
    ours.set(rows, t);
    const p = `excel.paint.${label(rows)}`;
    figures.push({
      name: `${p}.syncs`,
      value: t.syncs,
      unit: 'syncs',
      structural: true,
      note: `naive: ${n.syncs} (everything in one request)`,
    });
    figures.push({
      name: `${p}.largest_request`,
      value: t.largestRequest,
      unit: 'bytes',
      budget: MAX_REQUEST,
      structural: true,
      note: `all requests ${mb(t.totalRequest)}; naive: largest ${mb(n.largestRequest)}${
        n.largestRequest > 5e6 ? ', over the 5 MB Excel on the web accepts' : ''
      } (${(n.largestRequest / t.largestRequest).toFixed(0)}x)`,
    });
    figures.push({
      name: `${p}.proxies`,
      value: t.proxies,
      unit: 'proxies',
      budget: PROXIES_PER_UNIT * t.units + PROXIES_FIXED,
      structural: true,
      note:
        `${PROXIES_PER_UNIT} per unit + ${PROXIES_FIXED}, units: ${t.unitsNote}; ` +
        `${((t.proxies / rows) * 1000).toFixed(1)} per 1,000 rows; ` +
        `naive: ${n.proxies.toLocaleString('en-US')} (${(n.proxies / t.proxies).toFixed(0)}x)`,
    });
  }
  const small = ours.get(sizes[0] as number) as Traffic;
  const large = ours.get(sizes[1] as number) as Traffic;
  figures.push({
    name: `excel.paint.syncs_added_${label(sizes[0] as number)}_to_${label(sizes[1] as number)}`,
    value: large.syncs - small.syncs,
    unit: 'syncs',
    budget: 0,
    structural: true,
    note: `proxies x${(large.proxies / small.proxies).toFixed(1)} for rows x${(
      (sizes[1] as number) / (sizes[0] as number)
    ).toFixed(0)}, units x${(large.units / small.units).toFixed(1)}`,
  });
  return figures;
}
