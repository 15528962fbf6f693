import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket, type Db } from 'mongodb';
import type { FileRef } from '../core/engine/types.js';
import type { FileStore, StoredFile } from '../core/ports.js';
import { objectIdForKey } from './object-ids.js';

/** The largest file kept: above the 20 MB a chat upload may have and any document Pandu makes. */
export const MAX_STORED_FILE_BYTES = 50 * 1024 * 1024;

/** A stored file whose bytes no longer match the SHA-256 recorded when it was stored. */
export class StoredFileCorruptError extends Error {
  constructor(readonly fileId: string) {
    super(`stored file ${fileId} does not match its SHA-256`);
    this.name = 'StoredFileCorruptError';
  }
}

export class FileTooLargeToStoreError extends Error {
  constructor(readonly size: number) {
    super(`a file of ${size} bytes is over the ${MAX_STORED_FILE_BYTES}-byte limit`);
    this.name = 'FileTooLargeToStoreError';
  }
}

/**
 * Files in MongoDB's GridFS (bucket `files`): the driver splits and joins the chunks. Each file's
 * GridFS id comes from its file id, its metadata holds the FileRef with the SHA-256, and reading
 * it back checks the bytes against that checksum.
 */
export class MongoFileStore implements FileStore {
  private readonly bucket: GridFSBucket;

  constructor(db: Db) {
    this.bucket = new GridFSBucket(db, { bucketName: 'files' });
  }

  async put(
    bytes: Buffer,
    meta: { name: string; mimeType: string; uploadedBy: string; uploadedAt: Date },
  ): Promise<FileRef> {
    if (bytes.length > MAX_STORED_FILE_BYTES) throw new FileTooLargeToStoreError(bytes.length);
    const fileId = randomUUID();
    const ref: FileRef = {
      fileId,
      name: meta.name,
      size: bytes.length,
      mimeType: meta.mimeType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: meta.uploadedBy,
      uploadedAt: meta.uploadedAt.toISOString(),
    };
    // GridFS writes the file document after the last chunk: a file is found only once it is whole.
    const upload = this.bucket.openUploadStreamWithId(objectIdForKey(`file:${fileId}`), meta.name, {
      metadata: { ref },
    });
    await pipeline(Readable.from([bytes]), upload);
    return ref;
  }

  async get(fileId: string): Promise<StoredFile | undefined> {
    const id = objectIdForKey(`file:${fileId}`);
    const [doc] = await this.bucket.find({ _id: id }).limit(1).toArray();
    if (!doc) return undefined;
    const ref = (doc.metadata as { ref: FileRef }).ref;
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket.openDownloadStream(id)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (createHash('sha256').update(bytes).digest('hex') !== ref.sha256)
      throw new StoredFileCorruptError(fileId);
    return { ref, bytes };
  }
}
