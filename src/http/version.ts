import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The service's version, from package.json (two folders up from src/http and from dist/http). */
export function serviceVersion(): string {
  if (cached) return cached;
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    cached = typeof version === 'string' ? version : 'unknown';
  } catch {
    cached = 'unknown';
  }
  return cached;
}
