import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { WorkbookAnalysis } from '../../../core/analysis';
import type { Issue, Severity } from '../../../core/issue';
import { renderMessage } from '../../../core/messages';
import { useLang } from '../../i18n/LangContext';
import { groupIssues, type IssueGroup } from '../../lib/groupIssues';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: '44px',
    flexShrink: 0,
  },
  message: { whiteSpace: 'normal' },
});

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export interface CheckStepProps {
  readonly analysis: WorkbookAnalysis | null;
  readonly onSelect: (issue: Issue) => void;
}

/** What is wrong with the tables, grouped by sheet and kind; each issue goes to its cell. */
export function CheckStep({ analysis, onSelect }: CheckStepProps) {
  const styles = useStyles();
  const { t } = useLang();
  const groups = useMemo(() => groupIssues(analysis), [analysis]);
  if (analysis === null) return <Text>{t.detect.empty}</Text>;
  if (groups.length === 0) return <Text>{t.check.none}</Text>;
  const total = groups.reduce((n, g) => n + g.issues.length, 0);
  const sheets = [...new Set(groups.map((g) => g.sheet))];
  return (
    <div className={styles.root}>
      <Text weight="semibold">{t.check.total(total)}</Text>
      {sheets.map((sheet) => (
        <section key={sheet} aria-label={sheet}>
          <Subtitle2 as="h3">{sheet}</Subtitle2>
          <Accordion multiple collapsible>
            {groups
              .filter((g) => g.sheet === sheet)
              .map((g) => (
                <IssueGroupItem key={g.code} group={g} onSelect={onSelect} />
              ))}
          </Accordion>
        </section>
      ))}
    </div>
  );
}

function IssueGroupItem({ group, onSelect }: { group: IssueGroup; onSelect: (i: Issue) => void }) {
  const styles = useStyles();
  const { t, lang } = useLang();
  return (
    <AccordionItem value={group.code}>
      <AccordionHeader>
        <span className={styles.header}>
          <Badge appearance="tint" color={SEVERITY_COLOR[group.severity]}>
            {t.check.severity[group.severity]}
          </Badge>
          {t.issueCodes[group.code]}
          <Badge appearance="ghost" color="informative">
            {group.issues.length}
          </Badge>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.list}>
          {group.issues.map((issue, i) => (
            <li key={`${issue.cell}:${i}`}>
              <Button
                className={styles.item}
                appearance="subtle"
                title={issue.cell ? t.check.goTo(issue.cell) : undefined}
                onClick={() => onSelect(issue)}
              >
                <span className={styles.cell}>{issue.cell || t.check.sheetWide}</span>
                <span className={styles.message}>
                  {renderMessage(lang, issue.code, issue.params)}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      </AccordionPanel>
    </AccordionItem>
  );
}
