import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../support/paths.js';

/**
 * The image installs `dependencies` only (npm ci --omit=dev): every package the service's code
 * imports at run time must be one of them, and nothing used only by tests or tools may be.
 */
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Package names imported at run time by a file (type-only imports are erased by the build). */
function runtimeImports(text: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\s)(?:[^'";]+?\s+from\s+)?['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\s)[^'";]*?\s+from\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) specifiers.push(match[1] ?? '');
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] ?? s)));
}

describe('runtime dependencies', () => {
  const files = sourceFiles(join(REPO_ROOT, 'src'));

  test('every package src/ imports at run time is a production dependency', () => {
    const missing: string[] = [];
    for (const file of files) {
      const name = relative(REPO_ROOT, file);
      for (const used of runtimeImports(readFileSync(file, 'utf8'))) {
        // The embedded database's thread loads tsx only when it runs from .ts sources (tests, dev).
        if (used === 'tsx' && name === join('src', 'storage', 'embedded-mongo.ts')) continue;
        if (!(used in packageJson.dependencies)) missing.push(`${name}: ${used}`);
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  test('what only tests and tools use is a development dependency', () => {
    for (const tool of ['tsx', 'busboy', 'typescript', 'jest', 'dclint'])
      expect([tool, tool in packageJson.dependencies, tool in packageJson.devDependencies]).toEqual([
        tool,
        false,
        true,
      ]);
  });

  test('no production package needs an install script (the image installs with --ignore-scripts)', () => {
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript && !entry.dev)
      .map(([path]) => path);
    expect(withScripts).toEqual([]);
  });

  test('the import reader finds value imports and skips type-only ones', () => {
    const text = [
      "import { z } from 'zod';",
      "import type { Logger } from 'pino';",
      "import '@slack/bolt/dist/side-effect.js';",
      "export { x } from 'yaml';",
      "const m = await import('mongoose');",
      "import { readFile } from 'node:fs/promises';",
      "import { join } from 'path';",
    ].join('\n');
    expect(runtimeImports(text).sort()).toEqual(['@slack/bolt', 'mongoose', 'yaml', 'zod']);
  });
});
