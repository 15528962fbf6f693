/**
 * `pandu ppk check <file> [--json]`: validates a PPK list exactly as a chat upload would.
 *
 * Exit codes: 0 valid (summary printed), 1 invalid (every error printed), 2 usage error or unreadable file.
 * With --json only one line is printed to stdout, a JSON object
 * `{ "valid": boolean, "rows": number, "errors": [{ "row", "column", "code", "message" }] }`
 * (row and column are null for a problem with the whole file).
 */
import { open } from 'node:fs/promises';
import { checkPpkFile } from '../../files/ppk/check-ppk-file.js';
import { fileIssue } from '../../files/ppk/issues.js';
import { resolveLimits, toMegabytes } from '../../files/ppk/limits.js';
import type { PpkLimits } from '../../files/ppk/limits.js';
import { errorLines, issueMessage, summaryLines } from '../../files/ppk/messages.js';
import type { Translate } from '../../files/ppk/messages.js';
import type { PpkIssue } from '../../files/ppk/types.js';
import type { ValidateOptions } from '../../files/ppk/validate-rows.js';

import type { CliOutput } from '../output.js';

export interface PpkCheckCliOptions extends ValidateOptions {
  limits?: Partial<PpkLimits>;
}

interface JsonError {
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

type Parsed =
  { ok: true; file: string; json: boolean; help: boolean } | { ok: false; json: boolean; problem: string };

function parseArgs(argv: readonly string[], translate: Translate): Parsed {
  let json = false;
  let help = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of argv) {
    if (onlyFiles || !arg.startsWith('-') || arg === '-') files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else return { ok: false, json, problem: translate('ppk-cli-unknown-option', { option: arg }) };
  }
  if (help) return { ok: true, file: '', json, help };
  if (files.length === 0) return { ok: false, json, problem: translate('ppk-cli-missing-file') };
  if (files.length > 1) return { ok: false, json, problem: translate('ppk-cli-too-many-files') };
  return { ok: true, file: files[0] ?? '', json, help };
}

/** Reads at most `limit + 1` bytes: enough to know a file is too big without loading all of it. */
async function readBounded(path: string, limit: number): Promise<{ bytes: Uint8Array; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) return { bytes: new Uint8Array(0), size };
    const buffer = Buffer.alloc(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(buffer, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return { bytes: buffer.subarray(0, offset), size };
  } finally {
    await handle.close();
  }
}

function jsonLine(valid: boolean, rows: number, errors: readonly PpkIssue[], translate: Translate): string {
  const list: JsonError[] = errors.map((issue) => ({
    row: issue.row,
    column: issue.column,
    code: issue.code,
    message: issueMessage(issue, translate),
  }));
  return JSON.stringify({ valid, rows, errors: list });
}

/** `argv` is what follows `ppk check` on the command line. */
export async function runPpkCheck(
  argv: string[],
  out: CliOutput,
  translate: Translate,
  options: PpkCheckCliOptions = {},
): Promise<number> {
  const args = parseArgs(argv, translate);
  if (!args.ok) {
    out.stderr(args.problem);
    out.stderr(translate('ppk-cli-usage'));
    if (args.json) {
      out.stdout(
        JSON.stringify({
          valid: false,
          rows: 0,
          errors: [{ row: null, column: null, code: 'usage', message: args.problem }],
        }),
      );
    }
    return 2;
  }
  if (args.help) {
    out.stdout(translate('ppk-cli-usage'));
    return 0;
  }

  const limits = resolveLimits(options.limits);
  let read: { bytes: Uint8Array; size: number };
  try {
    read = await readBounded(args.file, limits.maxFileBytes);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const problem = translate('ppk-cli-file-unreadable', { file: args.file, reason });
    out.stderr(problem);
    if (args.json) {
      out.stdout(
        JSON.stringify({
          valid: false,
          rows: 0,
          errors: [{ row: null, column: null, code: 'unreadable', message: problem }],
        }),
      );
    }
    return 2;
  }

  const result =
    read.size > limits.maxFileBytes
      ? {
          valid: false as const,
          rows: 0,
          errors: [
            fileIssue('file-too-large', {
              sizeMb: toMegabytes(read.size),
              limitMb: toMegabytes(limits.maxFileBytes),
            }),
          ],
        }
      : await checkPpkFile(read.bytes, args.file, limits, options);

  if (result.valid) {
    if (args.json) out.stdout(jsonLine(true, result.summary.rows, [], translate));
    else for (const line of summaryLines(result.summary, translate, result.ignoredColumns)) out.stdout(line);
    return 0;
  }
  if (args.json) out.stdout(jsonLine(false, result.rows, result.errors, translate));
  else for (const line of errorLines(result.errors, translate)) out.stdout(line);
  return 1;
}
