/**
 * Requests as Slack sends them to an app: Events API (JSON), slash commands (form) and interactions
 * (form with a JSON `payload=`), signed with `v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")`.
 *
 * Bolt's HTTPReceiver parses a form body only when Content-Type is exactly
 * `application/x-www-form-urlencoded` (no charset), which is what these builders send.
 */
import { createHmac } from 'node:crypto';

import { dmChannelId, SLACK_TEST_WORKSPACE } from './web-api-stand-in.js';
import type { Params } from './web-api-stand-in.js';

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

export interface SigningOptions {
  signingSecret: string;
  /** Sign with a secret other than `signingSecret`, as a forger would. */
  wrongSecret?: boolean;
  /** Move X-Slack-Request-Timestamp by this many seconds; negative is in the past. */
  timestampOffsetSeconds?: number;
  /** Sent as X-Slack-Retry-Num / X-Slack-Retry-Reason, as Slack does when it redelivers an event. */
  retryNum?: number;
  retryReason?: string;
}

export interface AppResponse {
  status: number;
  contentType: string | null;
  body: string;
  /** The body parsed, when it was JSON. */
  json: unknown;
}

const FORM = 'application/x-www-form-urlencoded';
const { teamId, teamDomain, appId, botUserId } = SLACK_TEST_WORKSPACE;
const VERIFICATION_TOKEN = 'legacy-verification-token';
const DEFAULT_CHANNEL = 'C0000CHAN1';
let counter = 0;

function nextCounter(): number {
  counter += 1;
  return counter;
}

/** A message timestamp such as Slack uses (`seconds.micro`), unique within the process. */
export function slackTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(nextCounter()).padStart(6, '0')}`;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Sign any body; the builders below call this. */
export function signRequest(body: string, contentType: string, options: SigningOptions): SignedRequest {
  const timestamp = Math.floor(Date.now() / 1000) + (options.timestampOffsetSeconds ?? 0);
  const secret = options.wrongSecret ? `${options.signingSecret}-but-wrong` : options.signingSecret;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, body),
  };
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  return { headers, body };
}

/** A signed JSON body as given (e.g. a hand-made envelope). */
export function signedJsonRequest(payload: Params, options: SigningOptions): SignedRequest {
  return signRequest(JSON.stringify(payload), 'application/json', options);
}

/** The challenge Slack sends when the Request URL is configured. */
export function signedUrlVerification(challenge: string, options: SigningOptions): SignedRequest {
  return signedJsonRequest({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' }, options);
}

/** An `event_callback` envelope around `event`. */
export function signedEventRequest(event: Params, options: SigningOptions): SignedRequest {
  const eventTime = Math.floor(Date.now() / 1000);
  return signedJsonRequest(
    {
      token: VERIFICATION_TOKEN,
      team_id: teamId,
      api_app_id: appId,
      event,
      type: 'event_callback',
      event_id: `Ev${String(nextCounter()).padStart(9, '0')}`,
      event_time: eventTime,
      authorizations: [
        {
          enterprise_id: null,
          team_id: teamId,
          user_id: botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    },
    options,
  );
}

export interface DmMessageInput {
  user: string;
  text: string;
  /** Default: the stand-in's DM channel for `user`. */
  channel?: string;
  ts?: string;
  /** Files attached by the user; the event then has subtype `file_share`. */
  files?: Params[];
}

/** A `message` event in the app's DM with a user (the `message.im` subscription). */
export function dmMessageEvent(input: DmMessageInput): Params {
  const ts = input.ts ?? slackTs();
  const event: Params = {
    type: 'message',
    channel_type: 'im',
    channel: input.channel ?? dmChannelId(input.user),
    user: input.user,
    text: input.text,
    ts,
    event_ts: ts,
    team: teamId,
  };
  if (input.files) Object.assign(event, { subtype: 'file_share', files: input.files, upload: false });
  return event;
}

export function appHomeOpenedEvent(user: string): Params {
  return { type: 'app_home_opened', user, channel: dmChannelId(user), tab: 'home', event_ts: slackTs() };
}

export interface SlashCommandInput {
  command: string;
  text?: string;
  userId: string;
  channelId?: string;
  triggerId?: string;
  responseUrl?: string;
}

export function signedSlashCommand(input: SlashCommandInput, options: SigningOptions): SignedRequest {
  const channelId = input.channelId ?? DEFAULT_CHANNEL;
  const fields: Record<string, string> = {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    team_domain: teamDomain,
    channel_id: channelId,
    channel_name: channelId.startsWith('D') ? 'directmessage' : 'general',
    user_id: input.userId,
    user_name: input.userId.toLowerCase(),
    command: input.command,
    text: input.text ?? '',
    api_app_id: appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl ?? `https://hooks.slack.com/commands/${teamId}/1/unreachable`,
    trigger_id: input.triggerId ?? triggerId(),
  };
  return signRequest(new URLSearchParams(fields).toString(), FORM, options);
}

/** Any interaction payload (block_actions, view_submission, shortcut…) as `payload=<json>`. */
export function signedInteraction(payload: Params, options: SigningOptions): SignedRequest {
  return signRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, options);
}

export function triggerId(): string {
  return `${nextCounter()}.${teamId}.trigger`;
}

function interactingUser(userId: string): Params {
  return { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId };
}

export interface BlockActionInput {
  userId: string;
  actionId: string;
  blockId?: string;
  value?: string;
  /** The message carrying the button; give both to make a message interaction. */
  channelId?: string;
  messageTs?: string;
  messageText?: string;
  /** The view carrying the element, for interactions inside a modal or App Home. */
  view?: Params;
  triggerId?: string;
  responseUrl?: string;
}

/** A `block_actions` payload for a button click. */
export function blockActionsPayload(input: BlockActionInput): Params {
  const payload: Params = {
    type: 'block_actions',
    user: interactingUser(input.userId),
    api_app_id: appId,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId ?? triggerId(),
    team: { id: teamId, domain: teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: input.blockId ?? 'actions',
        value: input.value,
        text: { type: 'plain_text', text: input.actionId },
        action_ts: slackTs(),
      },
    ],
  };
  if (input.channelId !== undefined && input.messageTs !== undefined) {
    Object.assign(payload, messageContainer(input.channelId, input.messageTs, input.messageText));
    payload.response_url = input.responseUrl ?? `https://hooks.slack.com/actions/${teamId}/1/unreachable`;
  }
  if (input.view !== undefined) {
    payload.container = { type: 'view', view_id: input.view.id };
    payload.view = input.view;
  }
  return payload;
}

function messageContainer(channelId: string, messageTs: string, text = ''): Params {
  return {
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : 'general' },
    message: { type: 'message', ts: messageTs, text, user: botUserId, bot_id: SLACK_TEST_WORKSPACE.botId },
  };
}

export interface ViewSubmissionInput {
  userId: string;
  callbackId: string;
  /** `state.values`: block_id → action_id → element state, e.g. `{ type: 'plain_text_input', value: 'x' }`. */
  values?: Record<string, Record<string, Params>>;
  privateMetadata?: string;
  viewId?: string;
  externalId?: string;
}

/** A `view_submission` payload for a modal. */
export function viewSubmissionPayload(input: ViewSubmissionInput): Params {
  const viewId = input.viewId ?? `V${String(nextCounter()).padStart(9, '0')}`;
  return {
    type: 'view_submission',
    team: { id: teamId, domain: teamDomain },
    user: interactingUser(input.userId),
    api_app_id: appId,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId(),
    view: {
      id: viewId,
      team_id: teamId,
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
      external_id: input.externalId ?? '',
      state: { values: input.values ?? {} },
      hash: `h${viewId}`,
      title: { type: 'plain_text', text: input.callbackId },
      blocks: [],
      root_view_id: viewId,
      previous_view_id: null,
      app_id: appId,
      bot_id: SLACK_TEST_WORKSPACE.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** POST a signed request to the app (e.g. `http://127.0.0.1:port/slack/events`). */
export async function postToApp(url: string, request: SignedRequest): Promise<AppResponse> {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  const body = await response.text();
  const contentType = response.headers.get('content-type');
  return { status: response.status, contentType, body, json: parseJson(contentType, body) };
}

function parseJson(contentType: string | null, body: string): unknown {
  if (!contentType?.includes('json') || body === '') return undefined;
  return JSON.parse(body) as unknown;
}
