/** The `redline` command's exit codes, documented in README.md. */
export const EXIT = {
  ok: 0,
  /** The input is invalid, or an analysis found what the user asked it to fail on. */
  invalid: 1,
  /** Unknown command or option, missing argument. */
  usage: 2,
  /** A file could not be read: missing, unreadable, too large, binary. */
  unreadable: 3,
  /** A bug: an unexpected exception. */
  internal: 70,
} as const;

/** Thrown by commands to end with a message and an exit code (caught in main.ts). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
