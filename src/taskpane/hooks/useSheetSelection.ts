import { useEffect, useState } from 'react';
import type { SheetGrid } from '../../core/grid';
import type { CellFocus } from './useWorkbookSession';

/** Which sheet the grid view shows: the first one, or the one an issue was clicked on. */
export function useSheetSelection(
  grids: readonly SheetGrid[],
  focus: CellFocus | null,
): [string | null, (name: string) => void] {
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    if (focus !== null) setSelected(focus.sheet);
  }, [focus]);

  const exists = selected !== null && grids.some((g) => g.name === selected);
  return [exists ? selected : (grids[0]?.name ?? null), setSelected];
}
