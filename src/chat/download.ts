/**
 * Downloads of files people send, for every channel: capped in size (a declared length over the
 * limit is refused before the body is read, and reading stops at the limit), limited in time,
 * and failing with typed errors the chat layer answers in the person's language.
 */
export class FileTooBigError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
    this.name = 'FileTooBigError';
  }
}

export class DownloadFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DownloadFailedError';
  }
}

export interface DownloadOptions {
  maxBytes: number;
  /** Default one minute. */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export async function downloadCapped(url: string, options: DownloadOptions): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...(options.headers ? { headers: options.headers } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
  } catch (error) {
    throw new DownloadFailedError('file download failed: no response', { cause: error });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new DownloadFailedError(`file download failed: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body.cancel();
    throw new FileTooBigError(options.maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // Leaving the loop early cancels the stream, so an oversized body is not read to its end.
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > options.maxBytes) throw new FileTooBigError(options.maxBytes);
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof FileTooBigError) throw error;
    throw new DownloadFailedError('file download failed while reading', { cause: error });
  }
  return Buffer.concat(chunks);
}
