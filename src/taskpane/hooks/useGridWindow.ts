import { useCallback, useEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

// Before layout (and in test DOMs) a scroller reports no height; assume a typical pane.
const FALLBACK_HEIGHT = 480;

export interface GridWindow {
  readonly scrollerRef: RefObject<HTMLDivElement>;
  readonly onScroll: (e: UIEvent<HTMLDivElement>) => void;
  /** First and last (inclusive) rows to render. */
  readonly first: number;
  readonly last: number;
  readonly viewportHeight: number;
}

/**
 * Which rows of a tall grid are in view, so only those are rendered: 100 000 rows cost what
 * 40 do. Rows have a fixed height; a few rows above and below are kept to hide scroll gaps.
 */
export function useGridWindow(rowCount: number, rowHeight: number, overscan = 8): GridWindow {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useEffect(() => {
    const el = scrollerRef.current;
    if (!el) return undefined;
    const measure = () => setHeight(el.clientHeight > 0 ? el.clientHeight : FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => {
    setScrollTop(e.currentTarget.scrollTop);
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { scrollerRef, onScroll, first, last, viewportHeight: height };
}
