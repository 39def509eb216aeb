import {
  Button,
  Caption1,
  Field,
  Input,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, DocumentTextRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { amountUnitName, formatAmount, formatPercent } from '../../../core/bulletin/formatFigures';
import type { BulletinSummary } from '../../../core/bulletin/summarize';
import { formatIsoDay } from '../../../core/dates';
import type { Lang } from '../../../core/issue';
import type { RuleForm } from '../../hooks/useRuleForm';
import type { BulletinResult, WorkProgress as Progress } from '../../hooks/useWorkbookSession';
import { useLang } from '../../i18n/LangContext';
import type { Strings } from '../../i18n/strings';
import type { DocumentSettings } from '../../../core/documents/documentSettings';
import { DocumentDownloads } from '../DocumentDownloads/DocumentDownloads';
import { StatusCounts } from '../StatusCounts/StatusCounts';
import { WorkProgress } from '../WorkProgress/WorkProgress';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  date: { maxWidth: '200px' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  copyRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  text: { width: '100%' },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  units: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** At most this many units are listed as furthest behind. */
const UNITS_SHOWN = 5;

type CopyState = 'copied' | 'selected';

export interface BulletinStepProps {
  readonly form: RuleForm;
  readonly busy: boolean;
  readonly progress: Progress | null;
  readonly result: BulletinResult | null;
  readonly canRun: boolean;
  readonly onRun: () => void;
  /** The documents' settings the workbook remembers, and how to remember changes. */
  readonly documents?: DocumentSettings | undefined;
  readonly onSaveDocuments?: ((settings: DocumentSettings) => void) | undefined;
  /** Offers a document the step made as a download. */
  readonly saveFile: (bytes: Uint8Array, name: string, type?: string) => void;
}

/** The bulletin at the report date: the run that writes its sheets, the draft text and its figures. */
export function BulletinStep({
  form,
  busy,
  progress,
  result,
  canRun,
  onRun,
  documents,
  onSaveDocuments,
  saveFile,
}: BulletinStepProps) {
  const styles = useStyles();
  const { t } = useLang();
  const { fields, resolved } = form;
  return (
    <div className={styles.root}>
      <Text>{t.bulletin.intro}</Text>
      <Field
        label={t.paint.asOf}
        hint={t.bulletin.rulesFrom}
        {...(!resolved.ok && resolved.badAsOf
          ? { validationState: 'error' as const, validationMessage: t.paint.asOfInvalid }
          : {})}
      >
        <Input
          className={styles.date}
          type="date"
          value={fields.asOf}
          onChange={(_, d) => form.setAsOf(d.value)}
          disabled={busy}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DocumentTextRegular />}
          disabled={busy || !resolved.ok || !canRun}
          onClick={onRun}
        >
          {busy ? t.bulletin.running : t.bulletin.run}
        </Button>
      </div>
      <WorkProgress progress={progress} />
      {result !== null && (
        <>
          <BulletinResultView key={`${result.asOf}:${result.text}`} result={result} />
          <DocumentDownloads
            summary={result.summary}
            saved={documents}
            onSave={onSaveDocuments}
            saveFile={saveFile}
          />
        </>
      )}
    </div>
  );
}

function BulletinResultView({ result }: { readonly result: BulletinResult }) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState | null>(null);
  const title = t.bulletin.result(formatIsoDay(result.asOf));

  const copyText = async () => {
    try {
      // Office's web views may have no clipboard API, or refuse it: then the text is selected.
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(result.text);
      setCopy('copied');
    } catch {
      const el = textRef.current;
      el?.focus();
      el?.select();
      setCopy(execCopy() ? 'copied' : 'selected');
    }
  };

  return (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      <Caption1 className={styles.muted}>
        {t.bulletin.written(result.sheets.join(t.bulletin.separator))}
      </Caption1>
      <Field label={t.bulletin.draft}>
        <Textarea
          textarea={{ ref: textRef }}
          className={styles.text}
          value={result.text}
          readOnly
          resize="vertical"
          rows={7}
        />
      </Field>
      <div className={styles.copyRow}>
        <Button icon={<CopyRegular />} onClick={() => void copyText()}>
          {t.bulletin.copy}
        </Button>
        <Text role="status">
          {copy === 'copied' ? t.bulletin.copied : copy === 'selected' ? t.bulletin.selected : ''}
        </Text>
      </div>
      <Figures summary={result.summary} result={result} t={t} lang={lang} />
    </section>
  );
}

/** The older way to copy a selection; false where the browser refuses or lacks it. */
function execCopy(): boolean {
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}

/** The distance between two shares in percentage points, one decimal ("1.0"). */
function percentPoints(diff: number): string {
  return (Math.round(Math.abs(diff) * 1000) / 10).toFixed(1);
}

interface FiguresProps {
  readonly summary: BulletinSummary;
  readonly result: BulletinResult;
  readonly t: Strings;
  readonly lang: Lang;
}

function Figures({ summary, result, t, lang }: FiguresProps) {
  const styles = useStyles();
  const { investment, starts, labels } = summary;
  const behind = summary.byUnit.filter((g) => g.lagging + g.severe > 0).slice(0, UNITS_SHOWN);
  const unit = investment?.unitLabel ? ` ${amountUnitName(investment.unitLabel, lang)}` : '';
  return (
    <section className={styles.section} aria-label={t.bulletin.figures}>
      <Subtitle2 as="h3">{t.bulletin.figures}</Subtitle2>
      <Text weight="semibold">{t.bulletin.totals(summary.totals.total)}</Text>
      <StatusCounts
        counts={summary.totals.counts}
        rules={result.rules}
        label={t.bulletin.totals(summary.totals.total)}
      />
      {(investment !== undefined || starts !== undefined) && (
        <dl className={styles.figures}>
          {investment !== undefined && (
            <>
              <dt className={styles.term}>{t.bulletin.investment}</dt>
              <dd className={styles.value}>
                {t.bulletin.investmentLine(
                  `${formatAmount(investment.done)}${unit}`,
                  `${formatAmount(investment.plan)}${unit}`,
                )}
              </dd>
              {investment.rate !== null && (
                <>
                  <dt className={styles.term}>{t.bulletin.rate}</dt>
                  <dd className={styles.value}>{formatPercent(investment.rate)}</dd>
                </>
              )}
              <dt className={styles.term}>{t.bulletin.expected}</dt>
              <dd className={styles.value}>
                {formatPercent(investment.expectedRate)}
                {investment.rate !== null && (
                  <>
                    {' · '}
                    {t.bulletin.gap(
                      percentPoints(investment.expectedRate - investment.rate),
                      investment.rate < investment.expectedRate,
                    )}
                  </>
                )}
              </dd>
            </>
          )}
          {starts !== undefined && (
            <>
              <dt className={styles.term}>{t.bulletin.starts}</dt>
              <dd className={styles.value}>
                {formatPercent(starts.rate)} ·{' '}
                {t.bulletin.startsLine(starts.started, starts.planned)}
              </dd>
            </>
          )}
        </dl>
      )}
      <Text weight="semibold">{t.bulletin.behindUnits}</Text>
      {behind.length === 0 ? (
        <Text>{t.bulletin.noneBehind}</Text>
      ) : (
        <ol className={styles.units} aria-label={t.bulletin.behindUnits}>
          {behind.map((g) => (
            <li key={g.key}>
              {t.bulletin.unitLine(
                g.key,
                (['severe', 'lagging'] as const)
                  .filter((s) => g[s] > 0)
                  .map((s) => t.bulletin.unitCount(labels[s], g[s]))
                  .join(t.bulletin.separator),
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
