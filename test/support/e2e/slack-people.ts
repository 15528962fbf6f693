/**
 * People on Slack in an end-to-end suite: the signed requests they make to POST /slack/events and what
 * they wait for in the Web API stand-in, bound once to the stand-in, the signing secret, the service's
 * events URL and the suite's people (person id → Slack user id).
 */
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  dmMessageEvent,
  postToApp,
  signedEventRequest,
  signedInteraction,
  signedSlashCommand,
  viewSubmissionPayload,
  type AppResponse,
  type Params,
  type RecordedCall,
  type SignedRequest,
  type SigningOptions,
  type SlackWebApiStandIn,
  type StoredMessage,
} from '../slack/index.js';
import { sleep, waitFor } from './waiting.js';

export interface SlackButton {
  label: string;
  token: string;
  actionId: string;
}

/** Form values as a view submission carries them: block id → action id → value. */
export type ViewValues = Record<string, Record<string, Params>>;

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The buttons of a message's actions blocks. */
export function buttonsOf(message: StoredMessage): SlackButton[] {
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Params[]) : [];
  return blocks
    .filter((block) => block.type === 'actions')
    .flatMap((block) => (block.elements as Params[]) ?? [])
    .map((element) => ({
      label: str((element.text as Params | undefined)?.text),
      token: str(element.value),
      actionId: str(element.action_id),
    }));
}

/** The button whose label contains `label`; fails when there is none. */
export function button(message: StoredMessage, label: string): SlackButton {
  const found = buttonsOf(message).find((b) => b.label.includes(label));
  if (!found) throw new Error(`no Slack button "${label}" in ${JSON.stringify(buttonsOf(message))}`);
  return found;
}

/** The values of the disposition form. */
export function dispositionValues(recipients: string[], instruction: string, note = ''): ViewValues {
  const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
  return {
    recipients: { input: { type: 'multi_static_select', selected_options: recipients.map(option) } },
    instruction: { input: { type: 'static_select', selected_option: option(instruction) } },
    note: { input: { type: 'plain_text_input', value: note || null } },
  };
}

/** The option values a form's select block offers. */
export function optionValues(view: Params, blockId: string): string[] {
  const block = (view.blocks as Params[]).find((b) => b.block_id === blockId) as Params;
  return ((block.element as Params).options as Params[]).map((o) => str(o.value));
}

/** Let the stand-in accept (and record) ephemeral messages: the service's short notes. */
export function acceptEphemerals(standIn: SlackWebApiStandIn): void {
  standIn.onMethod('chat.postEphemeral', () => ({ ok: true, message_ts: `${Date.now() / 1000}` }));
}

export interface SlackPeopleOptions {
  standIn: SlackWebApiStandIn;
  signing: SigningOptions;
  /** The service's POST /slack/events (known once it has started). */
  eventsUrl: () => string;
  slackIds: Record<string, string>;
}

export function slackPeople({ standIn, signing, eventsUrl, slackIds }: SlackPeopleOptions) {
  /** Task messages already handed out by `task`, so a later task of the same step is told apart. */
  const taken = new Set<string>();
  let sharedFiles = 0;

  function slackId(who: string): string {
    const id = slackIds[who];
    if (!id) throw new Error(`${who} is not on Slack in this suite`);
    return id;
  }

  /** Posts a signed request to the service, which must accept it (200). */
  async function post(request: SignedRequest): Promise<AppResponse> {
    const response = await postToApp(eventsUrl(), request);
    expect(response.status).toBe(200);
    return response;
  }

  const command = (who: string, text: string) =>
    post(signedSlashCommand({ command: '/pandu', text, userId: slackId(who) }, signing));

  const messages = (who: string): StoredMessage[] => standIn.messagesTo(slackId(who));

  /** A message to the person (as it is now) whose text contains `text`, waiting for it. */
  const message = (who: string, text: string, also: (m: StoredMessage) => boolean = () => true) =>
    waitFor(`a Slack message to ${who} with "${text}"`, () =>
      messages(who).find((m) => (m.text ?? '').includes(text) && also(m)),
    );

  /** The person links with an invite code and is welcomed. */
  async function link(who: string, code: string): Promise<StoredMessage> {
    await command(who, `link ${code}`);
    return message(who, 'Selamat datang');
  }

  /** The person's newest task message for a step that still has buttons and was not handed out yet. */
  async function task(who: string, step: string): Promise<StoredMessage> {
    const found = await waitFor(`a Slack task "${step}" for ${who}`, () =>
      messages(who)
        .reverse()
        .find((m) => (m.text ?? '').includes(step) && buttonsOf(m).length > 0 && !taken.has(m.ts)),
    );
    taken.add(found.ts);
    return found;
  }

  /** The task messages `task` handed out to the person, as they are now. */
  const tasksTaken = (who: string): StoredMessage[] => messages(who).filter((m) => taken.has(m.ts));

  /** The current state of a message in the stand-in. */
  const now = (sent: StoredMessage): StoredMessage =>
    standIn.messagesTo(sent.channel).find((m) => m.ts === sent.ts) ?? sent;

  /** The signed click on a button of a message (as it is now); `pressed` may be one it no longer shows. */
  function clickRequest(who: string, sent: StoredMessage, pressed: SlackButton): SignedRequest {
    const current = now(sent);
    const payload = blockActionsPayload({
      userId: slackId(who),
      actionId: pressed.actionId,
      value: pressed.token,
      channelId: current.channel,
      messageTs: current.ts,
      messageText: current.text ?? '',
    });
    return signedInteraction(payload, signing);
  }

  const clickButton = (who: string, sent: StoredMessage, pressed: SlackButton) =>
    post(clickRequest(who, sent, pressed));

  /** The person clicks the button whose label contains `label`, as the message shows it now. */
  const click = (who: string, sent: StoredMessage, label: string) =>
    clickButton(who, sent, button(now(sent), label));

  /** Waits until the task message has been edited to show the result, without buttons. */
  const closed = (who: string, sent: StoredMessage, result: string) =>
    message(who, result, (m) => m.ts === sent.ts && m.edits > 0 && buttonsOf(m).length === 0);

  const ephemerals = (who: string): RecordedCall[] =>
    standIn.calls('chat.postEphemeral').filter((c) => c.params.user === slackId(who));

  const ephemeral = (who: string, text: string): Promise<RecordedCall> =>
    waitFor(`an ephemeral note to ${who} with "${text}"`, () =>
      ephemerals(who).find((c) => str(c.params.text).includes(text)),
    );

  /** The modal opened by the `count`-th views.open, waiting for it; it must be the `callbackId` form. */
  async function modal(callbackId: string, count: number): Promise<Params> {
    const call = await waitFor(`views.open #${count}`, () => standIn.calls('views.open')[count - 1]);
    const view = call.params.view as Params;
    expect(view.callback_id).toBe(callbackId);
    return view;
  }

  function submit(who: string, view: Params, values: ViewValues): Promise<AppResponse> {
    const payload = viewSubmissionPayload({
      userId: slackId(who),
      callbackId: str(view.callback_id),
      privateMetadata: str(view.private_metadata),
      values,
    });
    return post(signedInteraction(payload, signing));
  }

  /** The signed event of the person sharing a file in the DM (the file is registered with the stand-in). */
  function fileShared(who: string, name: string, bytes: Buffer): SignedRequest {
    sharedFiles += 1;
    const id = `F0000E2E${String(sharedFiles).padStart(2, '0')}`;
    standIn.registerFile({ id, name, bytes, user: slackId(who) });
    return signedEventRequest(
      dmMessageEvent({ user: slackId(who), text: '', files: [{ id, name }] }),
      signing,
    );
  }

  const shareFile = (who: string, name: string, bytes: Buffer) => post(fileShared(who, name, bytes));

  /** The person shares a file for a task and waits until the task message shows `shows`. */
  async function attach(
    who: string,
    sent: StoredMessage,
    file: { name: string; bytes: Buffer },
    shows = 'Berkas terlampir (1)',
  ): Promise<StoredMessage> {
    await shareFile(who, file.name, file.bytes);
    return message(who, shows, (m) => m.ts === sent.ts);
  }

  /** The person opens the App Home; resolves with its blocks as JSON once it is published. */
  async function openHome(who: string): Promise<string> {
    await post(signedEventRequest(appHomeOpenedEvent(slackId(who)), signing));
    await standIn.waitForCall('views.publish', (c) => c.params.user_id === slackId(who));
    return JSON.stringify(standIn.homeView(slackId(who))?.blocks);
  }

  /** Waits until nothing more reaches the stand-in for a moment (listeners and outbox are idle). */
  async function quiet(): Promise<void> {
    let count = -1;
    while (count !== standIn.calls().length) {
      count = standIn.calls().length;
      await sleep(250);
    }
  }

  return {
    slackId,
    post,
    command,
    messages,
    message,
    link,
    task,
    tasksTaken,
    now,
    clickRequest,
    clickButton,
    click,
    closed,
    ephemerals,
    ephemeral,
    modal,
    submit,
    fileShared,
    shareFile,
    attach,
    openHome,
    quiet,
    buttonsOf,
    button,
  };
}

export type SlackPeople = ReturnType<typeof slackPeople>;
