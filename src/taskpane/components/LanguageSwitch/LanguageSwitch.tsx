import { Button, Tooltip } from '@fluentui/react-components';
import { LocalLanguageRegular } from '@fluentui/react-icons';
import type { Lang } from '../../../core/issue';
import { useLang } from '../../i18n/LangContext';

/** Switches the pane between Chinese and English. */
export function LanguageSwitch({ onChange }: { readonly onChange: (lang: Lang) => void }) {
  const { t, lang } = useLang();
  return (
    <Tooltip content={t.switchLanguage} relationship="description">
      <Button
        appearance="subtle"
        icon={<LocalLanguageRegular />}
        onClick={() => onChange(lang === 'zh' ? 'en' : 'zh')}
        lang={lang === 'zh' ? 'en' : 'zh'}
      >
        {t.otherLanguageName}
      </Button>
    </Tooltip>
  );
}
