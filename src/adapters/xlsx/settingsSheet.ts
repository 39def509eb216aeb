import { SETTINGS_KEY } from '../../core/workbookRecord/recordKeys';
import {
  settingsOfText,
  settingsText,
  type WorkbookSettings,
} from '../../core/workbookRecord/settings';
import type { StateStore } from './stateSheet';

/** The part of a record store the settings use; both xlsx adapters' stores have it. */
export type SettingsStore = Pick<StateStore, 'getText' | 'setText'>;

/** Reads the settings saved in the workbook; a part that is damaged is left out, not guessed. */
export function loadSettings(store: SettingsStore): WorkbookSettings {
  return settingsOfText(store.getText(SETTINGS_KEY));
}

export function saveSettings(store: SettingsStore, settings: WorkbookSettings): void {
  store.setText(SETTINGS_KEY, settingsText(settings));
}
