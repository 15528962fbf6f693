import { readFileSync } from 'node:fs';
import { parseOrg, type ChatAccountRule } from '../core/org/check-org.js';
import type { OrgDirectory } from '../core/org/org-directory.js';

/** Reads and validates an org file; `accounts` checks its `chat:` entries against the platforms. */
export function loadOrgFile(
  path: string,
  accounts?: Readonly<Record<string, ChatAccountRule>>,
): OrgDirectory {
  return parseOrg(readFileSync(path, 'utf8'), path, accounts);
}
