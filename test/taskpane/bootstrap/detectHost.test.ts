/** @jest-environment jsdom */
import { detectHost, isDarkColor } from '../../../src/taskpane/bootstrap/detectHost';

type OfficeLike = {
  HostType: { Excel: string; Word: string };
  onReady: () => Promise<{ host: string | null; platform: string | null }>;
  context: {
    displayLanguage: string;
    officeTheme?: { bodyBackgroundColor: string; isDarkTheme?: boolean };
  };
};

function installOffice(office: OfficeLike | undefined): void {
  const g = globalThis as unknown as { Office?: OfficeLike };
  if (office === undefined) delete g.Office;
  else g.Office = office;
}

function officeIn(host: string | null, context: OfficeLike['context']): OfficeLike {
  return {
    HostType: { Excel: 'Excel', Word: 'Word' },
    onReady: () => Promise.resolve({ host, platform: host ? 'PC' : null }),
    context,
  };
}

function setBrowserLanguages(languages: string[]): void {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true });
  Object.defineProperty(navigator, 'language', { value: languages[0], configurable: true });
}

afterEach(() => {
  installOffice(undefined);
  jest.useRealTimers();
});

describe('detectHost', () => {
  it('runs in file mode, in the browser language, when office.js is not on the page', async () => {
    setBrowserLanguages(['zh-CN', 'en']);
    expect(await detectHost()).toEqual({ mode: 'file', lang: 'zh', dark: false });
    setBrowserLanguages(['fr-FR']);
    expect(await detectHost()).toEqual({ mode: 'file', lang: 'en', dark: false });
  });

  it("runs in office mode inside Excel, in Office's language and theme", async () => {
    installOffice(
      officeIn('Excel', {
        displayLanguage: 'en-US',
        officeTheme: { bodyBackgroundColor: '#262626' },
      }),
    );
    expect(await detectHost()).toEqual({ mode: 'office', lang: 'en', dark: true });
    installOffice(
      officeIn('Excel', {
        displayLanguage: 'zh-CN',
        officeTheme: { bodyBackgroundColor: '#ffffff', isDarkTheme: false },
      }),
    );
    expect(await detectHost()).toEqual({ mode: 'office', lang: 'zh', dark: false });
  });

  it('runs in file mode when office.js is loaded outside Office or in another host', async () => {
    setBrowserLanguages(['zh-CN']);
    installOffice(officeIn(null, { displayLanguage: 'en-US' }));
    expect((await detectHost()).mode).toBe('file');
    installOffice(officeIn('Word', { displayLanguage: 'en-US' }));
    expect((await detectHost()).mode).toBe('file');
  });

  it('gives up waiting for Office after a few seconds and runs in file mode', async () => {
    jest.useFakeTimers();
    installOffice({
      ...officeIn('Excel', { displayLanguage: 'zh-CN' }),
      onReady: () => new Promise(() => undefined),
    });
    const host = detectHost();
    await jest.advanceTimersByTimeAsync(3000);
    expect((await host).mode).toBe('file');
  });
});

describe('isDarkColor', () => {
  it("tells Office's dark backgrounds from light ones", () => {
    expect(isDarkColor('#262626')).toBe(true);
    expect(isDarkColor('#1F1F1F')).toBe(true);
    expect(isDarkColor('#FFFFFF')).toBe(false);
    expect(isDarkColor('#e6e6e6')).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });
});
