/**
 * Long engine work as steps: functions over every row are generators that yield every
 * STEP_ROWS rows, so a front end can hand the thread back between steps (a 100,000-row sheet
 * would otherwise block a page for most of a second), while the CLI and tests simply run them
 * to the end. The core stays pure: it never looks at a clock; the driver decides when to pause.
 */
export type Steps<R> = Generator<void, R, void>;

/** Rows processed between two yields: a few milliseconds of work. */
export const STEP_ROWS = 2048;

/** Runs steps to the end, synchronously. */
export function runSteps<R>(steps: Steps<R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}
