import type { LocalizedText } from '../i18n.js';
import type { StepId } from '../ids.js';
import type { OfficeCalendarOverride } from '../time/office-calendar.js';
import type { ParsedFlow } from './schema.js';
import type { StepType } from './step-types.js';

/** A flow after validation and normalisation: what the engine works with. */
export interface Flow {
  id: string;
  version: number;
  /** The file it was loaded from, for messages. */
  source: string;
  header: ParsedFlow['header'];
  handlingUnit: string;
  instructions: Array<{ id: string; label: LocalizedText }>;
  agendaNumberFormat: string;
  /** Overrides of the office calendar for this flow. */
  calendar?: OfficeCalendarOverride;
  steps: FlowStep[];
}

export interface Performer {
  position: string;
  tag?: string;
}

export interface KelengkapanItem {
  id: string;
  label: LocalizedText;
  kind: 'check' | 'document';
  required: boolean;
}

export interface FlowStep {
  id: StepId;
  /** 1-based position in the flow, as the SOP numbers its steps. */
  number: number;
  title: LocalizedText;
  instruction?: LocalizedText;
  performer: Performer;
  type: StepType;
  kelengkapan: KelengkapanItem[];
  checklist: Array<{ id: string; label: LocalizedText }>;
  /** Checklist steps: the earlier step whose latest file content gives the items (see FileRef.content). */
  checklistFrom?: StepId;
  /** Standard time (Mutu Baku waktu) in milliseconds, or null when the step has none. */
  standardMs: number | null;
  output: {
    label: LocalizedText;
    file?: { required: boolean; accept: string[]; handler?: string };
  };
  next?: StepId;
  returnTo: StepId[];
  recipients?: string;
  book?: 'incoming' | 'outgoing';
}

export const DEFAULT_AGENDA_NUMBER_FORMAT = '{seq:3}/{book}/{year}';

export const DEFAULT_INSTRUCTIONS: Flow['instructions'] = [
  { id: 'tindak-lanjut', label: { id: 'Untuk ditindaklanjuti', en: 'For follow-up' } },
  { id: 'diketahui', label: { id: 'Untuk diketahui', en: 'For your information' } },
  { id: 'pelajari-laporkan', label: { id: 'Untuk dipelajari dan dilaporkan', en: 'Study and report back' } },
  { id: 'segera', label: { id: 'Segera', en: 'Urgent' } },
  { id: 'proses', label: { id: 'Untuk diproses sesuai ketentuan', en: 'Process according to the rules' } },
  { id: 'bicarakan', label: { id: 'Untuk dibicarakan dengan saya', en: 'Discuss with me' } },
];

export function stepById(flow: Flow, stepId: StepId): FlowStep | undefined {
  return flow.steps.find((s) => s.id === stepId);
}

export function standardMinutes(step: FlowStep): number | null {
  return step.standardMs === null ? null : step.standardMs / 60_000;
}
