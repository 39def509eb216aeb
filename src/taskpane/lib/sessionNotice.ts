import type { SessionNotice } from '../../session/WorkbookSession';
import type { Notice } from '../hooks/notice';
import { describeError } from './describeError';

/** The pane's wording of what the session has to say, chosen when it is shown. */
export function noticeOf(n: SessionNotice): Notice {
  switch (n.kind) {
    case 'error':
      return { intent: 'error', text: (t, lang) => describeError(n.error, t, lang) };
    case 'settingsNotSaved':
      return { intent: n.intent, text: (t) => t.settingsNotSaved };
    case 'paintNoTable':
      return { intent: n.intent, text: (t) => t.paint.noTable };
    case 'bulletinNoTable':
      return { intent: n.intent, text: (t) => t.bulletin.noTable };
    case 'cleared':
      return { intent: n.intent, text: (t) => t.paint.cleared };
    case 'historyCleared':
      return { intent: n.intent, text: (t) => t.changes.historyCleared };
    case 'bulletinNotShown':
      return { intent: n.intent, text: (t) => t.bulletin.notShown(n.sheet) };
    case 'partly':
      return {
        intent: n.intent,
        text: () =>
          [...n.skipped.map((e) => e.message), ...n.issues.map((i) => i.message)].join(' '),
      };
  }
}
