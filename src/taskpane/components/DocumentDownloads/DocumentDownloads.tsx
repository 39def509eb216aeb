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
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { BulletinSummary } from '../../../core/bulletin/summarize';
import {
  defaultDocumentSettings,
  type DocumentSettings,
} from '../../../core/documents/documentSettings';
import { DOCUMENT_STRINGS } from '../../documents/documentStrings';
import { useDocumentDownloads } from '../../hooks/useDocumentDownloads';
import { useLang } from '../../i18n/LangContext';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  short: { maxWidth: '120px' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface DocumentDownloadsProps {
  readonly summary: BulletinSummary;
  /** What the workbook remembers; the fields start from it. */
  readonly saved?: DocumentSettings | undefined;
  /** Called with the fields as the user leaves one, so the workbook can remember them. */
  readonly onSave?: ((settings: DocumentSettings) => void) | undefined;
  readonly saveFile: (bytes: Uint8Array, name: string, type?: string) => void;
}

/** Text fields the user fills; blank ones keep their placeholder in the document. */
const TEXT_FIELDS = ['issuingOffice', 'docNumber', 'issueDate'] as const;

/** The 通报 step's documents: 发文机关 and the like, and the two downloads. */
export function DocumentDownloads({ summary, saved, onSave, saveFile }: DocumentDownloadsProps) {
  const styles = useStyles();
  const { lang } = useLang();
  const s = DOCUMENT_STRINGS[lang];
  const [settings, setSettings] = useState<DocumentSettings>(saved ?? {});
  const docs = useDocumentDownloads(summary, lang, settings, saveFile);
  const set = (patch: DocumentSettings) => setSettings((old) => ({ ...old, ...patch }));
  const save = () => onSave?.(settings);
  const labels = { issuingOffice: s.office, docNumber: s.docNumber, issueDate: s.issueDate };
  // The defaults show through blank fields, so the user sees what will be printed.
  const defaults = defaultDocumentSettings(lang);
  return (
    <section className={styles.section} aria-label={s.heading}>
      <Subtitle2 as="h3">{s.heading}</Subtitle2>
      <Caption1 className={styles.muted}>{s.hint}</Caption1>
      {TEXT_FIELDS.map((key) => (
        <Field key={key} label={labels[key]}>
          <Input
            value={settings[key] ?? ''}
            placeholder={defaults[key]}
            onChange={(_, d) => set({ [key]: d.value })}
            onBlur={save}
            disabled={docs.busy !== null}
          />
        </Field>
      ))}
      <Field label={s.replyDays}>
        <Input
          className={styles.short}
          type="number"
          min={1}
          max={366}
          value={settings.replyDays === undefined ? '' : String(settings.replyDays)}
          placeholder={String(defaults.replyDays)}
          onChange={(_, d) => {
            const n = Number.parseInt(d.value, 10);
            setSettings((old) => {
              const { replyDays: _old, ...rest } = old;
              return Number.isInteger(n) && n >= 1 && n <= 366 ? { ...rest, replyDays: n } : rest;
            });
          }}
          onBlur={save}
          disabled={docs.busy !== null}
        />
      </Field>
      <Field label={s.noticeBody} hint={s.noticeBodyHint}>
        <Textarea
          value={settings.noticeBody ?? ''}
          placeholder={defaults.noticeBody}
          onChange={(_, d) => set({ noticeBody: d.value })}
          onBlur={save}
          resize="vertical"
          rows={4}
          disabled={docs.busy !== null}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          icon={<ArrowDownloadRegular />}
          disabled={docs.busy !== null}
          onClick={() => void docs.download('bulletin')}
        >
          {docs.busy === 'bulletin' ? s.making : s.bulletin}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          disabled={docs.busy !== null}
          onClick={() => void docs.download('notices')}
        >
          {docs.busy === 'notices' ? s.making : s.notices}
        </Button>
      </div>
      <Text role="status" className={docs.failed ? styles.error : undefined}>
        {docs.message === null ? '' : docs.message(s)}
      </Text>
    </section>
  );
}
