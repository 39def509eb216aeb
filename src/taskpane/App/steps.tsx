import type { ReactNode } from 'react';
import type { Lang } from '../../core/issue';
import type { WorkbookPort } from '../../port/WorkbookPort';
import { BulletinStep } from '../components/BulletinStep/BulletinStep';
import { ChangesStep } from '../components/ChangesStep/ChangesStep';
import { CheckStep } from '../components/CheckStep/CheckStep';
import { CollectStep } from '../components/CollectStep/CollectStep';
import { readReturns } from '../collect/readReturns';
import { canWriteValues, type FilePort } from '../../port/optionalPorts';
import { DetectStep } from '../components/DetectStep/DetectStep';
import { PaintStep } from '../components/PaintStep/PaintStep';
import type { RuleForm } from '../hooks/useRuleForm';
import type { Session } from '../hooks/useWorkbookSession';
import type { Strings } from '../i18n/strings';

/** What a step sees: the workbook session, the rule form and the mode the pane runs in. */
export interface StepContext {
  readonly session: Session;
  readonly form: RuleForm;
  readonly mode: 'office' | 'file';
  /** Offers a file the pane made (a document) as a download. */
  readonly saveBytes: (bytes: Uint8Array, name: string, type?: string) => void;
  /** The workbook the session works on, for what a step must ask it directly (can it be written). */
  readonly port: WorkbookPort | null;
  readonly lang: Lang;
  /** Opens .xlsx bytes in a worker (the returns of 汇总), in Excel as in the browser. */
  readonly openXlsx: (data: ArrayBuffer, lang: Lang) => Promise<FilePort>;
}

/** One tab of the pane. A new step (the bulletin) is one more entry in STEPS. */
export interface StepDef {
  readonly id: string;
  readonly label: (t: Strings) => string;
  readonly render: (ctx: StepContext) => ReactNode;
}

const detect: StepDef = {
  id: 'detect',
  label: (t) => t.steps.detect,
  render: ({ session }) => (
    <DetectStep
      analysis={session.analysis}
      overrides={session.overrides}
      busy={session.busy}
      onChange={(sheet, field, letters) => void session.setOverride(sheet, field, letters)}
      onReset={(sheet) => void session.resetOverrides(sheet)}
    />
  ),
};

const check: StepDef = {
  id: 'check',
  label: (t) => t.steps.check,
  render: ({ session }) => (
    <CheckStep analysis={session.analysis} onSelect={(issue) => void session.selectIssue(issue)} />
  ),
};

const paint: StepDef = {
  id: 'paint',
  label: (t) => t.steps.paint,
  render: ({ session, form, mode }) => (
    <PaintStep
      form={form}
      busy={session.busy}
      progress={session.progress}
      lastPaint={session.lastPaint}
      canRun={(session.analysis?.sheets.length ?? 0) > 0}
      // Inside Excel a chart from an earlier session may be there: clearing is always offered.
      canClear={
        mode === 'office' ? session.analysis !== null : Object.keys(session.painted).length > 0
      }
      onRun={() => {
        const r = form.resolved;
        if (r.ok) void session.paint({ asOf: r.asOf, rules: r.rules, ruleInput: r.input });
      }}
      onClear={() => void session.clear()}
    />
  ),
};

const changes: StepDef = {
  id: 'changes',
  label: (t) => t.steps.changes,
  render: ({ session }) => (
    <ChangesStep
      changes={session.changes}
      rules={session.lastPaint?.rules ?? null}
      busy={session.busy}
      onSelect={(row) => void session.selectIssue(row)}
      onClearHistory={() => void session.clearHistory()}
    />
  ),
};

const bulletin: StepDef = {
  id: 'bulletin',
  label: (t) => t.steps.bulletin,
  render: ({ session, form, saveBytes }) => (
    <BulletinStep
      form={form}
      busy={session.busy}
      progress={session.progress}
      result={session.lastBulletin}
      canRun={(session.analysis?.sheets.length ?? 0) > 0}
      onRun={() => {
        const r = form.resolved;
        if (r.ok) void session.bulletin({ asOf: r.asOf, rules: r.rules });
      }}
      documents={session.settings?.documents}
      onSaveDocuments={(d) => void session.saveDocuments(d)}
      saveFile={saveBytes}
    />
  ),
};

const collect: StepDef = {
  id: 'collect',
  label: (t) => t.steps.collect,
  render: ({ session, form, port, lang, openXlsx }) => (
    <CollectStep
      view={session.collect}
      busy={session.busy}
      canCollect={(session.analysis?.sheets.length ?? 0) > 0}
      canWrite={port !== null && canWriteValues(port)}
      onFiles={async (files) => {
        // The rules only say which column is the add-in's status column; the date matters not.
        const r = form.resolved;
        const read = await readReturns(
          files,
          {
            lang,
            asOf: r.ok ? r.asOf : 0,
            rules: r.ok ? r.rules : form.preview,
          },
          openXlsx,
        );
        session.previewCollect(read.returns, read.unreadable);
      }}
      onApply={() => void session.applyCollect()}
      onUndo={() => void session.undoCollect()}
      onSelect={(target) => void session.selectIssue(target)}
    />
  ),
};

export const STEPS: readonly StepDef[] = [detect, check, collect, paint, changes, bulletin];
