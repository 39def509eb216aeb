import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../core/issue';
import type { WorkbookPort } from '../../port/WorkbookPort';
import { describeError } from '../lib/describeError';
import type { Notice } from './notice';

/** Office mode: the port to the workbook the pane sits in, once its adapter has loaded. */
export function useOfficePort(
  enabled: boolean,
  open: (lang: Lang) => Promise<WorkbookPort>,
  lang: Lang,
): { port: WorkbookPort | null; notice: Notice | null; dismissNotice: () => void } {
  const [port, setPort] = useState<WorkbookPort | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  // The language the pane started in: switching language later does not reopen the workbook.
  const langRef = useRef(lang);

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    openRef
      .current(langRef.current)
      .then((p) => {
        if (live) setPort(p);
      })
      .catch((err: unknown) => {
        if (live) setNotice({ intent: 'error', text: (t, lang) => describeError(err, t, lang) });
      });
    return () => {
      live = false;
    };
  }, [enabled]);

  const dismissNotice = useCallback(() => setNotice(null), []);
  return { port, notice, dismissNotice };
}
