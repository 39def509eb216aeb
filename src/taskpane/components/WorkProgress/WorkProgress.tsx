import { Field, ProgressBar } from '@fluentui/react-components';
import type { WorkProgress as Progress } from '../../hooks/useWorkbookSession';
import { useLang } from '../../i18n/LangContext';

/** A labelled progress bar for reading, analysing, painting or clearing. */
export function WorkProgress({ progress }: { readonly progress: Progress | null }) {
  const { t } = useLang();
  if (progress === null) return null;
  const label = t.progress[progress.phase];
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={Math.min(1, Math.max(0, progress.value))} max={1} aria-label={label} />
    </Field>
  );
}
