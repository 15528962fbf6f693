import type { AuditEvent, Instance, StepRun } from '../../core/engine/types.js';

/** The parts of an audit event a report reads. */
export type ReportEvent = Pick<AuditEvent, 'type' | 'at' | 'runId'>;

/**
 * The parts of an instance the compliance report reads (an Instance is one). A store may hand over
 * only these, and only the audit events of the types in REPORT_EVENT_TYPES.
 */
export interface ReportInstance {
  id: Instance['id'];
  flowId: Instance['flowId'];
  runs: readonly StepRun[];
  events: readonly ReportEvent[];
}

/** The audit events the report needs: a disruption stopping and restarting a run's clock. */
export const REPORT_EVENT_TYPES = ['clock-paused', 'clock-resumed'] as const;
