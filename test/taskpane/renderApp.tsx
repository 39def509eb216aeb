import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Lang } from '../../src/core/issue';
import type { WorkbookPort } from '../../src/port/WorkbookPort';
import { App, type AppServices } from '../../src/taskpane/App/App';
import type { FilePort } from '../../src/port/optionalPorts';
import { FakeFilePort, FakePort } from './fakePort';

export const TODAY = '2023-06-30';

export interface RenderAppOptions {
  readonly mode?: 'office' | 'file';
  readonly lang?: Lang;
  readonly dark?: boolean;
  /** Office mode's workbook. */
  readonly port?: WorkbookPort;
  /** File mode: what openXlsx gives for the sample and for each opened file, in turn (an Error is thrown). */
  readonly filePorts?: readonly (FilePort | Error)[];
}

export interface RenderedApp extends RenderResult {
  readonly services: AppServices & {
    readonly opened: { bytes: number; lang: Lang }[];
    readonly downloads: { name: string; bytes: Uint8Array }[];
  };
}

/** Renders the whole pane with in-memory workbooks and a fixed today (2023-06-30). */
export function renderApp(options: RenderAppOptions = {}): RenderedApp {
  const mode = options.mode ?? 'office';
  const port = options.port ?? new FakePort({ kind: 'office' });
  const filePorts = [...(options.filePorts ?? [new FakeFilePort()])];
  const opened: { bytes: number; lang: Lang }[] = [];
  const downloads: { name: string; bytes: Uint8Array }[] = [];
  const services = {
    opened,
    downloads,
    openOfficePort: () => Promise.resolve(port),
    openXlsx: (data: ArrayBuffer, lang: Lang) => {
      opened.push({ bytes: data.byteLength, lang });
      const next = filePorts.length > 1 ? filePorts.shift() : filePorts[0];
      if (!next) return Promise.reject(new Error('no file port left'));
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    fetchSample: () => Promise.resolve(new ArrayBuffer(8)),
    saveBytes: (bytes: Uint8Array, name: string) => {
      downloads.push({ name, bytes });
    },
    today: () => TODAY,
  };
  const result = renderFluent(
    <App
      host={{ mode, lang: options.lang ?? 'zh', dark: options.dark ?? false }}
      services={services}
    />,
  );
  return { ...result, services };
}

// Only the rules that decide what is visible (and so what is in an accessible name).
const VISIBILITY_RULE = /visibility:|display:\s*none/;

/**
 * Renders under a Griffel renderer that inserts only the CSS rules deciding visibility: jsdom's
 * getComputedStyle walks every rule for every element, and Testing Library's role queries call
 * it for each node, so Fluent's full CSS makes each query take hundreds of milliseconds.
 */
export function renderFluent(ui: ReactElement): RenderResult {
  const renderer = createDOMRenderer(document, {
    unstable_filterCSSRule: (rule) => VISIBILITY_RULE.test(rule),
  });
  return render(<RendererProvider renderer={renderer}>{ui}</RendererProvider>);
}
