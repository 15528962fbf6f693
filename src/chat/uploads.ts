import type { Instance, StepRun } from '../core/engine/types.js';
import type { MessageRef } from '../core/i18n.js';
import type { PersonId } from '../core/ids.js';
import { withToastAsMessage, type ChatContext } from './chat-context.js';
import { DownloadFailedError, FileTooBigError } from './download.js';
import { asPerson } from './identity.js';
import type { Conversation } from './ports.js';
import type { ChatReply, ChatUser } from './types.js';

/** A file a person sent, as a channel hands it over: its facts first, the bytes on demand. */
export interface IncomingFile {
  name: string;
  size: number;
  mimeType: string;
  /** Fetches the bytes (only called once the size and the target step are known to be fine). */
  download(): Promise<Buffer>;
}

/**
 * A file sent in chat: the nota dinas of a request being made (`/ajukan`), or a file for the step
 * that waits for one (the one Pandu asked for, else the person's only task that takes a file). A
 * step whose output names a content handler (e.g. a PPK list) has the file checked first; a file
 * with errors changes nothing.
 */
export async function receiveFile(
  chat: ChatContext,
  user: ChatUser,
  file: IncomingFile,
  messageId: string,
): Promise<ChatReply> {
  return asPerson(chat, user, async (personId) => {
    const max = chat.deps.uploadMaxBytes;
    if (file.size > max) {
      return chat.say(user, personId, {
        key: 'chat-file-too-big',
        params: { size: megabytes(file.size), max: megabytes(max) },
      });
    }
    const conversation = await chat.deps.conversations.get(user.platform, user.userId);
    if (conversation?.kind === 'request' && conversation.subject) {
      return finishRequest(chat, user, personId, conversation, file, messageId);
    }
    const target = await fileTarget(chat, personId, conversation);
    if ('none' in target) return chat.say(user, personId, { key: target.none });
    return attach(chat, user, personId, target.instance, target.run, file, messageId);
  });
}

/** The file's bytes, or what to tell the person when the download was refused or failed. */
async function downloaded(file: IncomingFile): Promise<Buffer | MessageRef> {
  try {
    return await file.download();
  } catch (error) {
    if (error instanceof FileTooBigError)
      return {
        key: 'chat-file-too-big',
        params: { size: `> ${megabytes(error.limit)}`, max: megabytes(error.limit) },
      };
    if (error instanceof DownloadFailedError) return { key: 'chat-file-download-failed' };
    throw error;
  }
}

export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

async function fileTarget(
  chat: ChatContext,
  personId: PersonId,
  conversation: Conversation | undefined,
): Promise<{ instance: Instance; run: StepRun } | { none: string }> {
  if (conversation?.kind === 'attach-file') {
    const instance = await chat.service.get(conversation.instanceId);
    const run = instance?.runs.find((r) => r.runId === conversation.runId && !r.endedAt);
    if (instance && run) return { instance, run };
  }
  const waiting = (await chat.service.openTasksFor(personId)).filter(({ instance, runId }) => {
    const run = instance.runs.find((r) => r.runId === runId);
    const step = chat.service.flow(instance.flowId)?.steps.find((s) => s.id === run?.stepId);
    return Boolean(step?.output.file || step?.kelengkapan.some((i) => i.kind === 'document'));
  });
  if (waiting.length === 0) return { none: 'chat-file-no-task' };
  if (waiting.length > 1) return { none: 'chat-file-which-task' };
  const [only] = waiting as [(typeof waiting)[number]];
  return {
    instance: only.instance,
    run: only.instance.runs.find((r) => r.runId === only.runId) as StepRun,
  };
}

async function attach(
  chat: ChatContext,
  user: ChatUser,
  personId: PersonId,
  instance: Instance,
  run: StepRun,
  file: IncomingFile,
  messageId: string,
): Promise<ChatReply> {
  const step = chat.service.flow(instance.flowId)?.steps.find((s) => s.id === run.stepId);
  const target = {
    instanceId: instance.id,
    runId: run.runId,
    actorId: personId,
    channel: user.platform,
    idempotencyKey: `file:${user.platform}:${user.chatId}:${messageId}`,
  };
  // Before the download and the content check: is this still the person's task, and does it take files?
  const refusal = await chat.service.check({ ...target, type: 'attach' });
  if (refusal) return chat.refused(user, personId, refusal);
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const accept = step?.output.file?.accept ?? [];
  if (accept.length > 0 && !accept.includes(extension)) {
    return chat.refused(user, personId, {
      code: 'file-type-not-accepted',
      message: { key: 'refusal-file-type-not-accepted', params: { accept: accept.join(', ') } },
    });
  }
  const bytes = await downloaded(file);
  if (!Buffer.isBuffer(bytes)) return chat.say(user, personId, bytes);
  const handlerName = step?.output.file?.handler;
  const handler = handlerName ? chat.deps.contributions.fileHandlers?.[handlerName] : undefined;
  let content: Record<string, unknown> | undefined;
  let summary: MessageRef[] = [];
  if (handler) {
    const checked = await handler(bytes, file.name, {
      instance,
      run,
      personId,
      reader: await chat.readerFor(user, personId),
    });
    if (!checked.ok) {
      const reply = await chat.say(user, personId, ...checked.errors);
      return { ...reply, ...(checked.report ? { files: [checked.report] } : {}) };
    }
    content = checked.content;
    summary = checked.summary;
  }
  const stored = await chat.files.put(bytes, {
    name: file.name,
    mimeType: file.mimeType,
    uploadedBy: personId,
    uploadedAt: chat.deps.clock.now(),
  });
  const reply = withToastAsMessage(
    await chat.act(user, personId, {
      ...target,
      type: 'attach',
      file: content ? { ...stored, content } : stored,
    }),
  );
  await chat.deps.conversations.set(user.platform, user.userId, undefined);
  const summaryMessage = summary.length > 0 ? [await chat.render(user, personId, summary)] : [];
  return { ...reply, messages: [...reply.messages, ...summaryMessage] };
}

async function finishRequest(
  chat: ChatContext,
  user: ChatUser,
  personId: PersonId,
  conversation: Extract<Conversation, { kind: 'request' }>,
  file: IncomingFile,
  messageId: string,
): Promise<ChatReply> {
  const bytes = await downloaded(file);
  if (!Buffer.isBuffer(bytes)) return chat.say(user, personId, bytes);
  const attachment = await chat.files.put(bytes, {
    name: file.name,
    mimeType: file.mimeType,
    uploadedBy: personId,
    uploadedAt: chat.deps.clock.now(),
  });
  const result = await chat.service.start({
    flowId: conversation.flowId,
    requesterId: personId,
    subject: conversation.subject ?? '',
    attachment,
    channel: user.platform,
    idempotencyKey: `request:${user.platform}:${user.chatId}:${messageId}`,
  });
  await chat.deps.conversations.set(user.platform, user.userId, undefined);
  if (!result.ok) return chat.refused(user, personId, result.refusal);
  return chat.say(user, personId, result.reply);
}
