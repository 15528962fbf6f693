/** Codes of the errors raised by the office-time module, so callers can branch without `instanceof`. */
export type TimeErrorCode = 'NO_OFFICE_TIME' | 'INVALID_DURATION';

/** Base class of the office-time errors. */
export class TimeError extends Error {
  constructor(
    readonly code: TimeErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The calendar has no working time within the search horizon (no workdays, no hours, or every day a
 * holiday), so no due time exists. Raised instead of looping forever.
 */
export class NoOfficeTimeError extends TimeError {
  constructor(
    readonly timeZone: string,
    readonly searchedFrom: Date,
    readonly searchedDays: number,
  ) {
    super(
      'NO_OFFICE_TIME',
      `The office calendar (${timeZone}) has no working time in the ${searchedDays} days after ${searchedFrom.toISOString()}`,
    );
  }
}

/** A standard time such as `5m`, `1h30m` or `90s` could not be parsed. */
export class DurationParseError extends TimeError {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super('INVALID_DURATION', `Invalid duration ${JSON.stringify(input)}: ${reason}`);
  }
}
