import { existsSync } from 'node:fs';
import { loadFlowFile } from '../../config/flow-files.js';
import { loadOrgFile } from '../../config/org-file.js';
import { DataFileError, formatProblems } from '../../core/errors.js';
import type { Flow } from '../../core/flow/model.js';
import { standardMinutes } from '../../core/flow/model.js';
import { DEFAULT_POSITIONS } from '../../core/org/schema.js';
import type { CliOutput, CliTexts } from '../output.js';

/**
 * `pandu flow check <file> [--json]`: validates a flow file as the service does at start-up.
 * Positions are checked against ORG_FILE when it exists, else against the default chain.
 */
export function runFlowCheck(
  argv: string[],
  out: CliOutput,
  orgFile: string | undefined,
  t: CliTexts,
): number {
  const json = argv.includes('--json');
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    out.stderr(t('cli-help-flow'));
    return 2;
  }
  const positions =
    orgFile && existsSync(orgFile) ? loadOrgFile(orgFile).positions : DEFAULT_POSITIONS.map((p) => p.id);
  try {
    const flow = loadFlowFile(file, positions);
    if (json) out.stdout(JSON.stringify(normalisedFlow(flow)));
    else {
      out.stdout(t('cli-flow-ok', { file, number: flow.header.number, name: { text: flow.header.name } }));
      for (const step of flow.steps) {
        const minutes = standardMinutes(step);
        const performer = `${step.performer.position}${step.performer.tag ? ` (${step.performer.tag})` : ''}`;
        out.stdout(
          `  ${String(step.number).padStart(2)}. [${step.type}] ${performer} · ${
            minutes === null ? t('cli-flow-no-standard') : t('cli-flow-standard', { minutes: { minutes } })
          } · ${step.id}`,
        );
      }
    }
    return 0;
  } catch (error) {
    const message =
      error instanceof DataFileError ? formatProblems(error.problems) : (error as Error).message;
    out.stderr(`✖ ${message}`);
    if (json)
      out.stdout(
        JSON.stringify({
          valid: false,
          errors: error instanceof DataFileError ? error.problems : [{ file, message }],
        }),
      );
    return 1;
  }
}

/** The flow as JSON: the header, and the steps in order with their normalised fields. */
export function normalisedFlow(flow: Flow) {
  return {
    valid: true,
    id: flow.id,
    version: flow.version,
    header: flow.header,
    handlingUnit: flow.handlingUnit,
    agendaNumberFormat: flow.agendaNumberFormat,
    instructions: flow.instructions,
    steps: flow.steps.map((step) => ({
      id: step.id,
      number: step.number,
      title: step.title,
      performer: step.performer.position,
      performerTag: step.performer.tag ?? null,
      type: step.type,
      standardMinutes: standardMinutes(step),
      kelengkapan: step.kelengkapan,
      checklist: step.checklist,
      output: step.output,
      next: step.next ?? null,
      returnTo: step.returnTo,
      recipients: step.recipients ?? null,
      book: step.book ?? null,
    })),
  };
}
