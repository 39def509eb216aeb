/**
 * A deadline cell as staff really write it: besides the deadline itself, a remark ("11月底（已申请
 * 延期）", "6月底\n已延期") or several nodes ("6月底前完成前期手续，9月底前开工建设"). domain.md:
 * a remark does not move the node; the last of several nodes ends the task.
 */

import type { DayNumber } from './dates';
import type { Deadline } from './planRow';
import { parseDeadline, type DateContext } from './parseDeadline';

export interface DeadlineCell {
  readonly deadline: Deadline;
  /** Text beside the deadline that does not move it, as written; null when there is none. */
  readonly remark: string | null;
  /** The clauses of a cell naming several nodes, in order; null for a single deadline. */
  readonly nodes: readonly string[] | null;
}

const BRACKETED = /[（(【[〔]([^）)】\]〕]*)[）)】\]〕]/g;
const CLAUSE_SEPARATORS = /[，,；;。\n\r]+/;
// A clause longer than this is prose; a deadline at its start is found among the first characters.
const MAX_PREFIX = 16;

/** Reads a deadline cell's text: its deadline, and any remark or list of nodes around it. */
export function readDeadlineCell(text: string, ctx: DateContext): DeadlineCell {
  const whole = parseDeadline(text, null, ctx);
  if (whole.kind !== 'unreadable' || whole.reason !== 'unreadable') return plain(whole);

  const remarks: string[] = [];
  const core = text.replace(BRACKETED, (_, inner: string) => {
    if (inner.trim() !== '') remarks.push(inner.trim());
    return '\n';
  });
  const clauses = core
    .split(CLAUSE_SEPARATORS)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const first = clauses[0];
  if (first === undefined) return plain(whole);

  const dated = clauses
    .map((c) => ({ clause: c, day: leadingDay(c, ctx) }))
    .filter((n): n is { clause: string; day: DayNumber } => n.day !== null);
  if (dated.length >= 2) {
    const day = Math.max(...dated.map((n) => n.day));
    return {
      deadline: { kind: 'date', day },
      remark: remarks.length > 0 ? remarks.join('；') : null,
      nodes: clauses,
    };
  }

  // One deadline, then words that do not move it: "6月底\n已延期", "11月底（已申请延期）".
  const head = parseDeadline(first, null, ctx);
  if (head.kind === 'date' || head.kind === 'ongoing') {
    const rest = [...clauses.slice(1), ...remarks];
    return { deadline: head, remark: rest.length > 0 ? rest.join('；') : null, nodes: null };
  }
  return plain(whole);
}

function plain(deadline: Deadline): DeadlineCell {
  return { deadline, remark: null, nodes: null };
}

/** The day a clause starts with ("9月底前开工建设" → 30 September), or null: the longest readable start wins. */
function leadingDay(clause: string, ctx: DateContext): DayNumber | null {
  for (let k = Math.min(clause.length, MAX_PREFIX); k >= 2; k--) {
    const read = parseDeadline(clause.slice(0, k), null, ctx);
    if (read.kind === 'date') return read.day;
    if (read.kind === 'unreadable' && read.reason !== 'unreadable') return null;
  }
  return null;
}
