import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError, type FileProblem } from '../core/errors.js';
import type { Flow } from '../core/flow/model.js';
import { parseFlow } from '../core/flow/parse-flow.js';

/** Reads one flow file from disk and validates it. */
export function loadFlowFile(path: string, knownPositions?: readonly string[]): Flow {
  return parseFlow(readFileSync(path, 'utf8'), path, knownPositions);
}

/**
 * Loads every `*.yaml` / `*.yml` file directly in the flows directory (sub-folders hold the org
 * and calendars). Collects the problems of all files, so one run shows every broken file.
 */
export function loadFlowsDir(dir: string, knownPositions?: readonly string[]): Flow[] {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort();
  const flows: Flow[] = [];
  const problems: FileProblem[] = [];
  for (const file of files) {
    try {
      flows.push(loadFlowFile(file, knownPositions));
    } catch (error) {
      if (error instanceof DataFileError) problems.push(...error.problems);
      else throw error;
    }
  }
  const seen = new Map<string, string>();
  for (const flow of flows) {
    const other = seen.get(flow.id);
    if (other)
      problems.push({
        file: flow.source,
        field: 'id',
        message: `flow id "${flow.id}" is also used by ${other}`,
      });
    seen.set(flow.id, flow.source);
  }
  if (problems.length > 0) throw new DataFileError('flow-invalid', problems);
  if (flows.length === 0) {
    throw new DataFileError('flow-invalid', [
      { file: dir, field: '(directory)', message: 'no flow files (*.yaml) found' },
    ]);
  }
  return flows;
}
