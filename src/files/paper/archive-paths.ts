/** Where each file goes inside the archive: readable folders, safe names, no two entries on one path. */
import type { ArchiveFile } from './archive-types.js';

const MAX_NAME = 120;
const UNSAFE = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);

function isUnsafe(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 32 || code === 127 || UNSAFE.has(char);
}

/** A file name that cannot leave its folder or upset an unzip tool: no separators, controls or dot-names. */
export function safeFileName(name: string): string {
  const cleaned = Array.from(name.normalize('NFC'), (char) => (isUnsafe(char) ? '_' : char))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  const base = cleaned === '' ? 'berkas' : cleaned;
  if (base.length <= MAX_NAME) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, MAX_NAME - ext.length) + ext;
}

function folderOf(file: ArchiveFile): string {
  if (file.kind === 'generated') return `dokumen/${file.documentKind ?? 'lain'}/v${file.version}`;
  const step = file.step
    ? `${String(file.step.number).padStart(2, '0')}-${safeFileName(file.step.id)}`
    : '00-permohonan';
  return `berkas/${step}/v${file.version}`;
}

/** The path of every file, in the input's order; a clash gets ` (2)`, ` (3)` before the extension. */
export function archivePaths(files: readonly ArchiveFile[], reserved: readonly string[]): string[] {
  const used = new Set(reserved);
  return files.map((file) => {
    const name = safeFileName(file.name);
    const folder = folderOf(file);
    let path = `${folder}/${name}`;
    for (let n = 2; used.has(path); n += 1) {
      const dot = name.lastIndexOf('.');
      path =
        dot > 0 ? `${folder}/${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${folder}/${name} (${n})`;
    }
    used.add(path);
    return path;
  });
}
