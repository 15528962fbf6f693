/** Writes a ZIP archive with yazl: every entry stamped with one time, already-compressed formats stored. */
import yazl from 'yazl';

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

const STORED = /\.(pdf|docx|xlsx|zip|png|jpe?g|gif|webp)$/i;

export async function writeZip(entries: readonly ZipEntry[], mtime: Date): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    zip.outputStream.on('error', reject);
  });
  for (const entry of entries) {
    zip.addBuffer(Buffer.from(entry.bytes), entry.path, { mtime, compress: !STORED.test(entry.path) });
  }
  zip.end();
  return done;
}
