import { readFileSync } from 'node:fs';
import { parseOrg } from '../core/org/check-org.js';
import type { OrgDirectory } from '../core/org/org-directory.js';

export function loadOrgFile(path: string): OrgDirectory {
  return parseOrg(readFileSync(path, 'utf8'), path);
}
