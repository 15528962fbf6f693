import type { Prompt } from '../core/engine/types.js';
import type { FileStore } from '../core/ports.js';
import type { Translator } from '../i18n/translator.js';
import type { Reader } from '../i18n/translator.js';
import { ChannelPermanentError } from './errors.js';
import type { PlatformFileRefs } from './ports.js';
import type { ChatSender, OutgoingMessage } from './types.js';

export interface FileDeliveryDeps {
  files: FileStore;
  fileRefs?: PlatformFileRefs;
  translator: Translator;
}

/**
 * Sends a prompt's stored file to a chat: by the platform's own id when it has the file already
 * (nothing is uploaded twice), else the bytes, remembering the id the platform gives back. A file
 * larger than the platform takes is not tried: the person gets a message that says so instead.
 */
export async function deliverFile(
  deps: FileDeliveryDeps,
  sender: ChatSender,
  chatId: string,
  file: NonNullable<Prompt['file']>,
  message: OutgoingMessage,
  reader: Reader,
): Promise<void> {
  const stored = await deps.files.get(file.fileId);
  if (!stored) throw new ChannelPermanentError(`file ${file.fileId} (${file.name}) is not in the file store`);
  if (stored.bytes.length > sender.maxFileBytes) {
    const tooBig = deps.translator.format(
      { key: 'chat-file-too-big-to-send', params: { name: file.name, size: { bytes: stored.bytes.length } } },
      reader,
    );
    await sender.send(chatId, { lines: [...message.lines, tooBig], buttons: [] });
    return;
  }
  const known = await deps.fileRefs?.find(file.fileId, sender.platform);
  const caption = message.lines.join('\n');
  const sent = await sender.sendFile(chatId, {
    name: file.name,
    mimeType: file.mimeType,
    bytes: stored.bytes,
    ...(caption ? { caption } : {}),
    ...(known ? { platformRef: known } : {}),
    ...(message.confidential ? { confidential: true } : {}),
  });
  if (sent.platformRef && sent.platformRef !== known)
    await deps.fileRefs?.remember(file.fileId, sender.platform, sent.platformRef);
}
