import { watchFile, unwatchFile } from 'node:fs';
import { DataFileError } from '../core/errors.js';
import type { ChatAccountRule } from '../core/org/check-org.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import type { Logger } from '../logger.js';
import { loadOrgFile } from './org-file.js';

/**
 * The org file, kept current: re-read when it changes (polling, so an editor's save-by-rename
 * is seen too). A broken edit is logged with its file and field and the previous org stays.
 */
export class OrgSource {
  private current: OrgDirectory;
  private watching = false;
  private readonly listeners: Array<(org: OrgDirectory) => void> = [];

  constructor(
    private readonly path: string,
    private readonly logger: Logger,
    private readonly accept: (org: OrgDirectory) => string | undefined = () => undefined,
    private readonly accounts?: Readonly<Record<string, ChatAccountRule>>,
  ) {
    this.current = loadOrgFile(path, accounts);
  }

  get org(): OrgDirectory {
    return this.current;
  }

  /** Called after each org taken from a changed file (a listener handles its own errors). */
  onChange(listener: (org: OrgDirectory) => void): void {
    this.listeners.push(listener);
  }

  /** Re-reads the file; returns true when the new org was taken. */
  reload(): boolean {
    try {
      const next = loadOrgFile(this.path, this.accounts);
      const refusal = this.accept(next);
      if (refusal) {
        this.logger.error(
          { file: this.path, reason: refusal },
          'org file change refused; keeping the previous org',
        );
        return false;
      }
      this.current = next;
      this.logger.info({ file: this.path, people: next.allPeople().length }, 'org file reloaded');
      for (const listener of this.listeners) listener(next);
      return true;
    } catch (error) {
      const problems = error instanceof DataFileError ? error.problems : undefined;
      this.logger.error(
        { file: this.path, problems, err: problems ? undefined : error },
        'org file is invalid; keeping the previous org',
      );
      return false;
    }
  }

  watch(intervalMs = 2000): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(this.path, { interval: intervalMs }, (now, before) => {
      if (now.mtimeMs !== before.mtimeMs) this.reload();
    });
  }

  stop(): void {
    if (this.watching) unwatchFile(this.path);
    this.watching = false;
  }
}
