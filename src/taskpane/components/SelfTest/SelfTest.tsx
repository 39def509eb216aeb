import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  DismissCircleRegular,
  MoreHorizontalRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { Lang } from '../../../core/issue';
import { selfTestText } from '../../../session/selfTest';
import type { SelfTestRun } from '../../bootstrap/selfTest';
import { useLang } from '../../i18n/LangContext';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  pass: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  fail: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  detail: { color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
  env: { display: 'block', color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
});

export interface SelfTestProps {
  /** Runs the scenarios where the pane is (Excel, or a generated workbook in the page). */
  readonly run: (lang: Lang) => Promise<SelfTestRun>;
  readonly disabled: boolean;
}

/** The header's “more” menu with 自检, and the dialog that shows and copies its report. */
export function SelfTest({ run, disabled }: SelfTestProps) {
  const { t, lang } = useLang();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SelfTestRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const words = t.selfTest;

  const start = (): void => {
    setOpen(true);
    setResult(null);
    setError(null);
    setCopied(false);
    run(lang).then(setResult, (e: unknown) =>
      setError(t.unexpected(e instanceof Error ? e.message : String(e))),
    );
  };
  const text = result
    ? selfTestText(result.report, result.environment, words.scenarios, words)
    : '';
  const copy = (): void => {
    void navigator.clipboard.writeText(text).then(() => setCopied(true));
  };

  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Tooltip content={words.menu} relationship="label">
            <Button appearance="subtle" icon={<MoreHorizontalRegular />} disabled={disabled} />
          </Tooltip>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={start}>{words.run}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{words.title}</DialogTitle>
            <DialogContent>
              {result === null && error === null && <Spinner size="small" label={words.running} />}
              {error !== null && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              {result !== null && (
                <>
                  <Caption1 className={styles.env}>
                    {words.environment(
                      result.environment.host,
                      result.environment.platform,
                      result.environment.version,
                    )}
                  </Caption1>
                  <Caption1 className={styles.env}>
                    {words.apiSets(result.environment.apiSets.join(', '))}
                  </Caption1>
                  <ul className={styles.list} aria-label={words.title}>
                    {result.report.results.map((r) => (
                      <li key={r.scenario} className={styles.item} data-scenario={r.scenario}>
                        {r.ok ? (
                          <CheckmarkCircleRegular className={styles.pass} aria-label={words.pass} />
                        ) : (
                          <DismissCircleRegular className={styles.fail} aria-label={words.fail} />
                        )}
                        <span>
                          {words.scenarios[r.scenario]}
                          {!r.ok && <span className={styles.detail}>: {r.detail}</span>}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {!result.report.restored && (
                    <MessageBar intent="error">
                      <MessageBarBody>
                        {words.notRestored}: {result.report.restoreDetail}
                      </MessageBarBody>
                    </MessageBar>
                  )}
                  {copied && (
                    <MessageBar intent="success">
                      <MessageBarBody>{words.copied}</MessageBarBody>
                    </MessageBar>
                  )}
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={result === null} onClick={copy}>
                {words.copy}
              </Button>
              <Button onClick={() => setOpen(false)}>{words.close}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
