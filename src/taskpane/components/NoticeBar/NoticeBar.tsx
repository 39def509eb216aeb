import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Notice } from '../../hooks/notice';
import { useLang } from '../../i18n/LangContext';

export interface NoticeBarProps {
  readonly notice: Notice | null;
  readonly onDismiss: () => void;
}

/** One message for the user, in the current language, that they can dismiss. */
export function NoticeBar({ notice, onDismiss }: NoticeBarProps) {
  const { t, lang } = useLang();
  if (notice === null) return null;
  return (
    <MessageBar
      intent={notice.intent}
      politeness={notice.intent === 'error' ? 'assertive' : 'polite'}
    >
      <MessageBarBody>{notice.text(t, lang)}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            aria-label={t.dismiss}
            appearance="transparent"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
