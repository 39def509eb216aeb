import type { Lang } from '../../core/issue';
import type { Strings } from '../i18n/strings';

/** A message for the user, worded at render time so a language switch rewords it. */
export interface Notice {
  readonly intent: 'error' | 'warning' | 'success' | 'info';
  readonly text: (t: Strings, lang: Lang) => string;
}
