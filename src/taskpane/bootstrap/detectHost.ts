import type { Lang } from '../../core/issue';

/** Where the pane runs: inside Excel (office mode) or as a web page on .xlsx files (file mode). */
export interface HostInfo {
  readonly mode: 'office' | 'file';
  readonly lang: Lang;
  readonly dark: boolean;
}

// Office.onReady never settles on some pages that load office.js outside Office; do not wait forever.
const ON_READY_TIMEOUT_MS = 3000;

function langOf(tag: string | undefined | null): Lang {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** True for a dark background colour such as Office's "#262626". */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? '0', 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

function browserLang(): Lang {
  const tags =
    typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return langOf(tags.find((t) => Boolean(t)));
}

function browserDark(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
  );
}

function officeReady(): Promise<{ host: Office.HostType | null } | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ON_READY_TIMEOUT_MS);
    Office.onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve(info);
      })
      .catch(() => {
        clearTimeout(timer);
        resolve(null);
      });
  });
}

/**
 * Decides the mode: office when office.js loaded and Office says the host is Excel; otherwise file
 * mode, which is also what a browser gets when office.js could not be fetched at all.
 */
export async function detectHost(): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return { mode: 'file', lang: browserLang(), dark: browserDark() };
  }
  const info = await officeReady();
  if (info === null || info.host !== Office.HostType.Excel) {
    return { mode: 'file', lang: browserLang(), dark: browserDark() };
  }
  const context = Office.context;
  const theme = context.officeTheme as Office.OfficeTheme | undefined;
  return {
    mode: 'office',
    lang: langOf(context.displayLanguage),
    dark: theme ? (theme.isDarkTheme ?? isDarkColor(theme.bodyBackgroundColor)) : false,
  };
}
