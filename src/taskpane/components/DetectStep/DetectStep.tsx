import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Card,
  CardHeader,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import type { ColumnOverrides, SheetAnalysis, WorkbookAnalysis } from '../../../core/analysis';
import type { FieldKey } from '../../../core/fields';
import { FIELD_KEYS } from '../../../core/fields';
import { columnLetters } from '../../../core/grid';
import { renderMessage } from '../../../core/messages';
import { useLang } from '../../i18n/LangContext';
import { FieldMapping, type ColumnChoice } from '../FieldMapping/FieldMapping';

const MAIN_FIELDS: readonly FieldKey[] = [
  'name',
  'unit',
  'deadline',
  'done',
  'doneDate',
  'progress',
  'category',
  'reportedStatus',
];
const OTHER_FIELDS = FIELD_KEYS.filter((k) => !MAIN_FIELDS.includes(k));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingVerticalS + ' ' + tokens.spacingHorizontalM,
  },
  title: { color: tokens.colorNeutralForeground3 },
  skipped: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface DetectStepProps {
  readonly analysis: WorkbookAnalysis | null;
  readonly overrides: Readonly<Record<string, ColumnOverrides>>;
  readonly busy: boolean;
  readonly onChange: (sheet: string, field: FieldKey, letters: string | null) => void;
  readonly onReset: (sheet: string) => void;
}

/** The table found on each sheet: where its header is and which column holds which field. */
export function DetectStep({ analysis, overrides, busy, onChange, onReset }: DetectStepProps) {
  const styles = useStyles();
  const { t, lang } = useLang();
  if (analysis === null) return <Text>{t.detect.empty}</Text>;
  return (
    <div className={styles.root}>
      {analysis.sheets.map((sheet) => (
        <SheetLayout
          key={sheet.sheet}
          sheet={sheet}
          overrides={overrides[sheet.sheet]}
          busy={busy}
          onChange={onChange}
          onReset={onReset}
        />
      ))}
      {analysis.skipped.length > 0 && (
        <section aria-label={t.detect.skipped}>
          <Subtitle2 as="h3">{t.detect.skipped}</Subtitle2>
          <ul className={styles.skipped}>
            {analysis.skipped.map((s) => {
              const issue = s.issues[0];
              return (
                <li key={s.name}>
                  <Text>
                    {issue
                      ? renderMessage(lang, issue.code, issue.params)
                      : renderMessage(lang, 'no_table', { sheet: s.name })}
                  </Text>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}

interface SheetLayoutProps {
  readonly sheet: SheetAnalysis;
  readonly overrides: ColumnOverrides | undefined;
  readonly busy: boolean;
  readonly onChange: DetectStepProps['onChange'];
  readonly onReset: DetectStepProps['onReset'];
}

function SheetLayout({ sheet, overrides, busy, onChange, onReset }: SheetLayoutProps) {
  const styles = useStyles();
  const { t } = useLang();
  const { layout, origin } = sheet;
  const letters = (col: number) => columnLetters(origin.col + col);
  const columns: ColumnChoice[] = layout.columns.map((c) => ({
    letters: letters(c.col),
    header: c.header,
  }));
  const mapping = (field: FieldKey) => {
    const col = layout.fields[field];
    return (
      <FieldMapping
        key={field}
        label={t.fields[field]}
        accessibleLabel={t.detect.mappingLabel(t.fields[field], sheet.sheet)}
        columns={columns}
        selected={col === undefined ? null : letters(col)}
        overridden={overrides !== undefined && field in overrides}
        overriddenHint={t.detect.overridden}
        noneLabel={t.detect.noColumn}
        disabled={busy}
        onChange={(v) => onChange(sheet.sheet, field, v)}
      />
    );
  };
  const hasOverrides = overrides !== undefined && Object.keys(overrides).length > 0;
  return (
    <Card appearance="outline" aria-label={sheet.sheet}>
      <CardHeader
        header={<Subtitle2 as="h3">{sheet.sheet}</Subtitle2>}
        description={
          <div className={styles.facts}>
            <Caption1>
              {t.detect.headerRows(origin.row + layout.headerTop, origin.row + layout.headerBottom)}
            </Caption1>
            <Caption1>{t.detect.columns(letters(layout.left), letters(layout.right))}</Caption1>
            <Caption1>{t.detect.dataRows(layout.dataRows.length)}</Caption1>
            <Caption1>{t.detect.planYear(sheet.planYear)}</Caption1>
          </div>
        }
        {...(hasOverrides
          ? {
              action: (
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowResetRegular />}
                  disabled={busy}
                  onClick={() => onReset(sheet.sheet)}
                >
                  {t.detect.reset}
                </Button>
              ),
            }
          : {})}
      />
      {layout.title !== null && (
        <Caption1 className={styles.title}>
          {t.detect.title}: {layout.title}
        </Caption1>
      )}
      <div className={styles.fields}>{MAIN_FIELDS.map(mapping)}</div>
      <Accordion collapsible>
        <AccordionItem value="more">
          <AccordionHeader size="small">{t.detect.moreFields}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.fields}>{OTHER_FIELDS.map(mapping)}</div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Card>
  );
}
