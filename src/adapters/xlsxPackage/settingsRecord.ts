import { SETTINGS_KEY } from '../../core/workbookRecord/recordKeys';
import {
  settingsOfText,
  settingsText,
  type WorkbookSettings,
} from '../../core/workbookRecord/settings';
/** The part of the records sheet the settings use (StateRecords). */
export interface SettingsStore {
  getText(key: string): string | undefined;
  setText(key: string, text: string | undefined): void;
}

/** Reads the settings saved in the workbook; a part that is damaged is left out, not guessed. */
export function loadSettings(store: SettingsStore): WorkbookSettings {
  return settingsOfText(store.getText(SETTINGS_KEY));
}

export function saveSettings(store: SettingsStore, settings: WorkbookSettings): void {
  store.setText(SETTINGS_KEY, settingsText(settings));
}
