import { makeStyles, tokens } from '@fluentui/react-components';
import type { RuleSet } from '../../../core/rules';
import { STATUSES, type Counts } from '../../../core/status';
import { StatusBadge } from '../StatusBadge/StatusBadge';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface StatusCountsProps {
  readonly counts: Counts;
  readonly rules: Pick<RuleSet, 'colors' | 'labels'>;
  readonly label: string;
}

/** The five counts as coloured badges, in the order bulletins list them. */
export function StatusCounts({ counts, rules, label }: StatusCountsProps) {
  const styles = useStyles();
  return (
    <div className={styles.row} role="group" aria-label={label}>
      {STATUSES.map((s) => (
        <StatusBadge key={s} label={rules.labels[s]} color={rules.colors[s]} count={counts[s]} />
      ))}
    </div>
  );
}
