import {
  Button,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { CollectView } from '../../hooks/useWorkbookSession';
import { useLang } from '../../i18n/LangContext';
import type { PickedFile } from '../../collect/readReturns';
import { readBytes } from '../../lib/readBytes';
import { describeError } from '../../lib/describeError';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cell: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  wrap: { whiteSpace: 'normal', wordBreak: 'break-word' },
  hidden: { display: 'none' },
});

export interface CollectStepProps {
  readonly view: CollectView | null;
  readonly busy: boolean;
  /** False when the workbook holds no plan table to collect into. */
  readonly canCollect: boolean;
  /** Only where the workbook can take values (every port this pane opens can). */
  readonly canWrite: boolean;
  readonly onFiles: (files: readonly PickedFile[]) => Promise<void>;
  readonly onApply: () => void;
  readonly onUndo: () => void;
  readonly onSelect: (target: { sheet: string; cell: string }) => void;
}

/**
 * 汇总: pick the returns, see what they change and what they leave alone (each row goes to its
 * cell), apply, and undo. Reading and deciding happen outside: this only shows and asks.
 */
export function CollectStep(props: CollectStepProps) {
  const { view, busy, canCollect, canWrite, onFiles, onApply, onUndo, onSelect } = props;
  const styles = useStyles();
  const { t, lang } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!canCollect) return <Text>{t.collect.noMaster}</Text>;

  const pick = async (list: FileList | null): Promise<void> => {
    if (list === null || list.length === 0) return;
    setReading(true);
    setFailure(null);
    try {
      const files = await Promise.all(
        [...list].map(async (f) => ({ name: f.name, bytes: await readBytes(f) })),
      );
      await onFiles(files);
    } catch (e) {
      setFailure(describeError(e, t, lang));
    } finally {
      setReading(false);
      if (input.current) input.current.value = '';
    }
  };

  const result = view?.result;
  // Returns dropped here are returns: the page's own drop (which opens a workbook) must not see them.
  const onDragOver = (e: React.DragEvent): void => {
    e.preventDefault();
    e.stopPropagation();
  };
  const onDrop = (e: React.DragEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    if (!busy && !reading) void pick(e.dataTransfer.files);
  };
  return (
    <div className={styles.root} onDragOver={onDragOver} onDrop={onDrop}>
      <Text>{t.collect.intro}</Text>
      <div className={styles.actions}>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t.collect.pick}
          data-testid="collect-files"
          onChange={(e) => void pick(e.currentTarget.files)}
        />
        <Button
          icon={<FolderOpenRegular />}
          disabled={busy || reading}
          onClick={() => input.current?.click()}
        >
          {t.collect.pick}
        </Button>
        <Button
          appearance="primary"
          icon={<CheckmarkRegular />}
          disabled={busy || !canWrite || view === null || view.applied}
          onClick={onApply}
        >
          {t.collect.apply}
        </Button>
        <Button
          icon={<ArrowUndoRegular />}
          disabled={busy || !canWrite || view === null || !view.applied}
          onClick={onUndo}
        >
          {t.collect.undo}
        </Button>
      </div>
      {reading && <Text>{t.collect.reading}</Text>}
      {failure !== null && <Text role="alert">{failure}</Text>}
      {view?.applied === true && <Text role="status">{t.collect.applied(view.recordSheet)}</Text>}
      {view?.undone && (
        <Text role="status">
          {t.collect.undone(view.undone.restored, view.undone.editedSince.join(', '))}
        </Text>
      )}
      {result && (
        <>
          <Text weight="semibold">
            {t.collect.summary(view.files, result.changes.length, result.conflicts.length)}
          </Text>
          <Text>
            {result.notReturned.length === 0
              ? t.collect.allReturned
              : t.collect.notReturned(result.notReturned.join('、'))}
          </Text>
          {result.changes.length > 0 && (
            <section aria-label={t.collect.changes}>
              <Subtitle2 as="h3">{t.collect.changes}</Subtitle2>
              <Table size="small" aria-label={t.collect.changes}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t.collect.columns.cell}</TableHeaderCell>
                    <TableHeaderCell>{t.collect.columns.old}</TableHeaderCell>
                    <TableHeaderCell>{t.collect.columns.new}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {result.changes.map((c) => (
                    <TableRow key={c.cell}>
                      <TableCell>
                        <Button
                          appearance="subtle"
                          size="small"
                          className={styles.cell}
                          title={t.collect.goTo(c.cell)}
                          onClick={() => onSelect({ sheet: c.sheet, cell: c.cell })}
                        >
                          {c.cell}
                        </Button>
                      </TableCell>
                      <TableCell className={styles.wrap}>{c.old}</TableCell>
                      <TableCell className={styles.wrap} title={c.file}>
                        {c.new}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
          )}
          {result.conflicts.length > 0 && (
            <section aria-label={t.collect.conflicts}>
              <Subtitle2 as="h3">{t.collect.conflicts}</Subtitle2>
              <ul>
                {result.conflicts.map((c, i) => (
                  <li key={`${c.code}:${c.file}:${c.cell ?? ''}:${i}`}>
                    {c.cell !== null && c.sheet !== null ? (
                      <Button
                        appearance="subtle"
                        size="small"
                        className={styles.wrap}
                        title={t.collect.goTo(c.cell)}
                        onClick={() => onSelect({ sheet: c.sheet ?? '', cell: c.cell ?? '' })}
                      >
                        {c.message}
                      </Button>
                    ) : (
                      <Text className={styles.wrap}>{c.message}</Text>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
