import { Badge, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  badge: {
    // Palette fills are light in both themes, so the text on them stays dark in both.
    color: tokens.colorNeutralForeground1Static,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
});

export interface StatusBadgeProps {
  readonly label: string;
  /** Six hex digits from the rule set's palette. */
  readonly color: string;
  readonly count?: number;
}

/** A status in its chart colour, optionally with how many rows have it. */
export function StatusBadge({ label, color, count }: StatusBadgeProps) {
  const styles = useStyles();
  return (
    <Badge
      className={styles.badge}
      appearance="filled"
      shape="rounded"
      size="large"
      style={{ backgroundColor: `#${color}` }}
    >
      {count === undefined ? label : `${label} ${count}`}
    </Badge>
  );
}
