import {
  Button,
  Caption1,
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Title3,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../core/issue';
import type { WorkbookPort } from '../../port/WorkbookPort';
import type { HostInfo } from '../bootstrap/detectHost';
import type { SelfTestRun } from '../bootstrap/selfTest';
import { FileBar } from '../components/FileBar/FileBar';
import { LanguageSwitch } from '../components/LanguageSwitch/LanguageSwitch';
import { NoticeBar } from '../components/NoticeBar/NoticeBar';
import { SelfTest } from '../components/SelfTest/SelfTest';
import { SheetViewer } from '../components/SheetViewer/SheetViewer';
import { WorkProgress } from '../components/WorkProgress/WorkProgress';
import { useFileDrop } from '../hooks/useFileDrop';
import { useFileWorkbook, type FileServices } from '../hooks/useFileWorkbook';
import { useOfficePort } from '../hooks/useOfficePort';
import { useRuleForm } from '../hooks/useRuleForm';
import { useWorkbookSession } from '../hooks/useWorkbookSession';
import { LangProvider, useLang } from '../i18n/LangContext';
import { STEPS, type StepDef } from './steps';

/** What the app needs from the outside world; index.tsx passes the real ones, tests fakes. */
export interface AppServices extends FileServices {
  /** A plain function (no `this`): the pane hands it on to useOfficePort. */
  readonly openOfficePort: (lang: Lang) => Promise<WorkbookPort>;
  /** 自检 in Excel and in the page; the menu item is there only when given. */
  readonly selfTest?: {
    readonly office: (lang: Lang) => Promise<SelfTestRun>;
    readonly file: (lang: Lang) => Promise<SelfTestRun>;
  };
  /** Today as "YYYY-MM-DD" in the user's time zone. */
  today(): string;
}

export interface AppProps {
  readonly host: HostInfo;
  readonly services: AppServices;
  readonly steps?: readonly StepDef[];
}

const useStyles = makeStyles({
  // Page-level styles live here, not on FluentProvider: its className is copied to portals.
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  pane: { display: 'flex', flexDirection: 'column', position: 'relative' },
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    position: 'relative',
    '@media (min-width: 960px)': {
      gridTemplateColumns: 'minmax(380px, 440px) minmax(0, 1fr)',
      height: '100vh',
    },
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  titles: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  sheet: {
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    minHeight: '60vh',
    '@media (min-width: 960px)': { minHeight: 0, height: '100vh', boxSizing: 'border-box' },
  },
  drop: {
    position: 'absolute',
    inset: 0,
    zIndex: 10,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase500,
    color: tokens.colorBrandForeground1,
    backgroundColor: tokens.colorNeutralBackgroundAlpha2,
    border: `${tokens.strokeWidthThickest} dashed ${tokens.colorBrandStroke1}`,
    pointerEvents: 'none',
  },
});

/** The pane: one FluentProvider, the language, and the steps as tabs. */
export function App({ host, services, steps = STEPS }: AppProps) {
  const [lang, setLang] = useState<Lang>(host.lang);
  // Screen readers and fonts pick their language from the page.
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <FluentProvider
      theme={host.dark ? webDarkTheme : webLightTheme}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <LangProvider lang={lang}>
        <Workspace host={host} services={services} steps={steps} onLanguage={setLang} />
      </LangProvider>
    </FluentProvider>
  );
}

interface WorkspaceProps {
  readonly host: HostInfo;
  readonly services: AppServices;
  readonly steps: readonly StepDef[];
  readonly onLanguage: (lang: Lang) => void;
}

function Workspace({ host, services, steps, onLanguage }: WorkspaceProps) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const fileMode = host.mode === 'file';
  const today = useMemo(() => services.today(), [services]);
  const office = useOfficePort(!fileMode, services.openOfficePort, lang);
  const file = useFileWorkbook(fileMode, services, lang);
  const session = useWorkbookSession(fileMode ? file.port : office.port, { lang, today });
  const form = useRuleForm(lang, today, session.settings?.rules);
  const drop = useFileDrop((f) => void file.openFile(f), fileMode);
  const [stepId, setStepId] = useState(steps[0]?.id ?? '');
  const step = steps.find((s) => s.id === stepId) ?? steps[0];
  // The bulletin sheets written in this session are shown after the plan tables.
  const viewed = useMemo(
    () =>
      session.bulletinGrids.length ? [...session.grids, ...session.bulletinGrids] : session.grids,
    [session.grids, session.bulletinGrids],
  );
  const loading =
    session.state === 'loading' ||
    file.opening ||
    (!fileMode && office.port === null && office.notice === null);

  return (
    <div
      className={mergeClasses(styles.root, fileMode ? styles.page : styles.pane)}
      {...drop.handlers}
    >
      <div className={styles.panel}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <Title3 as="h1">{t.appTitle}</Title3>
            <Caption1 className={styles.subtitle}>{t.appSubtitle}</Caption1>
          </div>
          {!fileMode && (
            <Tooltip content={t.reload} relationship="label">
              <Button
                appearance="subtle"
                icon={<ArrowClockwiseRegular />}
                disabled={session.busy || office.port === null}
                onClick={() => void session.reload()}
              />
            </Tooltip>
          )}
          {services.selfTest && (
            <SelfTest
              run={fileMode ? services.selfTest.file : services.selfTest.office}
              disabled={session.busy}
            />
          )}
          <LanguageSwitch onChange={onLanguage} />
        </header>
        {fileMode && (
          <FileBar
            fileName={file.fileName ?? t.file.sampleName}
            busy={file.opening || file.saving || session.busy}
            canDownload={file.port !== null && session.state === 'ready'}
            onOpen={(f) => void file.openFile(f)}
            onDownload={() => void file.download(t.file.sampleName)}
          />
        )}
        <NoticeBar notice={file.notice} onDismiss={file.dismissNotice} />
        <NoticeBar notice={office.notice} onDismiss={office.dismissNotice} />
        <NoticeBar notice={session.notice} onDismiss={() => session.dismissNotice()} />
        {loading && (
          <>
            <Spinner size="small" label={t.loading} />
            {session.state === 'loading' && <WorkProgress progress={session.progress} />}
          </>
        )}
        <TabList
          selectedValue={step?.id}
          onTabSelect={(_, d) => setStepId(String(d.value))}
          aria-label={t.stepsLabel}
        >
          {steps.map((s) => (
            <Tab key={s.id} id={`step-${s.id}`} value={s.id}>
              {s.label(t)}
            </Tab>
          ))}
        </TabList>
        {step && (
          <div role="tabpanel" aria-labelledby={`step-${step.id}`}>
            {step.render({
              session,
              form,
              mode: host.mode,
              saveBytes: services.saveBytes,
              port: fileMode ? file.port : office.port,
              lang,
              openXlsx: (data, l) => services.openXlsx(data, l),
            })}
          </div>
        )}
      </div>
      {fileMode && (
        <div className={styles.sheet}>
          <SheetViewer grids={viewed} painted={session.painted} focus={session.focus} />
        </div>
      )}
      {drop.dragging && <div className={styles.drop}>{t.file.dropHere}</div>}
    </div>
  );
}
