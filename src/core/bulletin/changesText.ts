import { parseIsoDay } from '../dates';
import type { ChangesSummary } from '../history/changesSummary';
import type { Lang } from '../issue';
import type { Status } from '../status';
import { formatLongDay } from './formatFigures';

/**
 * The draft's sentence comparing this report date with the previous one: "与上期（2023年6月30日）
 * 相比，新增滞后3项，由黄转红2项，好转1项，新完成2项；连续2期以上滞后的有5项。" Counts of zero are
 * left out, as a bulletin would; when nothing changed it says so.
 */
export function changesSentence(
  c: ChangesSummary,
  labels: Readonly<Record<Status, string>>,
  lang: Lang,
): string {
  const day = parseIsoDay(c.previousAsOf);
  const date = day === null ? c.previousAsOf : formatLongDay(day, lang);
  const long = c.longBehind.length;
  if (lang === 'zh') {
    const parts = [
      c.newlyBehind > 0 ? `新增${labels.lagging}${c.newlyBehind}项` : '',
      c.turnedRed > 0 ? `由黄转红${c.turnedRed}项` : '',
      c.improved > 0 ? `好转${c.improved}项` : '',
      c.completed > 0 ? `新完成${c.completed}项` : '',
      c.added > 0 ? `新纳入${c.added}项` : '',
      c.removed > 0 ? `不再列入${c.removed}项` : '',
    ].filter((p) => p !== '');
    const moves = parts.length > 0 ? parts.join('，') : '各项状态无变化';
    const tail = long > 0 ? `；连续${c.behindPeriods}期以上${labels.lagging}的有${long}项` : '';
    return `与上期（${date}）相比，${moves}${tail}。`;
  }
  const parts = [
    c.newlyBehind > 0 ? `${c.newlyBehind} newly behind` : '',
    c.turnedRed > 0 ? `${c.turnedRed} turned from yellow to red` : '',
    c.improved > 0 ? `${c.improved} improved` : '',
    c.completed > 0 ? `${c.completed} newly completed` : '',
    c.added > 0 ? `${c.added} added` : '',
    c.removed > 0 ? `${c.removed} no longer listed` : '',
  ].filter((p) => p !== '');
  const moves = parts.length > 0 ? parts.join(', ') : 'no item changed status';
  const tail = long > 0 ? `; ${long} behind for ${c.behindPeriods} or more periods running` : '';
  return `Compared with the previous period (${date}): ${moves}${tail}.`;
}
