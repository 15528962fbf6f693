import type { MessageParams } from '../../core/i18n.js';

export type ReportInputProblem =
  | 'bad-date'
  | 'date-out-of-range'
  | 'from-after-to'
  | 'period-too-long'
  | 'unknown-unit'
  | 'unknown-flow'
  | 'unknown-person'
  | 'unknown-option'
  | 'conflicting-options'
  | 'missing-value';

/**
 * Input a report cannot be made from: a date that is not a date or lies outside the sane range, a
 * period that runs backwards or is too long, a unit, person or flow that does not exist. `code`
 * names the message (`report-error-<code>` in locales/{id,en}/reports.ftl) and `params` fill it.
 */
export class ReportInputError extends Error {
  constructor(
    readonly code: ReportInputProblem,
    readonly params: MessageParams,
  ) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = 'ReportInputError';
  }

  get messageKey(): string {
    return `report-error-${this.code}`;
  }
}
