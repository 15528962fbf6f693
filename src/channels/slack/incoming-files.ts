import type { webApi } from '@slack/bolt';
import { downloadCapped } from '../../chat/download.js';
import type { IncomingFile } from '../../chat/uploads.js';

export { FileTooBigError } from '../../chat/download.js';

/**
 * A file shared in a DM, as the chat layer takes it: files.info gives its name, declared size and private
 * download URL; the bytes are fetched (with the bot token) only when the chat layer asks for them, and
 * never more than `maxBytes` of them.
 */
export async function incomingFile(
  client: webApi.WebClient,
  fileId: string,
  options: { botToken: string; maxBytes: number; timeoutMs?: number },
): Promise<IncomingFile> {
  const info = await client.files.info({ file: fileId });
  const file = info.file;
  const url = file?.url_private_download ?? file?.url_private;
  if (!file || !url) throw new Error(`files.info gave no download URL for ${fileId}`);
  return {
    name: file.name ?? file.title ?? fileId,
    size: file.size ?? 0,
    mimeType: file.mimetype ?? 'application/octet-stream',
    download: () => downloadPrivate(url, options),
  };
}

/** Fetches a `url_private_download` with the bot token, within the size and time limits. */
export function downloadPrivate(
  url: string,
  options: { botToken: string; maxBytes: number; timeoutMs?: number },
): Promise<Buffer> {
  return downloadCapped(url, {
    maxBytes: options.maxBytes,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    headers: { Authorization: `Bearer ${options.botToken}` },
  });
}
