/** Exit codes, sysexits style. main.ts is the only place that turns errors into these. */
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 64,
  data: 65,
  noInput: 66,
  cantCreate: 73,
  io: 74,
  tempFail: 75,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the user can fix; carries its exit code and an optional hint. */
export class WinbackError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    public hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** the message and hint as catalogue keys, worded in the reader's language where the error is shown (cli/main.ts) */
  keyed?: { message?: { key: string; args: readonly unknown[] }; hint?: { key: string; args: readonly unknown[] } };
}

/** Bad flags or arguments (64). */
export class UsageError extends WinbackError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
  }
}

/** Input data that cannot be used: missing columns, invalid playbook, reject rate exceeded (65). */
export class DataError extends WinbackError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.data, hint);
  }
}

/** Input file missing or unreadable (66). */
export class InputMissingError extends WinbackError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.noInput, hint);
  }
}

/** Output cannot be created (73). */
export class CannotCreateError extends WinbackError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.cantCreate, hint);
  }
}

/** Read/write failure in the middle of a run (74). */
export class IoError extends WinbackError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.io, hint);
  }
}

/** Another run holds the lock, or a temporary condition (75). */
export class LockedError extends WinbackError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.tempFail, hint);
  }
}

/** The user interrupted an interactive run (Ctrl-C) (130). */
export class InterruptedError extends WinbackError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.interrupted, hint);
  }
}
