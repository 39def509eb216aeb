import { SETTINGS_KEY } from '../../core/workbookRecord/recordKeys';
import {
  settingsOfText,
  settingsText,
  type WorkbookSettings,
} from '../../core/workbookRecord/settings';
import type { StateStore } from './stateSheet';

/** Reads the settings saved in the workbook; a part that is damaged is left out, not guessed. */
export function loadSettings(store: StateStore): WorkbookSettings {
  return settingsOfText(store.getText(SETTINGS_KEY));
}

export function saveSettings(store: StateStore, settings: WorkbookSettings): void {
  store.setText(SETTINGS_KEY, settingsText(settings));
}
