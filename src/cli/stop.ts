/** A command stops with this: sentences for stderr and the exit code. */
export class Stop extends Error {
  constructor(
    readonly code: number,
    readonly lines: readonly string[],
  ) {
    super(lines.join('\n'));
  }
}
