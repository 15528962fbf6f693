/** A chat platform's id, as its adapter registers it in src/channels/index.ts. */
export type ChatPlatform = string;

/** A person's chat account as a channel sees it on an incoming update. */
export interface ChatUser {
  platform: ChatPlatform;
  userId: string;
  /** Where to answer them (Telegram private chat id, Slack DM channel id). */
  chatId: string;
  languageCode?: string;
}

export interface OutgoingButton {
  label: string;
  /** Opaque token (≤ 64 bytes) that the server looks up; never the meaning itself. */
  token: string;
  style?: 'primary' | 'danger';
}

/** A message rendered in the reader's language, ready for a channel to put in its own idiom. */
export interface OutgoingMessage {
  lines: string[];
  /**
   * Where the lines fall into parts (indexes of the first line of each part after the first: the
   * documents, the disposition chain, the list preview, the kelengkapan); platforms with blocks
   * show each part as a block of its own.
   */
  parts?: number[];
  buttons: OutgoingButton[][];
  /** Set on task messages: after sending, the channel records it so later edits reach it. */
  taskRun?: { instanceId: string; runId: string; personId: string };
  /**
   * A confidential letter's message: channels keep it from being forwarded or saved where the
   * platform can, and show `previewText` instead of its lines in notifications.
   */
  confidential?: boolean;
  previewText?: string;
  /**
   * Set on a message sent again after a platform refused it: shown as plain text, without any
   * formatting the platform would parse (Slack's mrkdwn, its command spelling).
   */
  plain?: boolean;
}

export interface SentMessage {
  platform: ChatPlatform;
  chatId: string;
  messageId: string;
}

export interface OutgoingFile {
  name: string;
  mimeType: string;
  bytes: Buffer;
  caption?: string;
  /** The platform's own id of the same bytes (a Telegram file_id), to send it again without uploading. */
  platformRef?: string;
  /** A confidential letter's file: not to be forwarded or saved where the platform can prevent it. */
  confidential?: boolean;
}

/** What a platform answered to a file sent: its own id of the file, to reuse next time. */
export interface FileSent {
  platformRef?: string;
}

/** How fast one may send: one message per `perChatMs` to a chat, `globalPerSecond` in all. */
export interface SendLimits {
  perChatMs: number;
  globalPerSecond: number;
  /**
   * Room kept on both limits (ms), so that sends spaced exactly by them still arrive within them
   * after the jitter of the way there (default 0).
   */
  marginMs?: number;
}

/** What a channel adapter offers the dispatcher: send, edit, and send a file, within its limits. */
export interface ChatSender {
  platform: ChatPlatform;
  limits: SendLimits;
  /** The largest file a bot may send there. */
  maxFileBytes: number;
  send(chatId: string, message: OutgoingMessage): Promise<SentMessage>;
  edit(sent: SentMessage, message: OutgoingMessage): Promise<void>;
  sendFile(chatId: string, file: OutgoingFile): Promise<FileSent>;
}

/** What the chat core answers to one interaction: messages for the user and a short toast. */
export interface ChatReply {
  messages: OutgoingMessage[];
  files?: OutgoingFile[];
  /** Short text for a callback answer (Telegram) or an ephemeral note (Slack). */
  toast?: string;
  /** When set, the message the user tapped is replaced by this one. */
  replaceTapped?: OutgoingMessage;
}

export function textMessage(...lines: string[]): OutgoingMessage {
  return { lines, buttons: [] };
}

export function renderPlainText(message: OutgoingMessage): string {
  return message.lines.join('\n');
}
