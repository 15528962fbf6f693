/**
 * A local stand-in for the Telegram Bot API, for integration and end-to-end tests.
 *
 * It is a real HTTP server on 127.0.0.1 (random port). Point grammY at it with
 * `new Bot(token, { client: { apiRoot: standIn.apiRoot } })` and the real bot talks to it over real HTTP:
 * long polling, webhooks, JSON and multipart bodies, file downloads.
 *
 * The stand-in keeps a small simulated world (chats, messages, files, commands, webhook) and lets tests
 * act as users (`userSends`, `userTaps`, ...), inspect what the bot did (`sentTo`, `calls`, ...), wait for
 * it (`waitForMessage`, ...) and inject faults (`failNext`).
 *
 * Error descriptions follow the real API where they are well known ("Bad Request: chat not found",
 * "Too Many Requests: retry after N", "message is not modified", "file is too big", ...). The wording of
 * rarer validation errors (HTML/MarkdownV2 parsing, command validation) is approximate: match on the
 * "Bad Request: can't parse entities:" prefix, not the whole text.
 *
 * Deliberate differences from Telegram: webhooks may use plain http:// URLs on any port; failed webhook
 * deliveries are recorded, not retried; `allowed_updates` is recorded but does not filter; one bot per
 * stand-in (the world is shared by every token).
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import busboy from 'busboy';
import type {
  BotCommand,
  BotCommandScope,
  Chat,
  File,
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ResponseParameters,
  Update,
  User,
  UserFromGetMe,
  WebhookInfo,
} from 'grammy/types';

// ---------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------

/** A simulated Telegram user. `id` is also the id of the private chat with the bot. */
export interface SimUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type SimChat = Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;

export interface MessageRef {
  chatId: number;
  messageId: number;
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** One version of a message's content. */
export interface MessageVersion {
  text?: string;
  caption?: string;
  parseMode?: string;
  replyMarkup?: ReplyMarkup;
  /** Date.now() when this version was replaced (for `edits`) */
  at: number;
}

/** A message in the simulated world, in its latest state (a snapshot). */
export interface RecordedMessage extends MessageRef {
  sender: 'bot' | 'user';
  text?: string;
  caption?: string;
  parseMode?: string;
  replyMarkup?: ReplyMarkup;
  document?: StoredFile;
  /** Earlier versions, oldest first; empty when the message was never edited. */
  edits: MessageVersion[];
  deleted: boolean;
  /** The message as the Bot API would describe it now. */
  message: Message;
}

export type ApiParams = Record<string, unknown>;

/** A file part of a multipart request. */
export interface Upload {
  field: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export type CallOutcome = { ok: true } | { ok: false; errorCode: number; description: string };

/** One Bot API call the stand-in received, in arrival order. */
export interface RecordedCall {
  method: string;
  /** Body and query parameters; multipart and form values stay strings as sent. */
  params: ApiParams;
  uploads: Upload[];
  token: string;
  /** Date.now() when the request arrived (use it to check retry delays). */
  at: number;
  via: 'http' | 'webhook-reply';
  /** Set once answered; a long poll has none while it waits. */
  outcome?: CallOutcome;
}

/**
 * The next `count` (default 1) calls of a method fail with a Telegram-style error or a dropped
 * connection; with `when`, only the calls whose parameters it accepts.
 */
export type FaultSpec = (
  | { status: number; retryAfter?: number; description?: string; count?: number }
  | { dropConnection: true; count?: number }
) & { when?: (params: ApiParams) => boolean };

export interface CallbackAnswer {
  callbackQueryId: string;
  text?: string;
  showAlert: boolean;
  url?: string;
  cacheTime?: number;
  at: number;
}

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  fileName?: string;
  mimeType?: string;
  /** Declared size; equals bytes.length unless a test declared a bigger file. */
  fileSize: number;
  filePath: string;
  bytes: Buffer;
  /** Content-Type of the multipart part when the bot uploaded it (grammY always sends octet-stream). */
  uploadContentType?: string;
  origin: 'user' | 'bot';
}

export interface DocumentSpec {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  caption?: string;
  /** Declare a size other than bytes.length (e.g. 2 GB) without allocating it. */
  fileSize?: number;
}

export interface WebhookDelivery {
  updateId: number;
  url: string;
  at: number;
  /** HTTP status the webhook answered with */
  status?: number;
  /** Network error, when there was no answer */
  error?: string;
}

export interface CommandList {
  scope: BotCommandScope;
  languageCode: string;
  commands: BotCommand[];
}

export interface CallContext {
  token: string;
  uploads: readonly Upload[];
  /** Aborted when the client disconnects (for long-running handlers). */
  signal: AbortSignal;
}

/** Implements one Bot API method: return the `result`, or throw a TelegramApiError. */
export type MethodHandler = (params: ApiParams, context: CallContext) => unknown;

export interface StandInOptions {
  /** Accept only this token (others get 401 Unauthorized). By default any well-formed token works. */
  token?: string;
  /** Overrides for getMe. id defaults to the number before ':' in the token. */
  botInfo?: Partial<UserFromGetMe>;
  /** Default 1 MiB. */
  maxJsonBodyBytes?: number;
  /** Default 50 MiB plus room for multipart overhead, like the real upload limit. */
  maxUploadBytes?: number;
  /** Default timeout of the waitFor* helpers; default 5000 ms. */
  defaultWaitMs?: number;
  /** How long a webhook may take to answer; default 30000 ms. */
  webhookTimeoutMs?: number;
  /** First update_id; default 1. */
  firstUpdateId?: number;
}

/** Throw from a MethodHandler to answer `{ ok: false, error_code, description, parameters }`. */
export class TelegramApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = 'TelegramApiError';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Constants and small helpers
// ---------------------------------------------------------------------------------------------------------

const MiB = 1024 * 1024;
/** Bots may download files of up to 20 MB with getFile. */
export const MAX_DOWNLOAD_BYTES = 20 * MiB;
const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;
const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';
const TOKEN_SHAPE = /^\d+:[\w-]+$/;

type ApiResponseBody =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

type WaitEvent = 'message' | 'call' | 'answer' | 'webhook';

const badRequest = (what: string): TelegramApiError => new TelegramApiError(400, `Bad Request: ${what}`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toApiError(error: unknown): TelegramApiError {
  if (error instanceof TelegramApiError) return error;
  if (error instanceof URIError || error instanceof SyntaxError) return badRequest(error.message);
  return new TelegramApiError(500, `Internal Server Error: ${errorMessage(error)}`);
}

function errorBody(error: TelegramApiError): ApiResponseBody {
  return {
    ok: false,
    error_code: error.errorCode,
    description: error.description,
    ...(error.parameters === undefined ? {} : { parameters: error.parameters }),
  };
}

function unixTime(ms: number): number {
  return Math.floor(ms / 1000);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sleepTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// --- parameter readers: values arrive as JSON types or, from forms, as strings ---------------------------

function readString(params: ApiParams, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw badRequest(`field "${key}" must be of type String`);
}

function readInteger(params: ApiParams, key: string): number | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isInteger(number)) throw badRequest(`field "${key}" must be of type Integer`);
  return number;
}

function readBoolean(params: ApiParams, key: string): boolean {
  const value = params[key];
  return value === true || value === 'true';
}

/** A JSON-serialised parameter: an object in JSON bodies, a JSON string in form bodies. */
function readJson(params: ApiParams, key: string, unparsable: string): unknown {
  const value = params[key];
  if (typeof value !== 'string') return value ?? undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed;
  } catch {
    throw badRequest(unparsable);
  }
}

function readChatId(params: ApiParams): number {
  const raw = params.chat_id;
  if (raw === undefined || raw === null || raw === '') throw badRequest('chat_id is empty');
  if (typeof raw === 'string' && raw.startsWith('@')) throw badRequest('chat not found');
  const chatId = readInteger(params, 'chat_id');
  if (chatId === undefined) throw badRequest('chat_id is empty');
  return chatId;
}

const BUTTON_ACTIONS = [
  'callback_data',
  'url',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

function checkInlineKeyboard(rows: unknown): void {
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  for (const button of rows.flat() as unknown[]) {
    if (
      !isRecord(button) ||
      typeof button.text !== 'string' ||
      !BUTTON_ACTIONS.some((key) => key in button)
    ) {
      throw badRequest(
        "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
      );
    }
    const data = button.callback_data;
    if (data !== undefined && (typeof data !== 'string' || data === '' || Buffer.byteLength(data) > 64)) {
      throw badRequest('BUTTON_DATA_INVALID');
    }
  }
}

function readReplyMarkup(params: ApiParams): ReplyMarkup | undefined {
  const unparsable = "can't parse reply keyboard markup JSON object";
  const raw = readJson(params, 'reply_markup', unparsable);
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw badRequest(unparsable);
  if ('inline_keyboard' in raw) checkInlineKeyboard(raw.inline_keyboard);
  // Only inline keyboards are checked in depth; the other kinds are recorded as sent.
  return raw as unknown as ReplyMarkup;
}

function isInlineKeyboard(markup: ReplyMarkup | undefined): markup is InlineKeyboardMarkup {
  return markup !== undefined && 'inline_keyboard' in markup;
}

/** The buttons of an inline keyboard, row by row flattened. */
export function inlineButtons(markup: ReplyMarkup | undefined): InlineKeyboardButton[] {
  return isInlineKeyboard(markup) ? markup.inline_keyboard.flat() : [];
}

function callbackDataOf(button: InlineKeyboardButton): string | undefined {
  return 'callback_data' in button ? button.callback_data : undefined;
}

function readCommands(params: ApiParams): BotCommand[] {
  const raw = readJson(params, 'commands', "can't parse commands JSON object");
  if (!Array.isArray(raw)) throw badRequest('parameter "commands" is required');
  if (raw.length > 100) throw badRequest('too many commands');
  return raw.map((item: unknown) => {
    if (!isRecord(item) || typeof item.command !== 'string' || typeof item.description !== 'string') {
      throw badRequest("can't parse BotCommand");
    }
    const { command, description } = item;
    if (!/^[a-z0-9_]{1,32}$/.test(command) || description.length < 1 || description.length > 256) {
      throw badRequest('BOT_COMMAND_INVALID');
    }
    return { command, description };
  });
}

function readScope(params: ApiParams): BotCommandScope {
  const raw = readJson(params, 'scope', "can't parse BotCommandScope JSON object");
  if (raw === undefined) return { type: 'default' };
  if (!isRecord(raw) || typeof raw.type !== 'string') throw badRequest("can't parse BotCommandScope");
  // The stand-in keys lists by type/chat_id/user_id and does not check the scope further.
  return raw as unknown as BotCommandScope;
}

function scopeKey(scope: BotCommandScope, languageCode: string): string {
  const { chat_id: chatId, user_id: userId } = scope as { chat_id?: number | string; user_id?: number };
  return [scope.type, chatId ?? '', userId ?? '', languageCode].join('|');
}

// --- formatted text checks -------------------------------------------------------------------------------

const HTML_TAGS = new Set(
  'b strong i em u ins s strike del span tg-spoiler a code pre blockquote tg-emoji tg-time'.split(' '),
);

const byteOffset = (text: string, index: number): number => Buffer.byteLength(text.slice(0, index));

/** Approximates Telegram's HTML parser: supported tags only, properly nested. */
function htmlProblem(text: string): string | undefined {
  const open: string[] = [];
  for (const match of text.matchAll(/<(\/?)([^\s>/]*)[^>]*(>?)/g)) {
    const [, closing = '', rawName = '', end = ''] = match;
    const name = rawName.toLowerCase();
    const at = byteOffset(text, match.index);
    if (end === '') return `Can't find end of the tag starting at byte offset ${at}`;
    if (closing === '' && !HTML_TAGS.has(name)) return `Unsupported start tag "${name}" at byte offset ${at}`;
    if (closing === '') {
      open.push(name);
      continue;
    }
    const expected = open.pop();
    if (expected !== name) {
      return `Unmatched end tag at byte offset ${at}, expected "</${expected ?? ''}>", found "</${name}>"`;
    }
  }
  const unclosed = open[0];
  return unclosed === undefined ? undefined : `Can't find end tag corresponding to start tag "${unclosed}"`;
}

function htmlVisibleText(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&(#x?[0-9a-f]+|lt|gt|amp|quot);/gi, '_');
}

const MARKDOWN_V2_RESERVED = new Set(['.', '!', '#', '+', '-', '=', '{', '}', '(', ')', '>']);

/** Finds the MarkdownV2 mistake bots make most: a reserved character left unescaped. */
function markdownV2Problem(text: string): string | undefined {
  let codeFence = 0;
  let codeStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') {
      i++;
    } else if (ch === '`') {
      const fence = text.startsWith('```', i) ? 3 : 1;
      if (codeFence === 0) [codeFence, codeStart] = [fence, i];
      else if (codeFence === fence) codeFence = 0;
      i += fence - 1;
    } else if (codeFence !== 0) {
      continue;
    } else if (ch === ']' && text.charAt(i + 1) === '(') {
      const close = text.indexOf(')', i + 2);
      if (close === -1) return `Can't find end of a url at byte offset ${byteOffset(text, i + 2)}`;
      i = close;
    } else if (MARKDOWN_V2_RESERVED.has(ch) && !isMarkdownV2Syntax(text, i)) {
      return `Character '${ch}' is reserved and must be escaped with the preceding '\\'`;
    }
  }
  if (codeFence === 0) return undefined;
  return `Can't find end of the entity starting at byte offset ${byteOffset(text, codeStart)}`;
}

function isMarkdownV2Syntax(text: string, i: number): boolean {
  const ch = text.charAt(i);
  if (ch === '!') return text.charAt(i + 1) === '[';
  if (ch === '>') return i === 0 || text.charAt(i - 1) === '\n';
  return false;
}

/** Half a surrogate pair: JSON can carry it (escaped), UTF-8 cannot, and Telegram refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkFormattedText(text: string, parseMode: string | undefined, kind: 'text' | 'caption'): void {
  if (kind === 'text' && text.trim() === '') throw badRequest('message text is empty');
  if (LONE_SURROGATE.test(text)) throw badRequest('strings must be encoded in UTF-8');
  if (parseMode !== undefined && !['HTML', 'MarkdownV2', 'Markdown'].includes(parseMode)) {
    throw badRequest(`unsupported parse_mode`);
  }
  const problem =
    parseMode === 'HTML'
      ? htmlProblem(text)
      : parseMode === 'MarkdownV2'
        ? markdownV2Problem(text)
        : undefined;
  if (problem !== undefined) throw badRequest(`can't parse entities: ${problem}`);
  // Markdown's visible length is not computed; plain and HTML text are checked.
  const visible = parseMode === 'HTML' ? htmlVisibleText(text) : parseMode === undefined ? text : '';
  const limit = kind === 'text' ? MAX_TEXT_LENGTH : MAX_CAPTION_LENGTH;
  if (visible.length > limit) {
    throw badRequest(kind === 'text' ? 'message is too long' : 'message caption is too long');
  }
}

function commandEntities(text: string): MessageEntity[] {
  return [...text.matchAll(/(?<=^|\s)\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/g)].map((match) => ({
    type: 'bot_command',
    offset: match.index,
    length: match[0].length,
  }));
}

const MIME_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.yaml': 'application/x-yaml',
  '.yml': 'application/x-yaml',
};

/** Telegram guesses a document's MIME type from its name; grammY always uploads as octet-stream. */
function guessMimeType(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

// ---------------------------------------------------------------------------------------------------------
// Request body parsing
// ---------------------------------------------------------------------------------------------------------

interface ParsedRequest {
  params: ApiParams;
  uploads: Upload[];
}

interface BodyLimits {
  json: number;
  upload: number;
}

/** Reads the whole body; drains and rejects with 413 past `limit` bytes. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      size > limit
        ? reject(new TelegramApiError(413, 'Request Entity Too Large'))
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', (error) => reject(badRequest(`can't read request body: ${error.message}`)));
    req.on('close', () => {
      if (!req.complete) reject(badRequest('request aborted'));
    });
  });
}

async function parseApiRequest(req: http.IncomingMessage, limits: BodyLimits): Promise<ParsedRequest> {
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://stand-in').searchParams);
  const contentType = req.headers['content-type'] ?? '';
  const multipart = contentType.toLowerCase().startsWith('multipart/form-data');
  const body = await readBody(req, multipart ? limits.upload : limits.json);
  if (body.length === 0) return { params: query, uploads: [] };
  const parsed = multipart ? await parseMultipart(body, contentType) : parseSimpleBody(body, contentType);
  return { params: { ...query, ...parsed.params }, uploads: parsed.uploads };
}

function parseSimpleBody(body: Buffer, contentType: string): ParsedRequest {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    return { params: Object.fromEntries(new URLSearchParams(body.toString('utf8'))), uploads: [] };
  }
  if (type !== 'application/json') throw badRequest(`unsupported Content-Type "${contentType}"`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest("can't parse JSON body");
  }
  if (!isRecord(parsed)) throw badRequest('the JSON body must be an object');
  return { params: parsed, uploads: [] };
}

function parseMultipart(body: Buffer, contentType: string): Promise<ParsedRequest> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundaryText = boundary?.[1] ?? boundary?.[2];
  if (boundaryText === undefined) return Promise.reject(badRequest('multipart body without boundary'));
  return new Promise((resolve, reject) => {
    const params: ApiParams = {};
    const files: Array<Promise<Upload>> = [];
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' });
    parser.on('field', (name, value) => (params[name] = value));
    parser.on('file', (field, stream, info) => files.push(collectUpload(field, stream, info)));
    parser.on('close', () => {
      Promise.all(files).then((uploads) => resolve({ params, uploads }), reject);
    });
    parser.on('error', (error) => reject(badRequest(`can't parse multipart body: ${errorMessage(error)}`)));
    parser.end(quoteBareFilenames(body, boundaryText));
  });
}

function collectUpload(
  field: string,
  stream: NodeJS.ReadableStream,
  info: { filename?: string; mimeType: string },
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () =>
      resolve({
        field,
        fileName: info.filename ?? field,
        contentType: info.mimeType,
        bytes: Buffer.concat(chunks),
      }),
    );
    stream.on('error', reject);
  });
}

/**
 * grammY writes `filename=<name>` unquoted (`content-disposition:form-data;name="x";filename=My file.pdf`).
 * Telegram takes the rest of the line as the name; busboy drops such parts entirely when the name has a
 * space. Quote the value in each part's headers before busboy sees it.
 */
function quoteBareFilenames(body: Buffer, boundary: string): Buffer {
  const delimiter = Buffer.from(`--${boundary}`);
  const pieces: Buffer[] = [];
  let position = 0;
  for (;;) {
    const at = body.indexOf(delimiter, position);
    const headerStart = at + delimiter.length;
    const headerEnd = at === -1 ? -1 : body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) break;
    pieces.push(body.subarray(position, headerStart));
    pieces.push(
      Buffer.from(quoteFilenameParams(body.subarray(headerStart, headerEnd).toString('latin1')), 'latin1'),
    );
    position = headerEnd;
  }
  pieces.push(body.subarray(position));
  return Buffer.concat(pieces);
}

function quoteFilenameParams(headers: string): string {
  return headers
    .split('\r\n')
    .map((line) =>
      /^content-disposition\s*:/i.test(line)
        ? line.replace(
            /;\s*filename=(?!")(.*)$/i,
            (_all, name: string) => `; filename="${name.replace(/["\\]/g, '\\$&')}"`,
          )
        : line,
    )
    .join('\r\n');
}

// ---------------------------------------------------------------------------------------------------------
// Update queue with long polling
// ---------------------------------------------------------------------------------------------------------

type PollEnd = 'update' | 'timeout' | 'closed' | 'stopped' | 'conflict';

interface PendingPoll {
  token: string;
  end(reason: PollEnd): void;
}

interface QueuedUpdate {
  update: Update;
  delivered: boolean;
  /** Injected with pushRawUpdate: delivered once even if its id is below the offset. */
  raw: boolean;
}

class UpdateQueue {
  private entries: QueuedUpdate[] = [];
  private readonly polls = new Set<PendingPoll>();
  private nextId: number;

  constructor(firstId: number) {
    this.nextId = firstId;
  }

  allocateId(): number {
    return this.nextId++;
  }

  /** Keeps later ids above one injected by a test. */
  observe(updateId: number): void {
    this.nextId = Math.max(this.nextId, updateId + 1);
  }

  push(update: Update, raw: boolean): void {
    this.entries.push({ update, delivered: false, raw });
    this.endPolls(() => true, 'update');
  }

  get pendingCount(): number {
    return this.entries.length;
  }

  /** Removes and returns every queued update (when switching to a webhook). */
  drain(): Update[] {
    const updates = this.entries.map((entry) => entry.update);
    this.entries = [];
    return updates;
  }

  /** getUpdates' offset confirms every update with a smaller id; a negative one keeps the last -offset. */
  confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset < 0) {
      this.entries = this.entries.slice(offset);
      return;
    }
    this.entries = this.entries.filter(
      (entry) => entry.update.update_id >= offset || (entry.raw && !entry.delivered),
    );
  }

  take(limit: number): Update[] {
    const batch = this.entries.slice(0, limit);
    for (const entry of batch) entry.delivered = true;
    return batch.map((entry) => entry.update);
  }

  /** Waits for an update; ends early when the client leaves, the stand-in stops or another poll comes. */
  wait(token: string, timeoutMs: number, signal: AbortSignal): Promise<PollEnd> {
    return new Promise((resolve) => {
      const onAbort = (): void => poll.end('closed');
      const timer = setTimeout(() => poll.end('timeout'), timeoutMs);
      const poll: PendingPoll = {
        token,
        end: (reason) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          this.polls.delete(poll);
          resolve(reason);
        },
      };
      this.polls.add(poll);
      signal.addEventListener('abort', onAbort);
    });
  }

  /** Telegram ends a pending getUpdates with 409 when another one arrives for the same bot. */
  terminateOthers(token: string): void {
    this.endPolls((poll) => poll.token === token, 'conflict');
  }

  endPolls(which: (poll: PendingPoll) => boolean, reason: PollEnd): void {
    for (const poll of [...this.polls]) if (which(poll)) poll.end(reason);
  }

  clear(): void {
    this.entries = [];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------------

class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  add(spec: Omit<StoredFile, 'fileId' | 'fileUniqueId' | 'filePath'>): StoredFile {
    const n = this.counter++;
    const extension = spec.fileName === undefined ? '' : path.extname(spec.fileName);
    const file: StoredFile = {
      ...spec,
      fileId: `BQACAgIAAxkBAAI${n.toString(36).padStart(6, '0')}`,
      fileUniqueId: `AgAD${n.toString(36).padStart(4, '0')}`,
      filePath: `documents/file_${n}${extension}`,
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }
}

function documentOf(file: StoredFile): NonNullable<Message['document']> {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_name: file.fileName,
    mime_type: file.mimeType,
    file_size: file.fileSize,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------------------

interface MessageContent {
  text?: string;
  caption?: string;
  parseMode?: string;
  entities?: MessageEntity[];
  replyMarkup?: ReplyMarkup;
}

interface StoredMessage extends MessageRef {
  sender: 'bot' | 'user';
  from: User;
  date: number;
  content: MessageContent;
  edits: MessageVersion[];
  editDate?: number;
  deleted: boolean;
  document?: StoredFile;
  replyTo?: StoredMessage;
}

interface ChatState {
  chat: SimChat;
  nextMessageId: number;
  blocked: boolean;
  messages: Map<number, StoredMessage>;
}

function toTelegramUser(user: SimUser): User {
  return { ...user, is_bot: false };
}

function privateChatOf(user: SimUser): Chat.PrivateChat {
  const { id, first_name, last_name, username } = user;
  return { id, type: 'private', first_name, last_name, username };
}

function toTelegramMessage(stored: StoredMessage, chat: SimChat): Message {
  const { content } = stored;
  return {
    message_id: stored.messageId,
    from: stored.from,
    chat,
    date: stored.date,
    edit_date: stored.editDate,
    text: content.text,
    caption: content.caption,
    entities: content.text === undefined ? undefined : content.entities,
    caption_entities: content.caption === undefined ? undefined : content.entities,
    document: stored.document === undefined ? undefined : documentOf(stored.document),
    reply_markup: isInlineKeyboard(content.replyMarkup) ? content.replyMarkup : undefined,
    reply_to_message:
      stored.replyTo === undefined
        ? undefined
        : { ...toTelegramMessage(stored.replyTo, chat), reply_to_message: undefined }, // not nested deeper
  };
}

function sameContent(a: MessageContent, b: MessageContent): boolean {
  return (
    a.text === b.text &&
    a.caption === b.caption &&
    a.parseMode === b.parseMode &&
    JSON.stringify(a.replyMarkup ?? null) === JSON.stringify(b.replyMarkup ?? null)
  );
}

/** One line per message, for error messages. */
export function describeMessage(message: RecordedMessage): string {
  const body = message.text ?? (message.caption === undefined ? '' : `caption: ${message.caption}`);
  const file = message.document === undefined ? '' : ` [document ${message.document.fileName ?? '?'}]`;
  const buttons = inlineButtons(message.replyMarkup)
    .map((button) => `${button.text} → ${callbackDataOf(button) ?? '(no data)'}`)
    .join(' | ');
  const flags = `${message.edits.length > 0 ? ` (edited ${message.edits.length}x)` : ''}${message.deleted ? ' (deleted)' : ''}`;
  return `#${message.messageId} ${JSON.stringify(body)}${file}${buttons === '' ? '' : ` [${buttons}]`}${flags}`;
}

function describeCall(call: RecordedCall): string {
  const outcome =
    call.outcome === undefined
      ? 'pending'
      : call.outcome.ok
        ? 'ok'
        : `${call.outcome.errorCode} ${call.outcome.description}`;
  return `${call.method} → ${outcome}`;
}

// ---------------------------------------------------------------------------------------------------------
// The stand-in
// ---------------------------------------------------------------------------------------------------------

interface WebhookConfig {
  url: string;
  secretToken?: string;
  token: string;
  maxConnections?: number;
  allowedUpdates?: WebhookInfo['allowed_updates'];
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

interface HttpReply {
  status: number;
  body: string;
}

export class TelegramBotApiStandIn {
  private server: http.Server | undefined;
  private port = 0;
  private stopped = false;
  private readonly queue: UpdateQueue;
  private readonly files = new FileStore();
  private readonly chats = new Map<number, ChatState>();
  private readonly recordedCalls: RecordedCall[] = [];
  private readonly faults = new Map<string, ActiveFault[]>();
  private readonly outages: Array<{ methods: readonly string[]; until: number; status: number }> = [];
  private readonly answers: CallbackAnswer[] = [];
  private readonly openQueries = new Map<string, { answered: boolean }>();
  private readonly commandLists = new Map<string, CommandList>();
  private readonly deliveries: WebhookDelivery[] = [];
  private readonly handlers = new Map<string, MethodHandler>();
  private readonly events = new EventEmitter();
  private readonly outgoing = new Set<http.ClientRequest>();
  private webhook: WebhookConfig | undefined;
  private webhookChain: Promise<void> = Promise.resolve();
  private lastWebhookError: { date: number; message: string } | undefined;
  private callbackCounter = 0;

  constructor(private readonly options: StandInOptions = {}) {
    this.queue = new UpdateQueue(options.firstUpdateId ?? 1);
    this.events.setMaxListeners(0);
    for (const [method, handler] of Object.entries(this.defaultHandlers()))
      this.handlers.set(method, handler);
  }

  // --- lifecycle -----------------------------------------------------------------------------------------

  async start(): Promise<void> {
    if (this.server !== undefined) throw new Error('The stand-in is already started');
    const server = http.createServer((req, res) => this.handleRequest(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
  }

  /** Ends pending long polls (with an empty result), webhook posts and waiters, and closes every socket. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.queue.endPolls(() => true, 'stopped');
    this.events.emit('stopped');
    for (const request of this.outgoing) request.destroy();
    const server = this.server;
    if (server === undefined) return;
    await sleepTick(); // lets the ended long polls write their answers
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** `http://127.0.0.1:PORT`, for grammY's `client.apiRoot` (no trailing slash). */
  get apiRoot(): string {
    if (this.server === undefined) throw new Error('Call start() before reading apiRoot');
    return `http://127.0.0.1:${this.port}`;
  }

  /** The download URL grammY would build for a file_path. */
  fileUrl(token: string, filePath: string): string {
    return `${this.apiRoot}/file/bot${token}/${filePath}`;
  }

  /** Adds or replaces the implementation of a Bot API method. */
  onMethod(method: string, handler: MethodHandler): void {
    this.handlers.set(method, handler);
  }

  // --- simulated users -----------------------------------------------------------------------------------

  /** Makes the user's private chat known, so the bot may message it before the user wrote. */
  addUser(user: SimUser): Chat.PrivateChat {
    return this.ensureChat(privateChatOf(user)).chat as Chat.PrivateChat;
  }

  addGroup(chat: Chat.GroupChat | Chat.SupergroupChat): SimChat {
    return this.ensureChat(chat).chat;
  }

  /** Later sends to this user's private chat fail with 403 "Forbidden: bot was blocked by the user". */
  userBlocksBot(user: SimUser): void {
    this.ensureChat(privateChatOf(user)).blocked = true;
  }

  userUnblocksBot(user: SimUser): void {
    this.ensureChat(privateChatOf(user)).blocked = false;
  }

  /** A text message from the user (private chat unless `chat` is given); commands get bot_command entities. */
  userSends(user: SimUser, text: string, options: { chat?: SimChat } = {}): Update {
    const state = this.ensureChat(options.chat ?? privateChatOf(user));
    const entities = commandEntities(text);
    const stored = this.addMessage(state, 'user', toTelegramUser(user), {
      text,
      entities: entities.length > 0 ? entities : undefined,
    });
    return this.pushMessageUpdate(state, stored);
  }

  /** A text message replying to an earlier message of the same chat. */
  userReplies(user: SimUser, toMessage: MessageRef, text: string): Update {
    const state = this.chatState(toMessage.chatId);
    const replyTo = this.storedMessage(toMessage);
    const entities = commandEntities(text);
    const stored = this.addMessage(
      state,
      'user',
      toTelegramUser(user),
      { text, entities: entities.length > 0 ? entities : undefined },
      { replyTo },
    );
    return this.pushMessageUpdate(state, stored);
  }

  /** A document from the user; getFile and the file route then serve its bytes. */
  userSendsDocument(user: SimUser, spec: DocumentSpec, options: { chat?: SimChat } = {}): Update {
    const state = this.ensureChat(options.chat ?? privateChatOf(user));
    const bytes = Buffer.from(spec.bytes);
    const document = this.files.add({
      fileName: spec.fileName,
      mimeType: spec.mimeType,
      bytes,
      fileSize: spec.fileSize ?? bytes.length,
      origin: 'user',
    });
    const stored = this.addMessage(
      state,
      'user',
      toTelegramUser(user),
      { caption: spec.caption },
      { document },
    );
    return this.pushMessageUpdate(state, stored);
  }

  /**
   * The user taps an inline button of a bot message; returns the callback query id. Throws (in the test)
   * when the message has no button with this data, unless `allowUnknownData` (a stale client).
   */
  userTaps(
    user: SimUser,
    message: MessageRef,
    callbackData: string,
    options: { allowUnknownData?: boolean } = {},
  ): string {
    const stored = this.storedMessage(message);
    const known = inlineButtons(stored.content.replyMarkup).some((b) => callbackDataOf(b) === callbackData);
    if (!known && options.allowUnknownData !== true) {
      throw new Error(
        `Message ${message.chatId}/${message.messageId} has no button with callback_data ${JSON.stringify(callbackData)}: ` +
          describeMessage(this.snapshot(stored)),
      );
    }
    const id = String(4_000_000_000_000 + this.callbackCounter++);
    this.openQueries.set(id, { answered: false });
    const chat = this.chatState(message.chatId).chat;
    this.pushUpdate({
      callback_query: {
        id,
        from: toTelegramUser(user),
        message: toTelegramMessage(stored, chat),
        chat_instance: `ci${message.chatId}`,
        data: callbackData,
      },
    });
    return id;
  }

  /** Taps the inline button labelled `buttonText`; returns the callback query id. */
  userTapsButton(user: SimUser, message: MessageRef, buttonText: string): string {
    const stored = this.storedMessage(message);
    const button = inlineButtons(stored.content.replyMarkup).find((b) => b.text === buttonText);
    const data = button === undefined ? undefined : callbackDataOf(button);
    if (data === undefined) {
      throw new Error(`No callback button "${buttonText}" on ${describeMessage(this.snapshot(stored))}`);
    }
    return this.userTaps(user, message, data);
  }

  /** Queues (or posts to the webhook) an update; its update_id is assigned. */
  pushUpdate(body: Omit<Update, 'update_id'>): Update {
    const update: Update = { ...body, update_id: this.queue.allocateId() };
    this.pushed.push(update);
    this.deliver(update, false);
    return update;
  }

  /** Every update pushed so far (by the user helpers too), oldest first: for re-delivering one as a duplicate. */
  pushedUpdates(): Update[] {
    return [...this.pushed];
  }

  private readonly pushed: Update[] = [];

  /**
   * Injects an exact update, e.g. a duplicate update_id. Unlike real updates it is delivered once even when
   * its id is below the bot's offset, so a long-polling bot does see the duplicate.
   */
  pushRawUpdate(update: Update): void {
    this.queue.observe(update.update_id);
    this.deliver(update, true);
  }

  // --- inspection -----------------------------------------------------------------------------------------

  /** Messages the bot sent to a chat, in order, each in its latest state. */
  sentTo(chatId: number): RecordedMessage[] {
    return this.messagesIn(chatId).filter((m) => m.sender === 'bot');
  }

  /** The chat as a person would read it now: each message whole, its buttons and file, oldest first. */
  transcript(chatId: number): string {
    return this.messagesIn(chatId)
      .map((m) => {
        const who = m.sender === 'bot' ? 'Pandu' : 'person';
        const body = m.text ?? m.caption ?? '';
        const file = m.document ? `\n  📎 ${m.document.fileName ?? '?'}` : '';
        const buttons = inlineButtons(m.replyMarkup).map((b) => `[${b.text}]`);
        const edited = m.edits.length > 0 ? ` (edited ${m.edits.length}×)` : '';
        return `${who}${edited}: ${body}${file}${buttons.length > 0 ? `\n  ${buttons.join(' ')}` : ''}`;
      })
      .join('\n\n');
  }

  lastMessageTo(chatId: number): RecordedMessage | undefined {
    return this.sentTo(chatId).at(-1);
  }

  /** Every message of a chat (user and bot), in order. */
  messagesIn(chatId: number): RecordedMessage[] {
    const state = this.chats.get(chatId);
    return state === undefined ? [] : [...state.messages.values()].map((m) => this.snapshot(m));
  }

  message(ref: MessageRef): RecordedMessage | undefined {
    const stored = this.chats.get(ref.chatId)?.messages.get(ref.messageId);
    return stored === undefined ? undefined : this.snapshot(stored);
  }

  /** Every recorded API call, optionally of one method, in arrival order. */
  calls(method?: string): RecordedCall[] {
    return this.recordedCalls.filter((call) => method === undefined || call.method === method);
  }

  callbackAnswers(): CallbackAnswer[] {
    return [...this.answers];
  }

  /** The command list set for a scope and language (default scope, language ''), if any. */
  commands(options: { scope?: BotCommandScope; languageCode?: string } = {}): BotCommand[] | undefined {
    const key = scopeKey(options.scope ?? { type: 'default' }, options.languageCode ?? '');
    return this.commandLists.get(key)?.commands;
  }

  allCommandLists(): CommandList[] {
    return [...this.commandLists.values()];
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  webhookInfo(): WebhookInfo {
    return this.getWebhookInfo();
  }

  webhookDeliveries(): WebhookDelivery[] {
    return [...this.deliveries];
  }

  /** Resolves once every update pushed so far has been posted to the webhook (and its reply handled). */
  flushWebhook(): Promise<void> {
    return this.webhookChain;
  }

  /** Updates not yet confirmed by getUpdates. */
  pendingUpdateCount(): number {
    return this.queue.pendingCount;
  }

  // --- waiting ----------------------------------------------------------------------------------------------

  /**
   * Resolves with the first bot message to the chat (latest state, already sent ones included) that matches.
   * Rejects after the timeout listing what the chat received and the recent API calls.
   */
  waitForMessage(
    chatId: number,
    predicate: (message: RecordedMessage) => boolean = () => true,
    timeoutMs = this.defaultWaitMs,
  ): Promise<RecordedMessage> {
    return this.waitFor(
      'message',
      () => this.sentTo(chatId).find(predicate),
      timeoutMs,
      () =>
        `no matching bot message in chat ${chatId}.\n${this.describeChat(chatId)}\n${this.describeRecentCalls()}`,
    );
  }

  waitForCallbackAnswer(callbackQueryId: string, timeoutMs = this.defaultWaitMs): Promise<CallbackAnswer> {
    return this.waitFor(
      'answer',
      () => this.answers.find((answer) => answer.callbackQueryId === callbackQueryId),
      timeoutMs,
      () => `callback query ${callbackQueryId} was not answered.\n${this.describeRecentCalls()}`,
    );
  }

  /**
   * Resolves with the first call of the method (earlier ones included) that matches and has been answered,
   * or merely arrived with `includePending` (a long poll waiting for updates is pending).
   */
  waitForCall(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    options: { timeoutMs?: number; includePending?: boolean } = {},
  ): Promise<RecordedCall> {
    const ready = (call: RecordedCall): boolean =>
      options.includePending === true || call.outcome !== undefined;
    return this.waitFor(
      'call',
      () => this.calls(method).find((call) => ready(call) && predicate(call)),
      options.timeoutMs ?? this.defaultWaitMs,
      () => `no matching ${method} call.\n${this.describeRecentCalls()}`,
    );
  }

  // --- fault injection --------------------------------------------------------------------------------------

  /** The next `spec.count` (default 1) calls of `method` fail as described, without side effects. */
  failNext(method: string, spec: FaultSpec): void {
    const list = this.faults.get(method) ?? [];
    list.push({ spec, remaining: spec.count ?? 1 });
    this.faults.set(method, list);
  }

  /**
   * For the next `ms` milliseconds every call of `methods` fails with `status` (default 502 Bad
   * Gateway), without side effects: an outage of the Bot API as the bot sees it.
   */
  failFor(methods: readonly string[], ms: number, status = 502): void {
    this.outages.push({ methods, until: Date.now() + ms, status });
  }

  // --- HTTP ---------------------------------------------------------------------------------------------------

  private get defaultWaitMs(): number {
    return this.options.defaultWaitMs ?? 5000;
  }

  private get limits(): BodyLimits {
    return {
      json: this.options.maxJsonBodyBytes ?? MiB,
      upload: this.options.maxUploadBytes ?? 50 * MiB + 64 * 1024,
    };
  }

  private handleRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.route(req, res).catch((error: unknown) => {
      const apiError = toApiError(error);
      sendJson(res, apiError.errorCode, errorBody(apiError));
    });
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(pathname);
    if (fileMatch !== null) {
      const [, token = '', filePath = ''] = fileMatch;
      req.resume();
      return this.serveFile(res, token, decodeURIComponent(filePath));
    }
    const apiMatch = /^\/bot([^/]+)\/([^/]+)$/.exec(pathname);
    if (apiMatch === null) {
      req.resume();
      return sendJson(res, 404, errorBody(new TelegramApiError(404, 'Not Found')));
    }
    const [, token = '', method = ''] = apiMatch;
    await this.serveApi(req, res, decodeURIComponent(token), method);
  }

  private serveFile(res: http.ServerResponse, token: string, filePath: string): void {
    this.checkToken(token);
    const file = this.files.atPath(filePath);
    if (file === undefined) throw new TelegramApiError(404, 'Not Found');
    res.writeHead(200, {
      'content-type': file.mimeType ?? 'application/octet-stream',
      'content-length': file.bytes.length,
    });
    res.end(file.bytes);
  }

  private async serveApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    token: string,
    method: string,
  ): Promise<void> {
    const disconnected = new AbortController();
    res.on('close', () => disconnected.abort());
    let parsed: ParsedRequest;
    try {
      parsed = await parseApiRequest(req, this.limits);
    } catch (error) {
      const call = this.record(method, {}, [], token, 'http');
      return this.answer(res, this.settle(call, errorBody(toApiError(error))));
    }
    const call = this.record(method, parsed.params, parsed.uploads, token, 'http');
    const response = await this.invoke(call, disconnected.signal);
    if (response === 'drop-connection') {
      req.socket.destroy();
      return;
    }
    this.answer(res, response);
  }

  private answer(res: http.ServerResponse, body: ApiResponseBody): void {
    sendJson(res, body.ok ? 200 : body.error_code, body);
  }

  private record(
    method: string,
    params: ApiParams,
    uploads: Upload[],
    token: string,
    via: RecordedCall['via'],
  ) {
    const call: RecordedCall = { method, params, uploads, token, at: Date.now(), via };
    this.recordedCalls.push(call);
    this.events.emit('call');
    return call;
  }

  private settle(call: RecordedCall, body: ApiResponseBody): ApiResponseBody {
    call.outcome = body.ok
      ? { ok: true }
      : { ok: false, errorCode: body.error_code, description: body.description };
    this.events.emit('call');
    return body;
  }

  private async invoke(
    call: RecordedCall,
    signal: AbortSignal,
  ): Promise<ApiResponseBody | 'drop-connection'> {
    try {
      this.checkToken(call.token);
      const outage = this.outages.find((o) => o.methods.includes(call.method) && Date.now() < o.until);
      if (outage !== undefined) throw faultError({ status: outage.status });
      const fault = this.takeFault(call.method, call.params);
      if (fault !== undefined && 'dropConnection' in fault) {
        this.settle(call, { ok: false, error_code: 0, description: 'connection dropped by failNext' });
        return 'drop-connection';
      }
      if (fault !== undefined) throw faultError(fault);
      const handler = this.handlers.get(call.method);
      if (handler === undefined) throw new TelegramApiError(404, 'Not Found');
      const result: unknown = await handler(call.params, {
        token: call.token,
        uploads: call.uploads,
        signal,
      });
      return this.settle(call, { ok: true, result });
    } catch (error) {
      return this.settle(call, errorBody(toApiError(error)));
    }
  }

  private checkToken(token: string): void {
    if (!TOKEN_SHAPE.test(token)) throw new TelegramApiError(404, 'Not Found');
    if (this.options.token !== undefined && token !== this.options.token) {
      throw new TelegramApiError(401, 'Unauthorized');
    }
  }

  private takeFault(method: string, params: ApiParams): FaultSpec | undefined {
    const active = this.faults
      .get(method)
      ?.find((fault) => fault.remaining > 0 && (fault.spec.when?.(params) ?? true));
    if (active === undefined) return undefined;
    active.remaining--;
    return active.spec;
  }

  // --- waiting and descriptions ---------------------------------------------------------------------------

  private waitFor<T>(
    event: WaitEvent,
    check: () => T | undefined,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    if (this.stopped) return Promise.reject(new Error(`The stand-in is stopped: ${describe()}`));
    return new Promise((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off(event, onEvent);
        this.events.off('stopped', onStopped);
      };
      const onEvent = (): void => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const onStopped = (): void => {
        cleanup();
        reject(new Error(`The stand-in was stopped while waiting: ${describe()}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms: ${describe()}`));
      }, timeoutMs);
      this.events.on(event, onEvent);
      this.events.on('stopped', onStopped);
    });
  }

  private describeChat(chatId: number): string {
    const messages = this.messagesIn(chatId);
    if (messages.length === 0) return `Chat ${chatId} has no messages.`;
    const lines = messages.map((m) => `  ${m.sender === 'bot' ? 'bot ' : 'user'} ${describeMessage(m)}`);
    return `Chat ${chatId} has:\n${lines.join('\n')}`;
  }

  private describeRecentCalls(): string {
    const recent = this.recordedCalls.slice(-10).map((call) => `  ${describeCall(call)}`);
    return recent.length === 0 ? 'No API calls yet.' : `Last API calls:\n${recent.join('\n')}`;
  }

  // --- world ------------------------------------------------------------------------------------------------

  private ensureChat(chat: SimChat): ChatState {
    const existing = this.chats.get(chat.id);
    if (existing !== undefined) return existing;
    const state: ChatState = { chat, nextMessageId: 1, blocked: false, messages: new Map() };
    this.chats.set(chat.id, state);
    return state;
  }

  private chatState(chatId: number): ChatState {
    const state = this.chats.get(chatId);
    if (state === undefined) throw new Error(`Chat ${chatId} is unknown to the stand-in`);
    return state;
  }

  private storedMessage(ref: MessageRef): StoredMessage {
    const stored = this.chats.get(ref.chatId)?.messages.get(ref.messageId);
    if (stored === undefined)
      throw new Error(`Message ${ref.chatId}/${ref.messageId} is unknown to the stand-in`);
    return stored;
  }

  private addMessage(
    state: ChatState,
    sender: StoredMessage['sender'],
    from: User,
    content: MessageContent,
    extra: { replyTo?: StoredMessage; document?: StoredFile } = {},
  ): StoredMessage {
    const stored: StoredMessage = {
      chatId: state.chat.id,
      messageId: state.nextMessageId++,
      sender,
      from,
      date: unixTime(Date.now()),
      content,
      edits: [],
      deleted: false,
      ...extra,
    };
    state.messages.set(stored.messageId, stored);
    this.events.emit('message');
    return stored;
  }

  private pushMessageUpdate(state: ChatState, stored: StoredMessage): Update {
    const message = toTelegramMessage(stored, state.chat);
    return this.pushUpdate({ message: { ...message, chat: state.chat, from: stored.from } });
  }

  private snapshot(stored: StoredMessage): RecordedMessage {
    const chat = this.chatState(stored.chatId).chat;
    return {
      chatId: stored.chatId,
      messageId: stored.messageId,
      sender: stored.sender,
      text: stored.content.text,
      caption: stored.content.caption,
      parseMode: stored.content.parseMode,
      replyMarkup: stored.content.replyMarkup,
      document: stored.document,
      edits: [...stored.edits],
      deleted: stored.deleted,
      message: toTelegramMessage(stored, chat),
    };
  }

  private applyEdit(stored: StoredMessage, content: MessageContent): Message {
    if (sameContent(stored.content, content)) {
      throw badRequest(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    const { text, caption, parseMode, replyMarkup } = stored.content;
    stored.edits.push({ text, caption, parseMode, replyMarkup, at: Date.now() });
    stored.content = content;
    stored.editDate = unixTime(Date.now());
    this.events.emit('message');
    return toTelegramMessage(stored, this.chatState(stored.chatId).chat);
  }

  private botUser(token: string): UserFromGetMe {
    const id = Number(token.split(':')[0]);
    return {
      id: Number.isSafeInteger(id) ? id : 1,
      is_bot: true,
      first_name: 'Pandu Test Bot',
      username: 'pandu_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      ...this.options.botInfo,
    };
  }

  // --- update delivery ----------------------------------------------------------------------------------------

  private deliver(update: Update, raw: boolean): void {
    const hook = this.webhook;
    if (hook === undefined) {
      this.queue.push(update, raw);
      return;
    }
    this.webhookChain = this.webhookChain.then(() => this.postToWebhook(hook, update));
  }

  private async postToWebhook(hook: WebhookConfig, update: Update): Promise<void> {
    if (this.stopped) return;
    const delivery: WebhookDelivery = { updateId: update.update_id, url: hook.url, at: Date.now() };
    this.deliveries.push(delivery);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (hook.secretToken !== undefined) headers[SECRET_HEADER] = hook.secretToken;
      const reply = await this.httpPost(hook.url, JSON.stringify(update), headers);
      delivery.status = reply.status;
      if (reply.status >= 200 && reply.status < 300) await this.runWebhookReply(hook.token, reply.body);
      else
        this.noteWebhookError(
          `Wrong response from the webhook: ${reply.status} ${http.STATUS_CODES[reply.status] ?? ''}`,
        );
    } catch (error) {
      delivery.error = errorMessage(error);
      this.noteWebhookError(delivery.error);
    } finally {
      this.events.emit('webhook');
    }
  }

  private noteWebhookError(message: string): void {
    this.lastWebhookError = { date: unixTime(Date.now()), message: message.trim() };
  }

  /** A webhook may answer with one method call in its body, which Telegram then executes. */
  private async runWebhookReply(token: string, body: string): Promise<void> {
    if (body.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return; // Telegram ignores bodies that are not a method call
    }
    if (!isRecord(parsed) || typeof parsed.method !== 'string') return;
    const { method, ...params } = parsed;
    const call = this.record(method, params, [], token, 'webhook-reply');
    await this.invoke(call, new AbortController().signal);
  }

  private httpPost(url: string, body: string, headers: Record<string, string>): Promise<HttpReply> {
    const client = url.startsWith('https:') ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(
        url,
        { method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      this.outgoing.add(request);
      request.on('close', () => this.outgoing.delete(request));
      request.setTimeout(this.options.webhookTimeoutMs ?? 30_000, () =>
        request.destroy(new Error('Timeout')),
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  // --- Bot API methods ------------------------------------------------------------------------------------

  private defaultHandlers(): Record<string, MethodHandler> {
    return {
      getMe: (_params, { token }) => this.botUser(token),
      getUpdates: (params, context) => this.getUpdates(params, context),
      sendMessage: (params, { token }) => this.sendMessage(params, token),
      sendDocument: (params, context) => this.sendDocument(params, context),
      editMessageText: (params) => this.editMessageText(params),
      editMessageReplyMarkup: (params) => this.editMessageReplyMarkup(params),
      deleteMessage: (params) => this.deleteMessage(params),
      sendChatAction: (params) => this.sendChatAction(params),
      answerCallbackQuery: (params) => this.answerCallbackQuery(params),
      setMyCommands: (params) => this.setMyCommands(params),
      getMyCommands: (params) => this.commandLists.get(this.commandsKey(params))?.commands ?? [],
      deleteMyCommands: (params) => this.deleteMyCommands(params),
      setWebhook: (params, { token }) => this.setWebhook(params, token),
      deleteWebhook: (params) => this.deleteWebhook(params),
      getWebhookInfo: () => this.getWebhookInfo(),
      getFile: (params) => this.getFile(params),
    };
  }

  private async getUpdates(params: ApiParams, { token, signal }: CallContext): Promise<Update[]> {
    if (this.webhook !== undefined) {
      throw new TelegramApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const limit = Math.min(Math.max(readInteger(params, 'limit') ?? 100, 1), 100);
    const timeoutSeconds = Math.max(readInteger(params, 'timeout') ?? 0, 0);
    this.queue.confirm(readInteger(params, 'offset'));
    this.queue.terminateOthers(token);
    const batch = this.queue.take(limit);
    if (batch.length > 0 || timeoutSeconds === 0 || this.stopped) return batch;
    const end = await this.queue.wait(token, timeoutSeconds * 1000, signal);
    if (end === 'conflict') {
      throw new TelegramApiError(
        409,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      );
    }
    return end === 'update' ? this.queue.take(limit) : [];
  }

  /** The chat a send goes to: it must be known and must not have blocked the bot. */
  private writableChat(params: ApiParams): ChatState {
    const state = this.chats.get(readChatId(params));
    if (state === undefined) throw badRequest('chat not found');
    if (state.blocked) throw new TelegramApiError(403, 'Forbidden: bot was blocked by the user');
    return state;
  }

  private replyTarget(state: ChatState, params: ApiParams): StoredMessage | undefined {
    const reply = readJson(params, 'reply_parameters', "can't parse reply parameters JSON object");
    const messageId = isRecord(reply) ? reply.message_id : readInteger(params, 'reply_to_message_id');
    if (typeof messageId !== 'number') return undefined;
    const target = state.messages.get(messageId);
    const allowWithout = isRecord(reply) && reply.allow_sending_without_reply === true;
    if (target === undefined && !allowWithout) throw badRequest('message to be replied not found');
    return target;
  }

  private sendMessage(params: ApiParams, token: string): Message {
    const state = this.writableChat(params);
    const text = readString(params, 'text') ?? '';
    const parseMode = readString(params, 'parse_mode');
    checkFormattedText(text, parseMode, 'text');
    const content = { text, parseMode, replyMarkup: readReplyMarkup(params) };
    const replyTo = this.replyTarget(state, params);
    return this.addAndDescribe(state, token, content, { replyTo });
  }

  private sendDocument(params: ApiParams, { token, uploads }: CallContext): Message {
    const state = this.writableChat(params);
    const caption = readString(params, 'caption');
    const parseMode = readString(params, 'parse_mode');
    if (caption !== undefined) checkFormattedText(caption, parseMode, 'caption');
    const document = this.resolveDocument(params, uploads);
    const content = { caption, parseMode, replyMarkup: readReplyMarkup(params) };
    const replyTo = this.replyTarget(state, params);
    return this.addAndDescribe(state, token, content, { replyTo, document });
  }

  private addAndDescribe(
    state: ChatState,
    token: string,
    content: MessageContent,
    extra: { replyTo?: StoredMessage; document?: StoredFile },
  ): Message {
    const stored = this.addMessage(state, 'bot', this.botUser(token), content, extra);
    return toTelegramMessage(stored, state.chat);
  }

  /** `document` is `attach://<part>` (multipart), a known file_id, or absent with a part named "document". */
  private resolveDocument(params: ApiParams, uploads: readonly Upload[]): StoredFile {
    const reference = readString(params, 'document');
    const partName = reference === undefined ? 'document' : reference.replace(/^attach:\/\//, '');
    const upload = uploads.find((u) => u.field === partName);
    if (upload !== undefined) return this.storeUpload(upload);
    if (reference === undefined) throw badRequest('there is no document in the request');
    const known = this.files.get(reference);
    if (known === undefined) throw badRequest('wrong file identifier/HTTP URL specified');
    return known;
  }

  private storeUpload(upload: Upload): StoredFile {
    if (upload.bytes.length === 0) throw badRequest('file must be non-empty');
    return this.files.add({
      fileName: upload.fileName,
      mimeType: guessMimeType(upload.fileName),
      uploadContentType: upload.contentType,
      bytes: upload.bytes,
      fileSize: upload.bytes.length,
      origin: 'bot',
    });
  }

  /** The bot message an edit targets (chat_id + message_id; inline messages are not simulated). */
  private editableMessage(params: ApiParams): StoredMessage {
    if (params.inline_message_id !== undefined) throw badRequest('inline messages are not simulated');
    const state = this.chats.get(readChatId(params));
    const messageId = readInteger(params, 'message_id');
    const stored = messageId === undefined ? undefined : state?.messages.get(messageId);
    if (stored === undefined || stored.deleted) throw badRequest('message to edit not found');
    if (stored.sender !== 'bot') throw badRequest("message can't be edited");
    return stored;
  }

  /** Like Telegram, an edit without reply_markup removes the inline keyboard. */
  private editMessageText(params: ApiParams): Message {
    const stored = this.editableMessage(params);
    if (stored.content.text === undefined) throw badRequest('there is no text in the message to edit');
    const text = readString(params, 'text') ?? '';
    const parseMode = readString(params, 'parse_mode');
    checkFormattedText(text, parseMode, 'text');
    return this.applyEdit(stored, { text, parseMode, replyMarkup: readReplyMarkup(params) });
  }

  private editMessageReplyMarkup(params: ApiParams): Message {
    const stored = this.editableMessage(params);
    return this.applyEdit(stored, { ...stored.content, replyMarkup: readReplyMarkup(params) });
  }

  private deleteMessage(params: ApiParams): true {
    const state = this.chats.get(readChatId(params));
    const messageId = readInteger(params, 'message_id');
    const stored = messageId === undefined ? undefined : state?.messages.get(messageId);
    if (stored === undefined || stored.deleted) throw badRequest('message to delete not found');
    stored.deleted = true;
    this.events.emit('message');
    return true;
  }

  private sendChatAction(params: ApiParams): true {
    this.writableChat(params);
    if (readString(params, 'action') === undefined) throw badRequest('action is empty');
    return true;
  }

  private answerCallbackQuery(params: ApiParams): true {
    const id = readString(params, 'callback_query_id') ?? '';
    const query = this.openQueries.get(id);
    if (query === undefined || query.answered) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    query.answered = true;
    this.answers.push({
      callbackQueryId: id,
      text: readString(params, 'text'),
      showAlert: readBoolean(params, 'show_alert'),
      url: readString(params, 'url'),
      cacheTime: readInteger(params, 'cache_time'),
      at: Date.now(),
    });
    this.events.emit('answer');
    return true;
  }

  private commandsKey(params: ApiParams): string {
    return scopeKey(readScope(params), readString(params, 'language_code') ?? '');
  }

  private deleteMyCommands(params: ApiParams): true {
    this.commandLists.delete(this.commandsKey(params));
    return true;
  }

  private setMyCommands(params: ApiParams): true {
    const commands = readCommands(params);
    const scope = readScope(params);
    const languageCode = readString(params, 'language_code') ?? '';
    this.commandLists.set(scopeKey(scope, languageCode), { scope, languageCode, commands });
    return true;
  }

  private setWebhook(params: ApiParams, token: string): true {
    const url = readString(params, 'url') ?? '';
    if (readBoolean(params, 'drop_pending_updates')) this.queue.clear();
    if (url === '') {
      this.webhook = undefined;
      return true;
    }
    if (!URL.canParse(url)) throw badRequest('bad webhook: invalid URL');
    const secretToken = readString(params, 'secret_token');
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
      throw badRequest('secret token contains unallowed characters');
    }
    const allowedUpdates = readJson(params, 'allowed_updates', "can't parse allowed_updates JSON array");
    this.webhook = {
      url,
      secretToken,
      token,
      maxConnections: readInteger(params, 'max_connections'),
      allowedUpdates: Array.isArray(allowedUpdates)
        ? (allowedUpdates as WebhookInfo['allowed_updates'])
        : undefined,
    };
    this.lastWebhookError = undefined;
    this.queue.endPolls(() => true, 'stopped');
    for (const update of this.queue.drain()) this.deliver(update, false);
    return true;
  }

  private deleteWebhook(params: ApiParams): true {
    this.webhook = undefined;
    if (readBoolean(params, 'drop_pending_updates')) this.queue.clear();
    return true;
  }

  private getWebhookInfo(): WebhookInfo {
    return {
      url: this.webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.queue.pendingCount,
      max_connections: this.webhook?.maxConnections,
      allowed_updates: this.webhook?.allowedUpdates,
      last_error_date: this.lastWebhookError?.date,
      last_error_message: this.lastWebhookError?.message,
    };
  }

  private getFile(params: ApiParams): File {
    const file = this.files.get(readString(params, 'file_id') ?? '');
    if (file === undefined) throw badRequest('invalid file_id');
    if (file.fileSize > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.fileSize,
      file_path: file.filePath,
    };
  }
}

function faultError(spec: { status: number; retryAfter?: number; description?: string }): TelegramApiError {
  if (spec.status === 429) {
    const retryAfter = spec.retryAfter ?? 1;
    return new TelegramApiError(429, spec.description ?? `Too Many Requests: retry after ${retryAfter}`, {
      retry_after: retryAfter,
    });
  }
  return new TelegramApiError(spec.status, spec.description ?? defaultFaultDescription(spec.status));
}

function defaultFaultDescription(status: number): string {
  const known: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden: bot was blocked by the user',
    404: 'Not Found',
    409: 'Conflict',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
  };
  return known[status] ?? http.STATUS_CODES[status] ?? 'Error';
}
