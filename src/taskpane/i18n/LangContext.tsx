import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang } from '../../core/issue';
import { stringsFor, type Strings } from './strings';

interface LangValue {
  readonly lang: Lang;
  readonly t: Strings;
}

const LangContext = createContext<LangValue>({ lang: 'zh', t: stringsFor('zh') });

/** Makes the pane's language and its strings available to every component below. */
export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: stringsFor(lang) }), [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The current language and its strings. */
export function useLang(): LangValue {
  return useContext(LangContext);
}
