import type { webApi } from '@slack/bolt';
import type { IncomingFile } from '../../chat/chat-core.js';

export class FileTooBigError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
    this.name = 'FileTooBigError';
  }
}

/**
 * A file shared in a DM, as ChatCore takes it: files.info gives its name, declared size and private
 * download URL; the bytes are fetched (with the bot token) only when ChatCore asks for them, and
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

/** Fetches a `url_private_download` with the bot token, refusing bodies over the limit. */
export async function downloadPrivate(
  url: string,
  options: { botToken: string; maxBytes: number; timeoutMs?: number },
): Promise<Buffer> {
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${options.botToken}` },
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new Error(`file download failed: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body.cancel();
    throw new FileTooBigError(options.maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream, so an oversized body is not read to its end.
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > options.maxBytes) throw new FileTooBigError(options.maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
