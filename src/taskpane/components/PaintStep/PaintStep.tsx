import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { EraserRegular, PlayRegular } from '@fluentui/react-icons';
import { formatIsoDay } from '../../../core/dates';
import { PRESET_IDS, resolveRules, type PresetId } from '../../../core/rules';
import { STATUSES, type Status } from '../../../core/status';
import type { NumberField, RuleForm } from '../../hooks/useRuleForm';
import type { PaintResult, WorkProgress as Progress } from '../../hooks/useWorkbookSession';
import { useLang } from '../../i18n/LangContext';
import { StatusCounts } from '../StatusCounts/StatusCounts';
import { WorkProgress } from '../WorkProgress/WorkProgress';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  swatches: { display: 'inline-flex', gap: '2px', marginLeft: tokens.spacingHorizontalXS },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '12px',
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: 'middle',
  },
  date: { maxWidth: '200px' },
  wide: { width: '100%', minWidth: 0 },
  fieldset: { border: 'none', padding: 0, margin: 0, minWidth: 0 },
  labels: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const PALETTE_SWATCH: readonly Status[] = ['severe', 'lagging', 'normal'];

function paletteColors(palette: 'ryg' | 'ryb'): Readonly<Record<Status, string>> {
  const r = resolveRules({ palette });
  if (!r.ok) throw new Error('a palette alone is always valid'); // a bug, never input
  return r.value.colors;
}

export interface PaintStepProps {
  readonly form: RuleForm;
  readonly busy: boolean;
  readonly progress: Progress | null;
  readonly lastPaint: PaintResult | null;
  readonly canRun: boolean;
  readonly canClear: boolean;
  readonly onRun: () => void;
  readonly onClear: () => void;
}

/** The report date and rules, the run that paints the chart, and the counts it painted. */
export function PaintStep(props: PaintStepProps) {
  const styles = useStyles();
  const { t } = useLang();
  const { form, lastPaint } = props;
  const { fields, resolved, preview } = form;
  const numberLabel: Record<NumberField, string> = {
    lagMonths: t.paint.lagMonths,
    severeMonths: t.paint.severeMonths,
    dueSoonDays: t.paint.dueSoonDays,
    seqLagGap: t.paint.seqLagGap,
    seqSevereGap: t.paint.seqSevereGap,
  };
  const swatches = (palette: 'ryg' | 'ryb') => {
    const colors = paletteColors(palette);
    return (
      <span className={styles.swatches} aria-hidden>
        {PALETTE_SWATCH.map((s) => (
          <span key={s} className={styles.swatch} style={{ backgroundColor: `#${colors[s]}` }} />
        ))}
      </span>
    );
  };
  return (
    <div className={styles.root}>
      <Field
        label={t.paint.asOf}
        {...(!resolved.ok && resolved.badAsOf
          ? { validationState: 'error' as const, validationMessage: t.paint.asOfInvalid }
          : {})}
      >
        <Input
          className={styles.date}
          type="date"
          value={fields.asOf}
          onChange={(_, d) => form.setAsOf(d.value)}
          disabled={props.busy}
        />
      </Field>
      <Field label={t.paint.preset}>
        <Dropdown
          className={styles.wide}
          value={t.presets[fields.preset]}
          selectedOptions={[fields.preset]}
          disabled={props.busy}
          onOptionSelect={(_, d) => {
            if (d.optionValue) form.setPreset(d.optionValue as PresetId);
          }}
        >
          {PRESET_IDS.map((p) => (
            <Option key={p} value={p}>
              {t.presets[p]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <fieldset
        className={mergeClasses(styles.pair, styles.fieldset)}
        aria-label={t.paint.thresholds}
      >
        {form.thresholdFields.map((key) => (
          <Field key={key} label={numberLabel[key]}>
            <Input
              className={styles.wide}
              type="number"
              inputMode="decimal"
              min={0}
              value={fields.numbers[key]}
              onChange={(_, d) => form.setNumber(key, d.value)}
              disabled={props.busy}
            />
          </Field>
        ))}
      </fieldset>
      <Field label={t.paint.palette}>
        <RadioGroup
          layout="horizontal"
          value={fields.palette}
          disabled={props.busy}
          onChange={(_, d) => form.setPalette(d.value === 'ryb' ? 'ryb' : 'ryg')}
        >
          <Radio
            value="ryg"
            label={
              <>
                {t.paint.paletteRyg}
                {swatches('ryg')}
              </>
            }
          />
          <Radio
            value="ryb"
            label={
              <>
                {t.paint.paletteRyb}
                {swatches('ryb')}
              </>
            }
          />
        </RadioGroup>
      </Field>
      <Accordion collapsible>
        <AccordionItem value="labels">
          <AccordionHeader size="small">{t.paint.labels}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.labels}>
              {STATUSES.map((s) => (
                <Field key={s} label={t.paint.labelFor(preview.labels[s])} size="small">
                  <Input
                    size="small"
                    value={fields.labels[s] ?? preview.labels[s]}
                    maxLength={20}
                    onChange={(_, d) => form.setLabel(s, d.value)}
                    disabled={props.busy}
                    contentBefore={
                      <span
                        className={styles.swatch}
                        style={{ backgroundColor: `#${preview.colors[s]}` }}
                        aria-hidden
                      />
                    }
                  />
                </Field>
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {!resolved.ok && resolved.errors.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.paint.invalidRules} {resolved.errors.join('; ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          disabled={props.busy || !resolved.ok || !props.canRun}
          onClick={props.onRun}
        >
          {props.busy ? t.paint.running : t.paint.run}
        </Button>
        <Button
          icon={<EraserRegular />}
          disabled={props.busy || !props.canClear}
          onClick={props.onClear}
        >
          {t.paint.clear}
        </Button>
      </div>
      <WorkProgress progress={props.progress} />
      {lastPaint !== null && (
        <section
          className={styles.result}
          aria-label={t.paint.result(formatIsoDay(lastPaint.asOf))}
        >
          <Subtitle2 as="h3">{t.paint.result(formatIsoDay(lastPaint.asOf))}</Subtitle2>
          {lastPaint.sheets.length > 1 &&
            lastPaint.sheets.map((s) => (
              <div key={s.sheet}>
                <Text weight="semibold">{s.sheet}</Text>
                <StatusCounts counts={s.counts} rules={lastPaint.rules} label={s.sheet} />
              </div>
            ))}
          {lastPaint.sheets.length > 1 && <Text weight="semibold">{t.paint.total}</Text>}
          <StatusCounts counts={lastPaint.total} rules={lastPaint.rules} label={t.paint.total} />
        </section>
      )}
    </div>
  );
}
