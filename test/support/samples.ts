import * as path from 'path';

/** The repository's sample workbooks and their expected statuses (samples/), found from this file. */
export const SAMPLES = path.resolve(__dirname, '../../samples');
/** The key-project plan table, which is also the pane's built-in sample. */
export const SAMPLE = path.join(SAMPLES, 'projects.xlsx');
/** Statuses, counts and unit counts of each sample at each report date. */
export const EXPECTED = path.join(SAMPLES, 'expected.json');
