import type { ColumnOverrides, WorkbookAnalysis } from '../core/analysis';
import { bulletinSummaryFor } from '../core/bulletin/buildBulletin';
import type { BulletinSummary } from '../core/bulletin/summarize';
import { changedRows, type ChangedRow } from '../core/history/changedRows';
import type { ChangesSummary } from '../core/history/changesSummary';
import { parseIsoDay, type DayNumber } from '../core/dates';
import type { DocumentSettings } from '../core/documents/documentSettings';
import type { FieldKey } from '../core/fields';
import type { SheetGrid } from '../core/grid';
import type { Issue, Lang } from '../core/issue';
import type { PaintPlan } from '../core/paintPlan';
import { defaultRules, resolveRules, type RuleInput, type RuleSet } from '../core/rules';
import { emptyCounts, STATUSES, type Counts } from '../core/status';
import { canActivateSheets, canSelectCells } from '../port/optionalPorts';
import type { PortError, SheetInfo, WorkbookPort, WorkbookSettings } from '../port/WorkbookPort';
import { replaceSheets } from './analyzeInChunks';
import type { CollectResult, ReadTable, ReturnFile } from '../core/collect/collectReturns';
import { DEFAULT_FILL_FIELDS } from '../core/collect/fillFields';
import { canWriteValues } from '../port/optionalPorts';
import {
  applyCollect,
  planCollect,
  undoCollect,
  withUnreadable,
  type UnreadableReturn,
} from './collectWorkflow';
import {
  changesOfRun,
  clearHistories,
  compareWithHistories,
  readHistories,
  recordHistories,
} from './history';
import {
  analyze,
  clearSheets,
  paintSheets,
  readSheets,
  settingsAfterPaint,
  writeBulletin,
} from './workflow';

export type Phase = 'read' | 'analyze' | 'paint' | 'clear' | 'bulletin';

/** The returns read for 汇总, what collecting them would do, and whether it was applied. */
export interface CollectView {
  readonly result: CollectResult;
  /** How many files were given. */
  readonly files: number;
  readonly applied: boolean;
  /** The record sheet written by 应用, when it wrote one. */
  readonly recordSheet: string | null;
  /** After 撤销汇总: how many cells got their old value back, and those edited since. */
  readonly undone: { readonly restored: number; readonly editedSince: readonly string[] } | null;
}

export interface WorkProgress {
  readonly phase: Phase;
  /** Fraction done, 0..1. */
  readonly value: number;
}

/** What the session has to tell the user, as data: the pane words it in its language. */
export type SessionNotice =
  | { readonly intent: 'error'; readonly kind: 'error'; readonly error: unknown }
  | {
      readonly intent: 'warning';
      readonly kind: 'settingsNotSaved' | 'paintNoTable' | 'bulletinNoTable';
    }
  | { readonly intent: 'success'; readonly kind: 'cleared' | 'historyCleared' }
  | { readonly intent: 'warning'; readonly kind: 'bulletinNotShown'; readonly sheet: string }
  /** Sheets left alone (protected), with the adapters' sentences, and rows not followed for certain. */
  | {
      readonly intent: 'warning';
      readonly kind: 'partly';
      readonly skipped: readonly PortError[];
      readonly issues: readonly Issue[];
    };

export interface SheetCounts {
  readonly sheet: string;
  readonly counts: Counts;
}

/** What the last run painted. */
export interface PaintResult {
  readonly asOf: DayNumber;
  readonly sheets: readonly SheetCounts[];
  readonly total: Counts;
  /** The labels and colours it was painted with. */
  readonly rules: RuleSet;
}

/** The cell the user asked to see; seq changes on every request so the same cell can be re-shown. */
export interface CellFocus {
  readonly sheet: string;
  readonly cell: string;
  readonly seq: number;
}

/** What the last bulletin run wrote, and the figures it reports. */
export interface BulletinResult {
  readonly asOf: DayNumber;
  /** The sheets written, as the workbook named them (a user's sheet of the same name is kept). */
  readonly sheets: readonly string[];
  /** The draft paragraph. */
  readonly text: string;
  readonly summary: BulletinSummary;
  readonly rules: RuleSet;
}

/** What the last 标注 found against the previous period (the 变化 view). */
export interface RunChanges {
  readonly asOf: DayNumber;
  /** The previous report date, "YYYY-MM-DD"; null when the history holds none before this one. */
  readonly previousAsOf: string | null;
  /** Rows whose status moved, worst first. */
  readonly rows: readonly ChangedRow[];
  readonly summary?: ChangesSummary;
}

export interface BulletinRequest {
  readonly asOf: DayNumber;
  readonly rules: RuleSet;
}

export interface PaintRequest {
  readonly asOf: DayNumber;
  readonly rules: RuleSet;
  /** What the user set, remembered in the workbook. */
  readonly ruleInput: RuleInput;
}

export interface SessionView {
  readonly state: 'empty' | 'loading' | 'ready' | 'failed';
  readonly sheets: readonly SheetInfo[];
  readonly grids: readonly SheetGrid[];
  readonly analysis: WorkbookAnalysis | null;
  readonly overrides: Readonly<Record<string, ColumnOverrides>>;
  /** The plan each sheet was last painted with, until it is cleared. */
  readonly painted: Readonly<Record<string, PaintPlan>>;
  readonly lastPaint: PaintResult | null;
  readonly lastBulletin: BulletinResult | null;
  /** File mode: the bulletin sheets written in this session, read back to be shown as grids. */
  readonly bulletinGrids: readonly SheetGrid[];
  readonly progress: WorkProgress | null;
  readonly busy: boolean;
  readonly notice: SessionNotice | null;
  readonly settings: WorkbookSettings | null;
  readonly focus: CellFocus | null;
  /** Month over month, from the last 标注; null before one. */
  readonly changes: RunChanges | null;
  /** 汇总: the returns' preview, until another workbook is opened. */
  readonly collect: CollectView | null;
}

export const EMPTY_VIEW: SessionView = {
  state: 'empty',
  sheets: [],
  grids: [],
  analysis: null,
  overrides: {},
  painted: {},
  lastPaint: null,
  lastBulletin: null,
  bulletinGrids: [],
  progress: null,
  busy: false,
  notice: null,
  settings: null,
  focus: null,
  changes: null,
  collect: null,
};

export interface SessionOptions {
  readonly lang: Lang;
  /** Today as "YYYY-MM-DD": the report date a first analysis uses. */
  readonly today: string;
}

interface RunOptions {
  readonly asOf: DayNumber;
  readonly rules: RuleSet;
}

function totalOf(list: readonly SheetCounts[]): Counts {
  const total = emptyCounts();
  for (const { counts } of list) for (const s of STATUSES) total[s] += counts[s];
  return total;
}

/**
 * Everything the pane knows about one workbook, and the actions on it: read, detect, re-detect
 * with the user's column choices, paint, clear, bulletin. Plain TypeScript: the pane subscribes
 * to its view; the work itself is the workflow the command line runs too (workflow.ts).
 */
export class WorkbookSession {
  private view: SessionView = EMPTY_VIEW;
  private readonly listeners = new Set<() => void>();
  private port: WorkbookPort | null = null;
  private run: RunOptions;
  private generation = 0;
  private running = false;
  private focusSeq = 0;

  constructor(private options: SessionOptions) {
    this.run = { asOf: 0, rules: defaultRules(options.lang) };
  }

  setOptions(options: SessionOptions): void {
    this.options = options;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getView = (): SessionView => this.view;

  private commit(patch: Partial<SessionView>): void {
    // Progress moves in whole percents: finer ticks would only re-render the pane for nothing.
    const keys = Object.keys(patch);
    if (keys.length === 1 && patch.progress && this.view.progress) {
      const before = this.view.progress;
      const same =
        before.phase === patch.progress.phase &&
        Math.floor(before.value * 100) === Math.floor(patch.progress.value * 100);
      if (same) return;
    }
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }

  private progress(phase: Phase, gen: number): (done: number, total: number) => void {
    return (done, total) => {
      if (gen === this.generation) {
        this.commit({ progress: { phase, value: total > 0 ? done / total : 1 } });
      }
    };
  }

  private analyze(
    grids: readonly SheetGrid[],
    overrides: Readonly<Record<string, ColumnOverrides>>,
    gen: number,
  ): Promise<WorkbookAnalysis> {
    const { asOf, rules } = this.run;
    return analyze(
      grids,
      { asOf, rules, lang: this.options.lang, overrides },
      this.progress('analyze', gen),
    );
  }

  /** Runs an action unless another one is running; failures become an error notice. */
  private async exclusive(action: (p: WorkbookPort, gen: number) => Promise<void>): Promise<void> {
    const p = this.port;
    if (this.running || p === null) return;
    this.running = true;
    const gen = this.generation;
    this.commit({ busy: true, notice: null });
    try {
      await action(p, gen);
    } catch (error) {
      if (gen === this.generation)
        this.commit({ notice: { intent: 'error', kind: 'error', error } });
    } finally {
      // A workbook opened meanwhile has its own load running: leave its busy flag alone.
      if (gen === this.generation) {
        this.running = false;
        this.commit({ busy: false, progress: null });
      }
    }
  }

  /** Opens a workbook (null: none), reading and analysing it at today's date. */
  async open(port: WorkbookPort | null): Promise<void> {
    this.port = port;
    const gen = ++this.generation;
    if (port === null) {
      this.running = false;
      this.view = EMPTY_VIEW;
      for (const l of this.listeners) l();
      return;
    }
    this.running = true;
    this.view = { ...EMPTY_VIEW, state: 'loading', busy: true };
    for (const l of this.listeners) l();
    try {
      const settings = await port.loadSettings();
      const resolved = resolveRules(settings.rules ?? {}, this.options.lang);
      this.run = {
        asOf: parseIsoDay(this.options.today) ?? 0,
        rules: resolved.ok ? resolved.value : defaultRules(this.options.lang),
      };
      const overrides = { ...(settings.overrides ?? {}) };
      const read = await readSheets(port, [], this.progress('read', gen));
      if (gen !== this.generation) return;
      const analysis = await this.analyze(read.grids, overrides, gen);
      if (gen !== this.generation) return;
      this.commit({ state: 'ready', settings, overrides, analysis, ...read });
    } catch (error) {
      if (gen === this.generation) {
        this.commit({ state: 'failed', notice: { intent: 'error', kind: 'error', error } });
      }
    } finally {
      if (gen === this.generation) {
        this.running = false;
        this.commit({ busy: false, progress: null });
      }
    }
  }

  async reload(): Promise<void> {
    if (this.port !== null && !this.running) await this.open(this.port);
  }

  private async saveSettings(p: WorkbookPort, settings: WorkbookSettings): Promise<void> {
    try {
      await p.saveSettings(settings);
      this.commit({ settings });
    } catch {
      this.commit({ notice: { intent: 'warning', kind: 'settingsNotSaved' } });
    }
  }

  /** Inside Excel the user may have edited the sheets since they were read: read them again. */
  private async fresh(
    p: WorkbookPort,
    gen: number,
  ): Promise<{ sheets: readonly SheetInfo[]; grids: readonly SheetGrid[] }> {
    if (!p.features.live) return { sheets: this.view.sheets, grids: this.view.grids };
    return readSheets(p, [], this.progress('read', gen));
  }

  private remap(
    sheet: string,
    next: (current: ColumnOverrides) => ColumnOverrides | null,
  ): Promise<void> {
    return this.exclusive(async (p, gen) => {
      const current = this.view;
      if (current.analysis === null) return;
      const grid = current.grids.find((g) => g.name === sheet);
      if (grid === undefined) return;
      const overrides: Record<string, ColumnOverrides> = { ...current.overrides };
      const updated = next(overrides[sheet] ?? {});
      if (updated === null) delete overrides[sheet];
      else overrides[sheet] = updated;
      const one = await this.analyze([grid], overrides, gen);
      if (gen !== this.generation) return;
      const order = current.grids.map((g) => g.name);
      this.commit({ overrides, analysis: replaceSheets(current.analysis, one, order) });
      await this.saveSettings(p, { ...(this.view.settings ?? {}), overrides });
    });
  }

  readonly setOverride = (sheet: string, field: FieldKey, column: string | null): Promise<void> =>
    this.remap(sheet, (current) => ({ ...current, [field]: column }));

  readonly resetOverrides = (sheet: string): Promise<void> => this.remap(sheet, () => null);

  readonly paint = (request: PaintRequest): Promise<void> =>
    this.exclusive(async (p, gen) => {
      this.run = { asOf: request.asOf, rules: request.rules };
      const { grids, sheets } = await this.fresh(p, gen);
      if (gen !== this.generation) return;
      const analysis = await this.analyze(grids, this.view.overrides, gen);
      if (gen !== this.generation) return;
      this.commit({ analysis, grids, sheets });
      if (analysis.sheets.length === 0) {
        this.commit({ notice: { intent: 'warning', kind: 'paintNoTable' } });
        return;
      }
      // The comparison is with the history as it was before this date is recorded in it.
      const histories = await readHistories(
        p,
        analysis.sheets.map((s) => s.sheet),
      );
      const compared = compareWithHistories(analysis, histories);
      const outcome = await paintSheets(
        p,
        analysis,
        this.options.lang,
        this.progress('paint', gen),
      );
      await recordHistories(
        p,
        analysis,
        histories,
        outcome.painted.map(({ sheet }) => sheet.sheet),
      );
      const summary = changesOfRun(analysis, compared);
      this.commit({
        changes: {
          asOf: request.asOf,
          previousAsOf: summary?.previousAsOf ?? null,
          rows: changedRows(analysis.sheets, compared),
          ...(summary ? { summary } : {}),
        },
      });
      const painted: Record<string, PaintPlan> = { ...this.view.painted };
      for (const { sheet } of outcome.painted) painted[sheet.sheet] = sheet.paint;
      const counts = outcome.painted.map(({ sheet }) => ({
        sheet: sheet.sheet,
        counts: sheet.counts,
      }));
      this.commit({
        painted,
        lastPaint: {
          asOf: request.asOf,
          sheets: counts,
          total: totalOf(counts),
          rules: request.rules,
        },
        progress: { phase: 'paint', value: 1 },
      });
      await this.saveSettings(
        p,
        settingsAfterPaint(
          this.view.settings ?? {},
          request.ruleInput,
          this.view.overrides,
          request.asOf,
        ),
      );
      if (outcome.skipped.length > 0 || outcome.issues.length > 0) {
        this.commit({
          notice: {
            intent: 'warning',
            kind: 'partly',
            skipped: outcome.skipped,
            issues: outcome.issues,
          },
        });
      }
    });

  readonly clear = (): Promise<void> =>
    this.exclusive(async (p, gen) => {
      let { analysis } = this.view;
      if (p.features.live) {
        // The rows may have moved since the paint: find them where they are now.
        const read = await this.fresh(p, gen);
        analysis = await this.analyze(read.grids, this.view.overrides, gen);
        if (gen !== this.generation) return;
        this.commit({ analysis, ...read });
      }
      const outcome = await clearSheets(
        p,
        analysis,
        Object.keys(this.view.painted),
        this.options.lang,
        this.progress('clear', gen),
      );
      this.commit({ painted: {}, lastPaint: null });
      if (outcome.skipped.length > 0 || outcome.issues.length > 0) {
        this.commit({
          notice: {
            intent: 'warning',
            kind: 'partly',
            skipped: outcome.skipped,
            issues: outcome.issues,
          },
        });
      } else this.commit({ notice: { intent: 'success', kind: 'cleared' } });
    });

  readonly bulletin = (request: BulletinRequest): Promise<void> =>
    this.exclusive(async (p, gen) => {
      let { analysis } = this.view;
      const sameRun =
        this.run.asOf === request.asOf &&
        JSON.stringify(this.run.rules) === JSON.stringify(request.rules);
      // Inside Excel the sheets may have changed since they were read; elsewhere the analysis
      // is reused when it was made at this report date with these rules.
      if (p.features.live || analysis === null || !sameRun) {
        const read = await this.fresh(p, gen);
        this.run = { asOf: request.asOf, rules: request.rules };
        analysis = await this.analyze(read.grids, this.view.overrides, gen);
        if (gen !== this.generation) return;
        this.commit({ analysis, ...read });
      }
      if (analysis.sheets.length === 0) {
        this.commit({ notice: { intent: 'warning', kind: 'bulletinNoTable' } });
        return;
      }
      const histories = await readHistories(
        p,
        analysis.sheets.map((s) => s.sheet),
      );
      const changes = changesOfRun(analysis, compareWithHistories(analysis, histories));
      const made = bulletinSummaryFor(analysis.sheets, request.asOf, {
        lang: this.options.lang,
        rules: request.rules,
        ...(changes ? { changes } : {}),
      });
      const written = await writeBulletin(
        p,
        analysis,
        request.asOf,
        request.rules,
        this.options.lang,
        this.progress('bulletin', gen),
        made,
      );
      if (gen !== this.generation) return;
      // A file shows the new sheets beside the plan tables, read back as the file holds them.
      let bulletinGrids = this.view.bulletinGrids;
      if (!p.features.live) {
        const read: SheetGrid[] = [];
        for (const name of written.sheets) read.push(await p.readSheet(name));
        if (gen !== this.generation) return;
        const names = new Set(read.map((g) => g.name));
        bulletinGrids = [...bulletinGrids.filter((g) => !names.has(g.name)), ...read];
      }
      const first = written.sheets[0];
      this.commit({
        bulletinGrids,
        lastBulletin: {
          asOf: request.asOf,
          sheets: written.sheets,
          text: written.book.text,
          summary: written.summary,
          rules: request.rules,
        },
        progress: { phase: 'bulletin', value: 1 },
        ...(first === undefined ? {} : { focus: { sheet: first, cell: '', seq: ++this.focusSeq } }),
      });
      // Excel shows the summary sheet when its adapter can switch sheets.
      if (first !== undefined && canActivateSheets(p)) {
        try {
          await p.activateSheet(first);
        } catch {
          this.commit({ notice: { intent: 'warning', kind: 'bulletinNotShown', sheet: first } });
        }
      }
    });

  readonly selectIssue = async (target: {
    readonly sheet: string;
    readonly cell: string;
  }): Promise<void> => {
    this.commit({ focus: { ...target, seq: ++this.focusSeq } });
    const p = this.port;
    if (p === null || target.cell === '' || !canSelectCells(p)) return;
    try {
      await p.selectCell(target.sheet, target.cell);
    } catch (error) {
      this.commit({ notice: { intent: 'error', kind: 'error', error } });
    }
  };

  /** The master table of 汇总: the first analysed sheet, as read. */
  private masterTable(): ReadTable | null {
    const analysis = this.view.analysis?.sheets[0];
    const grid = this.view.grids.find((g) => g.name === analysis?.sheet);
    return analysis === undefined || grid === undefined ? null : { grid, analysis };
  }

  /** 汇总, first step: what the returns would change in the master and what they leave alone. */
  readonly previewCollect = (
    returns: readonly ReturnFile[],
    unreadable: readonly UnreadableReturn[],
  ): void => {
    const master = this.masterTable();
    if (master === null) return;
    const { lang } = this.options;
    const planned = planCollect(master, returns, lang, DEFAULT_FILL_FIELDS);
    const result = withUnreadable(planned, unreadable, lang);
    const files = returns.length + unreadable.length;
    this.commit({
      collect: { result, files, applied: false, recordSheet: null, undone: null },
    });
  };

  /** 应用: writes the previewed changes and the record sheet, then reads the workbook again. */
  readonly applyCollect = (): Promise<void> =>
    this.exclusive(async (p) => {
      const view = this.view.collect;
      if (view === null || view.applied || !canWriteValues(p)) return;
      const day = parseIsoDay(this.options.today) ?? this.run.asOf;
      const { recordSheet } = await applyCollect(p, view.result, this.options.lang, day);
      await this.refresh(p);
      this.commit({ collect: { ...view, applied: true, recordSheet } });
    });

  /** 撤销汇总: puts back the old values of the newest collect into the master sheet. */
  readonly undoCollect = (): Promise<void> =>
    this.exclusive(async (p) => {
      const sheet = this.view.collect?.result.sheet ?? this.view.analysis?.sheets[0]?.sheet;
      if (sheet === undefined || !canWriteValues(p)) return;
      const undone = await undoCollect(p, sheet);
      await this.refresh(p);
      const view = this.view.collect;
      if (view !== null) this.commit({ collect: { ...view, applied: false, undone } });
    });

  /** Reads and analyses the workbook again after a collect changed its cells. */
  private async refresh(p: WorkbookPort): Promise<void> {
    const read = await readSheets(p, [], this.progress('read', this.generation));
    const analysis = await this.analyze(read.grids, this.view.overrides, this.generation);
    this.commit({ analysis, ...read });
  }

  /** Remembers the documents' settings in the workbook; false when it could not. */
  readonly saveDocuments = async (documents: DocumentSettings): Promise<boolean> => {
    const p = this.port;
    if (p === null) return false;
    const settings: WorkbookSettings = { ...(this.view.settings ?? {}), documents };
    try {
      await p.saveSettings(settings);
      this.commit({ settings });
      return true;
    } catch {
      return false;
    }
  };

  /** Forgets every analysed sheet's history of statuses (the 变化 view's 清除历史). */
  readonly clearHistory = (): Promise<void> =>
    this.exclusive(async (p) => {
      const sheets = (this.view.analysis?.sheets ?? []).map((s) => s.sheet);
      await clearHistories(p, sheets);
      this.commit({ changes: null, notice: { intent: 'success', kind: 'historyCleared' } });
    });

  readonly dismissNotice = (): void => this.commit({ notice: null });
}
