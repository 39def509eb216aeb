import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';

/** A column the user can pick: its letters and the header text it carries. */
export interface ColumnChoice {
  readonly letters: string;
  readonly header: string;
}

const NONE = '-';

const useStyles = makeStyles({
  field: { minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
  overridden: { color: tokens.colorBrandForeground1 },
});

export interface FieldMappingProps {
  readonly label: string;
  /** Read by screen readers: which field on which sheet. */
  readonly accessibleLabel: string;
  readonly columns: readonly ColumnChoice[];
  /** Letters of the column used now, or null when none is. */
  readonly selected: string | null;
  readonly overridden: boolean;
  readonly overriddenHint: string;
  readonly noneLabel: string;
  readonly disabled: boolean;
  readonly onChange: (letters: string | null) => void;
}

function choiceText(c: ColumnChoice): string {
  return c.header === '' ? c.letters : `${c.letters} · ${c.header}`;
}

/** One field's column, chosen from the sheet's headers (or "no such column"). */
export function FieldMapping(props: FieldMappingProps) {
  const styles = useStyles();
  const { columns, selected, noneLabel } = props;
  const current = columns.find((c) => c.letters === selected);
  const text = current ? choiceText(current) : noneLabel;
  return (
    <Field
      className={styles.field}
      label={
        props.overridden ? { children: props.label, className: styles.overridden } : props.label
      }
      {...(props.overridden ? { hint: props.overriddenHint } : {})}
      size="small"
    >
      <Dropdown
        className={styles.dropdown}
        size="small"
        aria-label={props.accessibleLabel}
        value={text}
        selectedOptions={[selected ?? NONE]}
        disabled={props.disabled}
        onOptionSelect={(_, data) => {
          const v = data.optionValue;
          if (v === undefined || v === (selected ?? NONE)) return;
          props.onChange(v === NONE ? null : v);
        }}
      >
        <Option value={NONE}>{noneLabel}</Option>
        {columns.map((c) => (
          <Option key={c.letters} value={c.letters} text={choiceText(c)}>
            {choiceText(c)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
