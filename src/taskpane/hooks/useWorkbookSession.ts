import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnOverrides, WorkbookAnalysis } from '../../core/analysis';
import { buildBulletin } from '../../core/bulletin/buildBulletin';
import { summarizeBulletin, type BulletinSummary } from '../../core/bulletin/summarize';
import { parseIsoDay, formatIsoDay, type DayNumber } from '../../core/dates';
import type { DocumentSettings } from '../../core/documents/documentSettings';
import type { FieldKey } from '../../core/fields';
import type { SheetGrid } from '../../core/grid';
import type { Lang } from '../../core/issue';
import { isOwnSheet } from '../../core/ownSheets';
import type { PaintPlan } from '../../core/paintPlan';
import { defaultRules, resolveRules, type RuleInput, type RuleSet } from '../../core/rules';
import { emptyCounts, STATUSES, type Counts } from '../../core/status';
import type { SheetInfo, WorkbookPort, WorkbookSettings } from '../../port/WorkbookPort';
import type { Strings } from '../i18n/strings';
import { describeError } from '../lib/describeError';
import { yieldToEventLoop } from '../lib/yieldToEventLoop';
import { analyzeInChunks, replaceSheets } from '../session/analyzeInChunks';
import { canActivateSheets, canSelectCells } from '../session/ports';

export type Phase = 'read' | 'analyze' | 'paint' | 'clear' | 'bulletin';

export interface WorkProgress {
  readonly phase: Phase;
  /** Fraction done, 0..1. */
  readonly value: number;
}

/** A message for the user, worded at render time so a language switch rewords it. */
export interface Notice {
  readonly intent: 'error' | 'warning' | 'success' | 'info';
  readonly text: (t: Strings, lang: Lang) => string;
}

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
  readonly notice: Notice | null;
  readonly settings: WorkbookSettings | null;
  readonly focus: CellFocus | null;
}

export interface Session extends SessionView {
  setOverride(sheet: string, field: FieldKey, column: string | null): Promise<void>;
  resetOverrides(sheet: string): Promise<void>;
  paint(request: PaintRequest): Promise<void>;
  clear(): Promise<void>;
  /** Builds the bulletin at the report date from the analysis and adds its sheets to the workbook. */
  bulletin(request: BulletinRequest): Promise<void>;
  selectIssue(target: { readonly sheet: string; readonly cell: string }): Promise<void>;
  /** Remembers the documents' settings in the workbook; false when it could not. */
  saveDocuments(documents: DocumentSettings): Promise<boolean>;
  dismissNotice(): void;
  reload(): Promise<void>;
}

const EMPTY: SessionView = {
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
};

interface RunOptions {
  asOf: DayNumber;
  rules: RuleSet;
}

function totalOf(list: readonly SheetCounts[]): Counts {
  const total = emptyCounts();
  for (const { counts } of list) for (const s of STATUSES) total[s] += counts[s];
  return total;
}

function errorNotice(err: unknown): Notice {
  return { intent: 'error', text: (t, lang) => describeError(err, t, lang) };
}

export interface SessionOptions {
  readonly lang: Lang;
  /** Today as "YYYY-MM-DD": the report date a first analysis uses. */
  readonly today: string;
}

/**
 * Everything the pane knows about one workbook, and the actions on it: read, detect, re-detect
 * with the user's column choices, paint, clear. Work is cut into steps that yield to the browser.
 */
export function useWorkbookSession(port: WorkbookPort | null, options: SessionOptions): Session {
  const [view, setView] = useState<SessionView>(EMPTY);
  // The latest view for async actions, which must not read a stale render's closure.
  const latest = useRef<SessionView>(EMPTY);
  const run = useRef<RunOptions>({ asOf: 0, rules: defaultRules(options.lang) });
  const generation = useRef(0);
  const busy = useRef(false);
  const focusSeq = useRef(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const commit = useCallback((patch: Partial<SessionView>) => {
    // Progress moves in whole percents: finer ticks would only re-render the pane for nothing.
    const keys = Object.keys(patch);
    if (keys.length === 1 && patch.progress && latest.current.progress) {
      const before = latest.current.progress;
      const same =
        before.phase === patch.progress.phase &&
        Math.floor(before.value * 100) === Math.floor(patch.progress.value * 100);
      if (same) return;
    }
    latest.current = { ...latest.current, ...patch };
    setView(latest.current);
  }, []);

  const readGrids = useCallback(
    async (
      p: WorkbookPort,
      gen: number,
    ): Promise<{ sheets: SheetInfo[]; grids: SheetGrid[] } | null> => {
      const sheets = await p.listSheets();
      // Hidden sheets and the sheets this add-in made (bulletins) hold no plan table to read.
      const visible = sheets.filter((s) => s.visible && !isOwnSheet(s.name));
      const grids: SheetGrid[] = [];
      for (let i = 0; i < visible.length; i++) {
        if (gen !== generation.current) return null;
        const n = visible.length;
        commit({ progress: { phase: 'read', value: i / n } });
        await yieldToEventLoop();
        const sheet = visible[i] as SheetInfo;
        grids.push(
          await p.readSheet(sheet.name, (done, total) => {
            if (gen === generation.current && total > 0) {
              commit({ progress: { phase: 'read', value: (i + done / total) / n } });
            }
          }),
        );
      }
      return { sheets, grids };
    },
    [commit],
  );

  const analyze = useCallback(
    async (grids: readonly SheetGrid[], overrides: Readonly<Record<string, ColumnOverrides>>) => {
      const { asOf, rules } = run.current;
      return analyzeInChunks(
        grids,
        { asOf, rules, lang: optionsRef.current.lang, overrides },
        (done, total) =>
          commit({ progress: { phase: 'analyze', value: total ? done / total : 1 } }),
      );
    },
    [commit],
  );

  /** Runs an action unless another one is running; failures become an error notice. */
  const exclusive = useCallback(
    async (action: (gen: number) => Promise<void>) => {
      if (busy.current) return;
      busy.current = true;
      const gen = generation.current;
      commit({ busy: true, notice: null });
      try {
        await action(gen);
      } catch (err) {
        if (gen === generation.current) commit({ notice: errorNotice(err) });
      } finally {
        // A workbook opened meanwhile has its own load running: leave its busy flag alone.
        if (gen === generation.current) {
          busy.current = false;
          commit({ busy: false, progress: null });
        }
      }
    },
    [commit],
  );

  const load = useCallback(
    async (p: WorkbookPort) => {
      const gen = ++generation.current;
      busy.current = true;
      latest.current = { ...EMPTY, state: 'loading', busy: true };
      setView(latest.current);
      try {
        const settings = await p.loadSettings();
        const resolved = resolveRules(settings.rules ?? {}, optionsRef.current.lang);
        run.current = {
          asOf: parseIsoDay(optionsRef.current.today) ?? 0,
          rules: resolved.ok ? resolved.value : defaultRules(optionsRef.current.lang),
        };
        const overrides = { ...(settings.overrides ?? {}) };
        const read = await readGrids(p, gen);
        if (read === null || gen !== generation.current) return;
        const analysis = await analyze(read.grids, overrides);
        if (gen !== generation.current) return;
        commit({ state: 'ready', settings, overrides, analysis, ...read });
      } catch (err) {
        if (gen === generation.current) commit({ state: 'failed', notice: errorNotice(err) });
      } finally {
        if (gen === generation.current) {
          busy.current = false;
          commit({ busy: false, progress: null });
        }
      }
    },
    [analyze, commit, readGrids],
  );

  useEffect(() => {
    if (port === null) {
      generation.current++;
      busy.current = false;
      latest.current = EMPTY;
      setView(EMPTY);
      return;
    }
    void load(port);
  }, [port, load]);

  const saveSettings = useCallback(
    async (p: WorkbookPort, patch: Partial<WorkbookSettings>): Promise<boolean> => {
      const settings: WorkbookSettings = { ...(latest.current.settings ?? {}), ...patch };
      try {
        await p.saveSettings(settings);
        commit({ settings });
        return true;
      } catch {
        return false;
      }
    },
    [commit],
  );

  const remap = useCallback(
    (sheet: string, next: (current: ColumnOverrides) => ColumnOverrides | null) =>
      exclusive(async (gen) => {
        const p = port;
        const current = latest.current;
        if (p === null || current.analysis === null) return;
        const grid = current.grids.find((g) => g.name === sheet);
        if (grid === undefined) return;
        const overrides: Record<string, ColumnOverrides> = { ...current.overrides };
        const updated = next(overrides[sheet] ?? {});
        if (updated === null) delete overrides[sheet];
        else overrides[sheet] = updated;
        const one = await analyze([grid], overrides);
        if (gen !== generation.current) return;
        const analysis = replaceSheets(
          current.analysis,
          one,
          current.grids.map((g) => g.name),
        );
        commit({ overrides, analysis });
        if (!(await saveSettings(p, { overrides }))) {
          commit({ notice: { intent: 'warning', text: (t) => t.settingsNotSaved } });
        }
      }),
    [analyze, commit, exclusive, port, saveSettings],
  );

  const setOverride = useCallback(
    (sheet: string, field: FieldKey, column: string | null) =>
      remap(sheet, (current) => ({ ...current, [field]: column })),
    [remap],
  );

  const resetOverrides = useCallback((sheet: string) => remap(sheet, () => null), [remap]);

  const paint = useCallback(
    (request: PaintRequest) =>
      exclusive(async (gen) => {
        const p = port;
        if (p === null) return;
        run.current = { asOf: request.asOf, rules: request.rules };
        let { grids, sheets } = latest.current;
        // Inside Excel the user may have edited the sheet since it was read: read it again.
        if (p.kind === 'office') {
          const read = await readGrids(p, gen);
          if (read === null) return;
          ({ grids, sheets } = read);
        }
        const analysis = await analyze(grids, latest.current.overrides);
        if (gen !== generation.current) return;
        commit({ analysis, grids, sheets });
        if (analysis.sheets.length === 0) {
          commit({ notice: { intent: 'warning', text: (t) => t.paint.noTable } });
          return;
        }
        const painted: Record<string, PaintPlan> = { ...latest.current.painted };
        const n = analysis.sheets.length;
        for (let i = 0; i < n; i++) {
          const sheet = analysis.sheets[i];
          if (sheet === undefined) continue;
          commit({ progress: { phase: 'paint', value: i / n } });
          await yieldToEventLoop();
          await p.applyPaint(sheet.paint, (done, total) => {
            if (total > 0) commit({ progress: { phase: 'paint', value: (i + done / total) / n } });
          });
          painted[sheet.sheet] = sheet.paint;
        }
        const counts = analysis.sheets.map((s) => ({ sheet: s.sheet, counts: s.counts }));
        commit({
          painted,
          lastPaint: {
            asOf: request.asOf,
            sheets: counts,
            total: totalOf(counts),
            rules: request.rules,
          },
          progress: { phase: 'paint', value: 1 },
        });
        const saved = await saveSettings(p, {
          rules: request.ruleInput,
          overrides: latest.current.overrides,
          lastAsOf: formatIsoDay(request.asOf),
        });
        if (!saved) commit({ notice: { intent: 'warning', text: (t) => t.settingsNotSaved } });
      }),
    [analyze, commit, exclusive, port, readGrids, saveSettings],
  );

  const clear = useCallback(
    () =>
      exclusive(async () => {
        const p = port;
        if (p === null) return;
        const current = latest.current;
        const names = new Set([
          ...(current.analysis?.sheets.map((s) => s.sheet) ?? []),
          ...Object.keys(current.painted),
        ]);
        const list = [...names];
        for (let i = 0; i < list.length; i++) {
          commit({ progress: { phase: 'clear', value: i / list.length } });
          await yieldToEventLoop();
          await p.clearPaint(list[i] as string);
        }
        commit({
          painted: {},
          lastPaint: null,
          notice: { intent: 'success', text: (t) => t.paint.cleared },
        });
      }),
    [commit, exclusive, port],
  );

  const bulletin = useCallback(
    (request: BulletinRequest) =>
      exclusive(async (gen) => {
        const p = port;
        if (p === null) return;
        let { analysis } = latest.current;
        const sameRun =
          run.current.asOf === request.asOf &&
          JSON.stringify(run.current.rules) === JSON.stringify(request.rules);
        // Inside Excel the sheets may have changed since they were read; elsewhere the analysis
        // is reused when it was made at this report date with these rules.
        if (p.kind === 'office' || analysis === null || !sameRun) {
          let { grids, sheets } = latest.current;
          if (p.kind === 'office') {
            const read = await readGrids(p, gen);
            if (read === null) return;
            ({ grids, sheets } = read);
          }
          run.current = { asOf: request.asOf, rules: request.rules };
          analysis = await analyze(grids, latest.current.overrides);
          if (gen !== generation.current) return;
          commit({ analysis, grids, sheets });
        }
        if (analysis.sheets.length === 0) {
          commit({ notice: { intent: 'warning', text: (t) => t.bulletin.noTable } });
          return;
        }
        commit({ progress: { phase: 'bulletin', value: 0 } });
        await yieldToEventLoop();
        const lang = optionsRef.current.lang;
        // Each a task of its own: on a long sheet each takes a good part of a second's budget.
        const book = buildBulletin(analysis.sheets, request.asOf, { lang, rules: request.rules });
        commit({ progress: { phase: 'bulletin', value: 0.3 } });
        await yieldToEventLoop();
        const summary = summarizeBulletin(analysis.sheets, request.asOf, lang);
        commit({ progress: { phase: 'bulletin', value: 0.5 } });
        await yieldToEventLoop();
        const written = await p.writeBulletin(book);
        if (gen !== generation.current) return;
        // File mode shows the new sheets beside the plan tables, read back as the file holds them.
        let bulletinGrids = latest.current.bulletinGrids;
        if (p.kind === 'xlsx') {
          const fresh: SheetGrid[] = [];
          for (const name of written.sheets) fresh.push(await p.readSheet(name));
          if (gen !== generation.current) return;
          const names = new Set(fresh.map((g) => g.name));
          bulletinGrids = [...bulletinGrids.filter((g) => !names.has(g.name)), ...fresh];
        }
        const first = written.sheets[0];
        commit({
          bulletinGrids,
          lastBulletin: {
            asOf: request.asOf,
            sheets: written.sheets,
            text: book.text,
            summary,
            rules: request.rules,
          },
          progress: { phase: 'bulletin', value: 1 },
          ...(first === undefined
            ? {}
            : { focus: { sheet: first, cell: '', seq: ++focusSeq.current } }),
        });
        // Excel shows the summary sheet when its adapter can switch sheets.
        if (first !== undefined && canActivateSheets(p)) {
          try {
            await p.activateSheet(first);
          } catch {
            commit({ notice: { intent: 'warning', text: (t) => t.bulletin.notShown(first) } });
          }
        }
      }),
    [analyze, commit, exclusive, port, readGrids],
  );

  const selectIssue = useCallback(
    async (target: { readonly sheet: string; readonly cell: string }) => {
      commit({ focus: { ...target, seq: ++focusSeq.current } });
      if (port === null || target.cell === '' || !canSelectCells(port)) return;
      try {
        await port.selectCell(target.sheet, target.cell);
      } catch (err) {
        commit({ notice: errorNotice(err) });
      }
    },
    [commit, port],
  );

  const saveDocuments = useCallback(
    async (documents: DocumentSettings) => port !== null && saveSettings(port, { documents }),
    [port, saveSettings],
  );

  const dismissNotice = useCallback(() => commit({ notice: null }), [commit]);

  const reload = useCallback(async () => {
    if (port !== null && !busy.current) await load(port);
  }, [load, port]);

  return {
    ...view,
    setOverride,
    resetOverrides,
    paint,
    clear,
    bulletin,
    selectIssue,
    saveDocuments,
    dismissNotice,
    reload,
  };
}
