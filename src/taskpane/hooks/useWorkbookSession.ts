import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { DocumentSettings } from '../../core/documents/documentSettings';
import type { FieldKey } from '../../core/fields';
import type { WorkbookPort } from '../../port/WorkbookPort';
import {
  WorkbookSession,
  type BulletinRequest,
  type PaintRequest,
  type SessionOptions,
  type SessionView,
} from '../../session/WorkbookSession';
import { noticeOf } from '../lib/sessionNotice';
import type { Notice } from './notice';

export type {
  BulletinRequest,
  BulletinResult,
  CellFocus,
  CollectView,
  PaintRequest,
  PaintResult,
  Phase,
  RunChanges,
  SheetCounts,
  WorkProgress,
} from '../../session/WorkbookSession';
export type { Notice } from './notice';
export type { SessionOptions };

/** The session's view as the pane shows it: its notice worded by the pane. */
export interface PaneView extends Omit<SessionView, 'notice'> {
  readonly notice: Notice | null;
}

export interface Session extends PaneView {
  setOverride(sheet: string, field: FieldKey, column: string | null): Promise<void>;
  resetOverrides(sheet: string): Promise<void>;
  paint(request: PaintRequest): Promise<void>;
  clear(): Promise<void>;
  /** Builds the bulletin at the report date from the analysis and adds its sheets to the workbook. */
  bulletin(request: BulletinRequest): Promise<void>;
  selectIssue(target: { readonly sheet: string; readonly cell: string }): Promise<void>;
  /** Remembers the documents' settings in the workbook; false when it could not. */
  saveDocuments(documents: DocumentSettings): Promise<boolean>;
  /** Forgets the analysed sheets' history of statuses. */
  clearHistory(): Promise<void>;
  dismissNotice(): void;
  reload(): Promise<void>;
  previewCollect: WorkbookSession['previewCollect'];
  applyCollect(): Promise<void>;
  undoCollect(): Promise<void>;
}

/** The pane's subscription to one WorkbookSession (src/session), which holds the workflow. */
export function useWorkbookSession(port: WorkbookPort | null, options: SessionOptions): Session {
  const [session] = useState(() => new WorkbookSession(options));
  session.setOptions(options);
  useEffect(() => {
    void session.open(port);
  }, [port, session]);
  const view = useSyncExternalStore(session.subscribe, session.getView);
  const notice = useMemo(
    () => (view.notice === null ? null : noticeOf(view.notice)),
    [view.notice],
  );
  return {
    ...view,
    notice,
    setOverride: session.setOverride,
    resetOverrides: session.resetOverrides,
    paint: session.paint,
    clear: session.clear,
    bulletin: session.bulletin,
    selectIssue: session.selectIssue,
    saveDocuments: session.saveDocuments,
    clearHistory: session.clearHistory,
    dismissNotice: session.dismissNotice,
    previewCollect: session.previewCollect,
    applyCollect: session.applyCollect,
    undoCollect: session.undoCollect,
    reload: () => session.reload(),
  };
}
