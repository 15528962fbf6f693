import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FLOWS_DIR = join(REPO_ROOT, 'flows');
export const SPSE_FLOW_FILE = join(FLOWS_DIR, 'spse-eproc.yaml');
export const EXAMPLE_ORG_FILE = join(FLOWS_DIR, 'org', 'org.example.yaml');
export const LOCALES_DIR = join(REPO_ROOT, 'locales');
