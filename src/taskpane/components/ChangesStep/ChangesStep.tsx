import { Badge, Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatIsoDay } from '../../../core/dates';
import type { ChangedRow } from '../../../core/history/changedRows';
import type { RuleSet } from '../../../core/rules';
import type { RunChanges } from '../../../session/WorkbookSession';
import { useLang } from '../../i18n/LangContext';
import { StatusBadge } from '../StatusBadge/StatusBadge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    height: 'auto',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: '44px',
  },
  name: { whiteSpace: 'normal', flexGrow: 1 },
});

export interface ChangesStepProps {
  readonly changes: RunChanges | null;
  /** The rules of the last 标注: its labels and colours. */
  readonly rules: RuleSet | null;
  readonly busy: boolean;
  readonly onSelect: (row: ChangedRow) => void;
  readonly onClearHistory: () => void;
}

/**
 * The 变化 view: what changed since the previous report date, worst first; each row goes to its
 * cell in the sheet, as the check view's issues do.
 */
export function ChangesStep({ changes, rules, busy, onSelect, onClearHistory }: ChangesStepProps) {
  const styles = useStyles();
  const { t } = useLang();
  if (changes === null || rules === null) return <Text>{t.changes.notYet}</Text>;
  const clear = (
    <Button appearance="secondary" disabled={busy} onClick={onClearHistory}>
      {t.changes.clearHistory}
    </Button>
  );
  if (changes.previousAsOf === null) {
    return (
      <div className={styles.root}>
        <Text>{t.changes.noPrevious}</Text>
        {clear}
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <Subtitle2 as="h3">
        {t.changes.since(changes.previousAsOf, formatIsoDay(changes.asOf))}
      </Subtitle2>
      {changes.rows.length === 0 ? (
        <Text>{t.changes.none}</Text>
      ) : (
        <ul className={styles.list} aria-label={t.steps.changes}>
          {changes.rows.map((row) => (
            <li key={`${row.sheet}!${row.cell}`}>
              <Button
                className={styles.item}
                appearance="subtle"
                title={t.changes.goTo(row.cell)}
                onClick={() => onSelect(row)}
              >
                <Badge
                  appearance="tint"
                  color={
                    row.change === 'turnedRed' || row.change === 'newlyBehind'
                      ? 'danger'
                      : 'informative'
                  }
                >
                  {t.changes.kinds[row.change]}
                </Badge>
                <span className={styles.cell}>{row.cell}</span>
                <span className={styles.name}>{row.name ?? t.changes.unnamed}</span>
                {row.previousStatus !== null && (
                  <>
                    <StatusBadge
                      label={rules.labels[row.previousStatus]}
                      color={rules.colors[row.previousStatus]}
                    />
                    <span aria-hidden="true">→</span>
                  </>
                )}
                <StatusBadge label={rules.labels[row.status]} color={rules.colors[row.status]} />
                {row.periodsBehind >= rules.behindPeriods && (
                  <Text size={200}>{t.changes.periods(row.periodsBehind)}</Text>
                )}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {clear}
    </div>
  );
}
