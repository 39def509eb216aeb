import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useRef, type ChangeEvent } from 'react';
import { useLang } from '../../i18n/LangContext';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  name: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' },
  hidden: { display: 'none' },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface FileBarProps {
  readonly fileName: string;
  readonly busy: boolean;
  readonly canDownload: boolean;
  readonly onOpen: (file: File) => void;
  readonly onDownload: () => void;
}

/** File mode's file controls: open an .xlsx (or drop one), and download the painted copy. */
export function FileBar({ fileName, busy, canDownload, onOpen, onDownload }: FileBarProps) {
  const styles = useStyles();
  const { t } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Reset so choosing the same file again still fires a change.
    e.target.value = '';
    if (file) onOpen(file);
  };
  return (
    <div className={styles.root}>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={onChange}
        data-testid="file-input"
        tabIndex={-1}
        aria-hidden
      />
      <Button icon={<FolderOpenRegular />} disabled={busy} onClick={() => input.current?.click()}>
        {t.file.choose}
      </Button>
      <Caption1 className={styles.hint}>{t.file.dropHint}</Caption1>
      <Text className={styles.name} truncate wrap={false} title={fileName}>
        {t.file.current(fileName)}
      </Text>
      <Button
        appearance="primary"
        icon={<ArrowDownloadRegular />}
        disabled={busy || !canDownload}
        onClick={onDownload}
      >
        {t.file.download}
      </Button>
    </div>
  );
}
