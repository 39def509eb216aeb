import { act, fireEvent, screen } from '@testing-library/react';

/**
 * Picks an option of a Fluent Dropdown, then moves focus away as a user's next click would: a
 * focused Dropdown keeps its listbox mounted, and jsdom re-positions it on every render.
 */
export async function chooseOption(combobox: HTMLElement, option: string): Promise<void> {
  fireEvent.click(combobox);
  fireEvent.click(await screen.findByText(option, { selector: '[role=option]' }));
  act(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
}
