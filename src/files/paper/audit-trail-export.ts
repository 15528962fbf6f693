/** The audit trail of an instance as CSV (formula-neutralised, via the shared writer) and as JSON. */
import { exportCsv, type ExportTable } from '../ppk/export.js';
import type { ArchiveAuditEvent } from './archive-types.js';

export function auditTrailTable(events: readonly ArchiveAuditEvent[]): ExportTable {
  return {
    sheetName: 'Audit',
    columns: [
      { key: 'seq', header: 'seq' },
      { key: 'at', header: 'at' },
      { key: 'type', header: 'type' },
      { key: 'actor', header: 'actor' },
      { key: 'onBehalfOf', header: 'onBehalfOf' },
      { key: 'channel', header: 'channel' },
      { key: 'step', header: 'step' },
      { key: 'data', header: 'data' },
    ],
    rows: [...events]
      .sort((a, b) => a.seq - b.seq)
      .map((event) => ({
        seq: event.seq,
        at: event.at,
        type: event.type,
        actor: event.actor,
        onBehalfOf: event.onBehalfOf ?? '',
        channel: event.channel,
        step: event.step ?? '',
        data: event.data === undefined ? '' : JSON.stringify(event.data),
      })),
  };
}

export function auditTrailCsv(events: readonly ArchiveAuditEvent[]): Uint8Array {
  return exportCsv(auditTrailTable(events));
}

export function auditTrailJson(events: readonly ArchiveAuditEvent[]): Uint8Array {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return new TextEncoder().encode(`${JSON.stringify(sorted, null, 2)}\n`);
}
