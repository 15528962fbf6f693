/**
 * A local stand-in for the Slack Web API, for tests that drive the real Bolt app.
 *
 * Point Bolt's client at it with
 * `clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } }`.
 * @slack/web-api builds request URLs as `${slackApiUrl}${method}` (adding a trailing `/` if missing), so
 * `apiUrl` ends in `/api/`. Every request is recorded; see `calls()` and `waitForCall()`.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The workspace the stand-in pretends to be; the signed-request builders use the same ids. */
export const SLACK_TEST_WORKSPACE = {
  teamId: 'T0000TEST1',
  teamDomain: 'pandu-test',
  appId: 'A0000TEST1',
  botToken: 'xoxb-test',
  botUserId: 'U0000BOT01',
  botId: 'B0000BOT01',
} as const;

/** Names under which requests to routes other than `/api/<method>` are recorded. */
export const STAND_IN_ROUTES = {
  upload: 'upload_url',
  download: 'file_download',
  responseUrl: 'response_url',
} as const;

export type Params = Record<string, unknown>;

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or one of `STAND_IN_ROUTES`. */
  method: string;
  /** Decoded parameters (query, form, JSON or multipart fields); JSON-valued fields such as `blocks` parsed. */
  params: Params;
  /** From `Authorization: Bearer …`, else from a `token` parameter. */
  token: string | undefined;
  at: Date;
  status: number;
  /** HTTP 200 and, for API methods, `ok: true`. */
  ok: boolean;
  response: unknown;
}

/** An HTTP-level failure, e.g. `{ status: 429, retryAfter: 1 }` (sent as the `Retry-After` header). */
export interface HttpFault {
  status: number;
  retryAfter?: number;
  body?: string;
}

/** A Web API error answered with HTTP 200: `{ ok: false, error: 'channel_not_found' }`. */
export interface PlatformFault {
  ok: false;
  error: string;
  extra?: Params;
}

export type Fault = HttpFault | PlatformFault;

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text?: string;
  blocks?: unknown;
  /** Ids of files shared with this message (files.completeUploadExternal). */
  files?: string[];
  /** How many chat.update calls changed it. */
  edits: number;
}

export type StoredView = Params & { id: string; hash: string; type: string };

export interface RegisterFileInput {
  id?: string;
  name: string;
  title?: string;
  mimetype?: string;
  bytes: Uint8Array | string;
  user?: string;
}

export interface UploadedFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  bytes: Buffer;
  /** The `length` given to files.getUploadURLExternal. */
  declaredLength: number | undefined;
  uploaded: boolean;
  completed: boolean;
  channels: string[];
  initialComment?: string;
  threadTs?: string;
}

export interface StandInOptions {
  /** Tokens accepted by API methods and file downloads; default `[SLACK_TEST_WORKSPACE.botToken]`. */
  tokens?: string[];
}

export type MethodHandler = (params: Params, token: string | undefined) => Params;

type MethodResult = Params;

interface StoredFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  bytes: Buffer;
  user: string;
  created: number;
  channels: string[];
  declaredLength?: number;
  viaUpload: boolean;
  uploaded: boolean;
  completed: boolean;
  initialComment?: string;
  threadTs?: string;
}

interface Waiter {
  method: string;
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface ParsedBody {
  params: Params;
  /** The first file part of a multipart body, or the whole body when it is neither form, JSON nor multipart. */
  bytes?: Buffer;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

interface Incoming {
  verb: string;
  path: string;
  /** Path segments without the leading empty one: `/api/chat.update` → `['api', 'chat.update']`. */
  segments: string[];
  /** Query and body parameters, `token` removed. */
  params: Params;
  token: string | undefined;
  bytes?: Buffer;
}

interface Target {
  /** The name the request is recorded under. */
  name: string;
  params: Params;
  handle: () => Reply;
}

/** Raised inside a method handler to answer `{ ok: false, error }`. */
class SlackApiError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const JSON_VALUED_PARAMS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata']);
/** files.completeUploadExternal rejects anything else (user ids included) with invalid_arguments. */
const CONVERSATION_ID = /^[CGDZ][A-Z0-9]{8,}$/;
const MIME_TYPES: Record<string, string> = {
  csv: 'text/csv',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** The DM channel id the stand-in uses for a user: `U123` → `D000000123`. */
export function dmChannelId(userId: string): string {
  return `D${userId.slice(1).padStart(9, '0')}`;
}

function isUserId(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}

function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function guessMimetype(name: string): string {
  return MIME_TYPES[fileExtension(name)] ?? 'application/octet-stream';
}

function optionalString(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function requiredString(params: Params, key: string, error: string): string {
  const value = optionalString(params, key);
  if (value === undefined) throw new SlackApiError(error);
  return value;
}

function isRecord(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeJsonValues(params: Params): Params {
  const decoded: Params = { ...params };
  for (const key of JSON_VALUED_PARAMS) {
    const value = decoded[key];
    if (typeof value !== 'string') continue;
    try {
      decoded[key] = JSON.parse(value);
    } catch {
      // Not JSON: keep the string so the call record shows what was sent.
    }
  }
  return decoded;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  // undici's Response parses multipart/form-data, so no extra dependency is needed.
  const form = await new Response(new Uint8Array(raw), {
    headers: { 'content-type': contentType },
  }).formData();
  const params: Params = {};
  let bytes: Buffer | undefined;
  for (const [key, value] of form) {
    if (typeof value === 'string') {
      params[key] = value;
    } else {
      const fileBytes = Buffer.from(await value.arrayBuffer());
      bytes ??= fileBytes;
      params[key] = { filename: value.name, size: fileBytes.length };
    }
  }
  return { params, bytes };
}

async function parseBody(req: IncomingMessage, raw: Buffer): Promise<ParsedBody> {
  const contentType = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { params: {} };
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return { params: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) };
  }
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return { params: isRecord(parsed) ? parsed : { body: parsed } };
  }
  if (contentType.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  return { params: {}, bytes: raw };
}

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

async function readIncoming(req: IncomingMessage, origin: string): Promise<Incoming> {
  const url = new URL(req.url ?? '/', origin);
  const body = await parseBody(req, await readBody(req));
  const params = { ...Object.fromEntries(url.searchParams), ...body.params };
  const token = bearerToken(req) ?? optionalString(params, 'token');
  delete params.token;
  const segments = url.pathname.split('/').slice(1);
  return { verb: req.method ?? 'GET', path: url.pathname, segments, params, token, bytes: body.bytes };
}

function jsonReply(body: unknown, status = 200): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

function textReply(status: number, body = ''): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

function faultReply(fault: Fault): Reply {
  if ('ok' in fault) return jsonReply({ ok: false, error: fault.error, ...fault.extra });
  const reply = textReply(fault.status, fault.body ?? '');
  if (fault.retryAfter !== undefined) reply.headers['retry-after'] = String(fault.retryAfter);
  return reply;
}

function summarize(call: RecordedCall): string {
  const params = JSON.stringify(call.params);
  const shown = params.length > 200 ? `${params.slice(0, 200)}…` : params;
  return `- ${call.method} [${call.status}${call.ok ? '' : ' failed'}] ${shown}`;
}

export class SlackWebApiStandIn {
  private server: Server | undefined;
  private baseUrl: string | undefined;
  private readonly tokens: ReadonlySet<string>;
  private readonly recorded: RecordedCall[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly outages: Array<{ methods: readonly string[]; until: number; status: number }> = [];
  private readonly overrides = new Map<string, MethodHandler>();
  private readonly messages: StoredMessage[] = [];
  private readonly views = new Map<string, StoredView>();
  private readonly homes = new Map<string, StoredView>();
  private readonly users = new Map<string, Params>();
  private readonly files = new Map<string, StoredFile>();
  private sequence = 0;
  private readonly methods: Record<string, MethodHandler> = {
    'auth.test': () => this.authTest(),
    'chat.postMessage': (params) => this.postMessage(params),
    'chat.update': (params) => this.updateMessage(params),
    'conversations.open': (params) => this.openConversation(params),
    'views.open': (params) => this.openView(params),
    'views.update': (params) => this.updateView(params),
    'views.publish': (params) => this.publishView(params),
    'users.info': (params) => this.userInfo(params),
    'files.info': (params) => this.fileInfo(params),
    'files.getUploadURLExternal': (params) => this.getUploadUrl(params),
    'files.completeUploadExternal': (params) => this.completeUpload(params),
  };

  constructor(options: StandInOptions = {}) {
    this.tokens = new Set(options.tokens ?? [SLACK_TEST_WORKSPACE.botToken]);
  }

  // ---------------------------------------------------------------- lifecycle

  async start(): Promise<void> {
    if (this.server) throw new Error('SlackWebApiStandIn already started');
    const server = createServer((req, res) => void this.dispatch(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const waiter of this.waiters) this.settleWaiter(waiter, new Error('SlackWebApiStandIn stopped'));
    if (!server) return;
    const closed = new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
    server.closeAllConnections();
    await closed;
  }

  /** Base for `slackApiUrl`, e.g. `http://127.0.0.1:40123/api/`. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  get origin(): string {
    if (!this.baseUrl) throw new Error('SlackWebApiStandIn is not started');
    return this.baseUrl;
  }

  /** Forget calls, messages, views, users, files, faults and handler overrides (the server keeps running). */
  reset(): void {
    this.recorded.length = 0;
    this.messages.length = 0;
    this.outages.length = 0;
    for (const map of [this.faults, this.overrides, this.views, this.homes, this.users, this.files])
      map.clear();
  }

  // ---------------------------------------------------------------- test helpers

  calls(method?: string): RecordedCall[] {
    return this.recorded.filter((call) => method === undefined || call.method === method);
  }

  /**
   * Resolves with the first call (already recorded or arriving later) of `method` that satisfies `predicate`;
   * rejects after `timeoutMs` with a list of everything received.
   */
  waitForCall(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 2000,
  ): Promise<RecordedCall> {
    const existing = this.recorded.find((call) => call.method === method && predicate(call));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => this.settleWaiter(waiter, this.timeoutError(method, timeoutMs)), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Answer the next request for `method` (or a `STAND_IN_ROUTES` name) with `fault`; faults queue up. */
  failNext(method: string, fault: Fault): void {
    const queue = this.faults.get(method) ?? [];
    queue.push(fault);
    this.faults.set(method, queue);
  }

  /**
   * For the next `ms` milliseconds every request for `methods` is answered with HTTP `status`
   * (default 502), without side effects: a Web API outage as the app sees it.
   */
  failFor(methods: readonly string[], ms: number, status = 502): void {
    this.outages.push({ methods, until: Date.now() + ms, status });
  }

  /** Serve `method` with `handler`, which returns the whole response (including `ok`). */
  onMethod(method: string, handler: MethodHandler): void {
    this.overrides.set(method, handler);
  }

  /** Messages in a channel, oldest first, as they are now (after chat.update). A user id means their DM. */
  messagesTo(channelOrUser: string): StoredMessage[] {
    const channel = isUserId(channelOrUser) ? dmChannelId(channelOrUser) : channelOrUser;
    return this.messages.filter((message) => message.channel === channel).map((message) => ({ ...message }));
  }

  /** The DM channel chat.postMessage and conversations.open use for this user. */
  dmChannelFor(userId: string): string {
    return dmChannelId(userId);
  }

  /** The latest view published to this user's App Home (a copy). */
  homeView(userId: string): StoredView | undefined {
    return structuredClone(this.homes.get(userId));
  }

  /** A view opened or updated through views.open / views.update / views.publish (a copy). */
  view(viewId: string): StoredView | undefined {
    return structuredClone(this.views.get(viewId));
  }

  /** Fields override the defaults users.info answers for any `U…` id. */
  registerUser(user: Params & { id: string }): void {
    this.users.set(user.id, user);
  }

  /** Make a file known to files.info and downloadable; returns what files.info answers for it. */
  registerFile(input: RegisterFileInput): Params {
    const file: StoredFile = {
      id: input.id ?? this.nextId('F'),
      name: input.name,
      title: input.title ?? input.name,
      mimetype: input.mimetype ?? guessMimetype(input.name),
      bytes: Buffer.from(input.bytes),
      user: input.user ?? SLACK_TEST_WORKSPACE.botUserId,
      created: Math.floor(Date.now() / 1000),
      channels: [],
      viaUpload: false,
      uploaded: true,
      completed: true,
    };
    this.files.set(file.id, file);
    return this.publicFile(file);
  }

  /** Files that went through files.getUploadURLExternal, in order. */
  uploadedFiles(): UploadedFile[] {
    return [...this.files.values()].filter((file) => file.viaUpload).map((file) => this.uploadedView(file));
  }

  /** A fresh URL to use as a `response_url`; posts to it are recorded as `response_url` calls. */
  responseUrl(): string {
    return `${this.origin}/hooks/response/${this.nextId('R')}`;
  }

  // ---------------------------------------------------------------- HTTP dispatch

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await this.route(req);
    } catch (error) {
      reply = textReply(500, `stand-in error: ${error instanceof Error ? error.message : String(error)}`);
    }
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  private async route(req: IncomingMessage): Promise<Reply> {
    const request = await readIncoming(req, this.origin);
    const target = this.resolveTarget(request);
    if (!target) return textReply(404, 'not found');
    return this.record(target.name, target.params, request.token, target.handle);
  }

  private resolveTarget(request: Incoming): Target | undefined {
    const { verb, segments, params, token, bytes } = request;
    const [area, first, second, ...more] = segments;
    if (area === 'api' && first && second === undefined) {
      return { name: first, params, handle: () => this.api(first, params, token) };
    }
    if (area === 'upload' && verb === 'POST' && first === 'v1' && second && more.length === 0) {
      return { name: STAND_IN_ROUTES.upload, params, handle: () => this.receiveUpload(second, bytes) };
    }
    if (area === 'files-pri' && verb === 'GET' && first) {
      return {
        name: STAND_IN_ROUTES.download,
        params: { path: request.path },
        handle: () => this.download(first, token),
      };
    }
    if (area === 'hooks' && first === 'response' && verb === 'POST') {
      return {
        name: STAND_IN_ROUTES.responseUrl,
        params: { ...params, url: request.path },
        handle: () => textReply(200, 'ok'),
      };
    }
    return undefined;
  }

  private record(method: string, params: Params, token: string | undefined, handle: () => Reply): Reply {
    const outage = this.outages.find((o) => o.methods.includes(method) && Date.now() < o.until);
    const fault = outage ? { status: outage.status } : this.faults.get(method)?.shift();
    const reply = fault ? faultReply(fault) : handle();
    const response = this.responseForRecord(reply);
    const ok = reply.status === 200 && !(isRecord(response) && response.ok === false);
    const call: RecordedCall = {
      method,
      params: decodeJsonValues(params),
      token,
      at: new Date(),
      status: reply.status,
      ok,
      response,
    };
    this.recorded.push(call);
    this.notifyWaiters(call);
    return reply;
  }

  private responseForRecord(reply: Reply): unknown {
    if (Buffer.isBuffer(reply.body)) return `<${reply.body.length} bytes>`;
    if (!reply.headers['content-type']?.startsWith('application/json')) return reply.body;
    return JSON.parse(reply.body) as unknown;
  }

  private api(method: string, params: Params, token: string | undefined): Reply {
    const override = this.overrides.get(method);
    if (override) return jsonReply(override(decodeJsonValues(params), token));
    const handler = this.methods[method];
    if (!handler) return jsonReply({ ok: false, error: 'unknown_method' });
    if (token === undefined) return jsonReply({ ok: false, error: 'not_authed' });
    if (!this.tokens.has(token)) return jsonReply({ ok: false, error: 'invalid_auth' });
    try {
      return jsonReply({ ok: true, ...handler(decodeJsonValues(params), token) });
    } catch (error) {
      if (error instanceof SlackApiError) return jsonReply({ ok: false, error: error.code });
      throw error;
    }
  }

  // ---------------------------------------------------------------- waiters

  private notifyWaiters(call: RecordedCall): void {
    for (const waiter of this.waiters) {
      if (waiter.method !== call.method) continue;
      try {
        if (waiter.predicate(call)) this.settleWaiter(waiter, call);
      } catch (error) {
        this.settleWaiter(waiter, error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private settleWaiter(waiter: Waiter, outcome: RecordedCall | Error): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    if (outcome instanceof Error) waiter.reject(outcome);
    else waiter.resolve(outcome);
  }

  private timeoutError(method: string, timeoutMs: number): Error {
    const received = this.recorded.map(summarize).join('\n') || '(no calls at all)';
    return new Error(
      `No matching ${method} call within ${timeoutMs} ms. The stand-in received:\n${received}`,
    );
  }

  // ---------------------------------------------------------------- ids

  private nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}${String(this.sequence).padStart(9, '0')}`;
  }

  private nextTs(): string {
    this.sequence += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.sequence).padStart(6, '0')}`;
  }

  // ---------------------------------------------------------------- auth & chat

  private authTest(): MethodResult {
    const { teamDomain, teamId, botUserId, botId } = SLACK_TEST_WORKSPACE;
    return {
      url: `https://${teamDomain}.slack.com/`,
      team: 'Pandu Test',
      user: 'pandu',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    };
  }

  private postMessage(params: Params): MethodResult {
    const target = requiredString(params, 'channel', 'channel_not_found');
    if (params.text === undefined && params.blocks === undefined && params.attachments === undefined) {
      throw new SlackApiError('no_text');
    }
    const message: StoredMessage = {
      channel: isUserId(target) ? dmChannelId(target) : target,
      ts: this.nextTs(),
      threadTs: optionalString(params, 'thread_ts'),
      text: optionalString(params, 'text'),
      blocks: params.blocks,
      edits: 0,
    };
    this.messages.push(message);
    return { channel: message.channel, ts: message.ts, message: this.publicMessage(message) };
  }

  private updateMessage(params: Params): MethodResult {
    // Slack wants the conversation id here; a user id is not resolved to the DM.
    const channel = requiredString(params, 'channel', 'channel_not_found');
    const ts = requiredString(params, 'ts', 'message_not_found');
    const message = this.messages.find((candidate) => candidate.channel === channel && candidate.ts === ts);
    if (!message) throw new SlackApiError(isUserId(channel) ? 'channel_not_found' : 'message_not_found');
    if (params.text !== undefined) message.text = optionalString(params, 'text') ?? '';
    // Omitted blocks keep the previous ones; an empty array removes them.
    if (params.blocks !== undefined) message.blocks = params.blocks;
    message.edits += 1;
    return { channel, ts, text: message.text, message: this.publicMessage(message) };
  }

  private publicMessage(message: StoredMessage): Params {
    const { botUserId, botId } = SLACK_TEST_WORKSPACE;
    return {
      type: 'message',
      user: botUserId,
      bot_id: botId,
      ts: message.ts,
      thread_ts: message.threadTs,
      text: message.text ?? '',
      blocks: message.blocks,
      files: message.files?.map((id) => ({ id })),
    };
  }

  private openConversation(params: Params): MethodResult {
    const existing = optionalString(params, 'channel');
    if (existing) return { channel: { id: existing }, no_op: true, already_open: true };
    const users = requiredString(params, 'users', 'users_list_not_supplied')
      .split(',')
      .map((user) => user.trim());
    const [only] = users;
    if (users.length === 1 && only) return { channel: { id: dmChannelId(only) } };
    return {
      channel: {
        id: `G${users
          .map((user) => user.slice(1))
          .join('')
          .slice(0, 12)
          .padStart(9, '0')}`,
      },
    };
  }

  // ---------------------------------------------------------------- views

  private openView(params: Params): MethodResult {
    requiredString(params, 'trigger_id', 'invalid_arguments');
    const view = this.storeView(this.viewParam(params), this.nextId('V'));
    return { view };
  }

  private updateView(params: Params): MethodResult {
    const current = this.findView(params);
    this.checkHash(params, current);
    return { view: this.storeView(this.viewParam(params), current.id) };
  }

  private publishView(params: Params): MethodResult {
    const userId = requiredString(params, 'user_id', 'invalid_arguments');
    const content = this.viewParam(params);
    if (content.type !== 'home') throw new SlackApiError('invalid_arguments');
    const current = this.homes.get(userId);
    if (current) this.checkHash(params, current);
    const view = this.storeView(content, current?.id ?? this.nextId('V'));
    this.homes.set(userId, view);
    return { view };
  }

  private viewParam(params: Params): Params & { type: string } {
    const view = params.view;
    if (!isRecord(view) || typeof view.type !== 'string') throw new SlackApiError('invalid_arguments');
    return view as Params & { type: string };
  }

  private findView(params: Params): StoredView {
    const viewId = optionalString(params, 'view_id');
    const externalId = optionalString(params, 'external_id');
    const found = [...this.views.values()].find(
      (view) =>
        (viewId !== undefined && view.id === viewId) ||
        (externalId !== undefined && view.external_id === externalId),
    );
    if (!found) throw new SlackApiError('not_found');
    return found;
  }

  private checkHash(params: Params, current: StoredView): void {
    const hash = optionalString(params, 'hash');
    if (hash !== undefined && hash !== current.hash) throw new SlackApiError('hash_conflict');
  }

  private storeView(content: Params & { type: string }, id: string): StoredView {
    const { teamId, appId, botId } = SLACK_TEST_WORKSPACE;
    const view: StoredView = {
      ...content,
      id,
      team_id: teamId,
      app_id: appId,
      bot_id: botId,
      hash: this.nextId('h'),
      state: { values: {} },
      root_view_id: id,
    };
    this.views.set(id, view);
    return view;
  }

  // ---------------------------------------------------------------- users

  private userInfo(params: Params): MethodResult {
    const id = requiredString(params, 'user', 'user_not_found');
    if (!isUserId(id)) throw new SlackApiError('user_not_found');
    const name = id.toLowerCase();
    const defaults: Params = {
      id,
      team_id: SLACK_TEST_WORKSPACE.teamId,
      name,
      real_name: `User ${id}`,
      deleted: false,
      is_bot: false,
      tz: 'Asia/Jakarta',
      tz_label: 'Western Indonesia Time',
      tz_offset: 25200,
      profile: { real_name: `User ${id}`, display_name: name },
    };
    return { user: { ...defaults, ...this.users.get(id) } };
  }

  // ---------------------------------------------------------------- files

  private fileInfo(params: Params): MethodResult {
    const file = this.files.get(requiredString(params, 'file', 'file_not_found'));
    if (!file?.completed) throw new SlackApiError('file_not_found');
    return { file: this.publicFile(file) };
  }

  private getUploadUrl(params: Params): MethodResult {
    const name = requiredString(params, 'filename', 'invalid_arguments');
    const length = Number(requiredString(params, 'length', 'invalid_arguments'));
    if (!Number.isInteger(length) || length < 0) throw new SlackApiError('invalid_arguments');
    const file: StoredFile = {
      id: this.nextId('F'),
      name,
      title: name,
      mimetype: guessMimetype(name),
      bytes: Buffer.alloc(0),
      user: SLACK_TEST_WORKSPACE.botUserId,
      created: Math.floor(Date.now() / 1000),
      channels: [],
      declaredLength: length,
      viaUpload: true,
      uploaded: false,
      completed: false,
    };
    this.files.set(file.id, file);
    return { upload_url: `${this.origin}/upload/v1/${file.id}`, file_id: file.id };
  }

  private receiveUpload(fileId: string, bytes: Buffer | undefined): Reply {
    const file = this.files.get(fileId);
    if (!file?.viaUpload) return textReply(404, 'unknown upload url');
    file.bytes = bytes ?? Buffer.alloc(0);
    file.uploaded = true;
    return textReply(200, `OK - ${file.bytes.length}`);
  }

  private completeUpload(params: Params): MethodResult {
    const entries = params.files;
    if (!Array.isArray(entries) || entries.length === 0) throw new SlackApiError('invalid_arguments');
    const channel = optionalString(params, 'channel_id');
    if (channel !== undefined && !CONVERSATION_ID.test(channel)) throw new SlackApiError('invalid_arguments');
    const files = entries.map((entry) => this.uploadedFileFor(entry));
    for (const [index, file] of files.entries()) {
      const entry = entries[index] as Params;
      file.title = optionalString(entry, 'title') ?? file.name;
      file.completed = true;
      file.initialComment = optionalString(params, 'initial_comment');
      file.threadTs = optionalString(params, 'thread_ts');
      if (channel !== undefined) file.channels.push(channel);
    }
    if (channel !== undefined) this.shareFiles(channel, files, params);
    return { files: files.map((file) => this.publicFile(file)) };
  }

  private uploadedFileFor(entry: unknown): StoredFile {
    const id = isRecord(entry) ? optionalString(entry, 'id') : undefined;
    const file = id === undefined ? undefined : this.files.get(id);
    if (!file?.viaUpload || !file.uploaded) throw new SlackApiError('file_not_found');
    return file;
  }

  private shareFiles(channel: string, files: StoredFile[], params: Params): void {
    this.messages.push({
      channel,
      ts: this.nextTs(),
      threadTs: optionalString(params, 'thread_ts'),
      text: optionalString(params, 'initial_comment') ?? '',
      blocks: params.blocks,
      files: files.map((file) => file.id),
      edits: 0,
    });
  }

  /** `/files-pri/<team>-<file>/[download/]<name>`; `teamAndFile` is the `<team>-<file>` segment. */
  private download(teamAndFile: string, token: string | undefined): Reply {
    if (token === undefined) return textReply(401, 'not_authed');
    if (!this.tokens.has(token)) return textReply(403, 'invalid_auth');
    const fileId = /^[A-Z0-9]+-(F[A-Z0-9]+)$/.exec(teamAndFile)?.[1];
    const file = fileId === undefined ? undefined : this.files.get(fileId);
    if (!file?.completed) return textReply(404, 'file_not_found');
    return { status: 200, headers: { 'content-type': file.mimetype }, body: file.bytes };
  }

  private publicFile(file: StoredFile): Params {
    const base = `${this.origin}/files-pri/${SLACK_TEST_WORKSPACE.teamId}-${file.id}`;
    const name = encodeURIComponent(file.name);
    return {
      id: file.id,
      created: file.created,
      timestamp: file.created,
      name: file.name,
      title: file.title,
      mimetype: file.mimetype,
      filetype: fileExtension(file.name) || 'binary',
      user: file.user,
      user_team: SLACK_TEST_WORKSPACE.teamId,
      mode: 'hosted',
      is_external: false,
      is_public: file.channels.some((channel) => channel.startsWith('C')),
      size: file.bytes.length,
      url_private: `${base}/${name}`,
      url_private_download: `${base}/download/${name}`,
      channels: file.channels.filter((channel) => channel.startsWith('C')),
      groups: file.channels.filter((channel) => channel.startsWith('G')),
      ims: file.channels.filter((channel) => channel.startsWith('D')),
      initial_comment: file.initialComment === undefined ? undefined : { comment: file.initialComment },
    };
  }

  private uploadedView(file: StoredFile): UploadedFile {
    return {
      id: file.id,
      name: file.name,
      title: file.title,
      mimetype: file.mimetype,
      bytes: Buffer.from(file.bytes),
      declaredLength: file.declaredLength,
      uploaded: file.uploaded,
      completed: file.completed,
      channels: [...file.channels],
      initialComment: file.initialComment,
      threadTs: file.threadTs,
    };
  }
}
