import type { Command } from '../core/engine/commands.js';
import type { Refusal } from '../core/engine/refusal.js';
import { dispositionCandidates, stepOf, taskPrompt } from '../core/engine/task-prompts.js';
import type { Instance, StepRun } from '../core/engine/types.js';
import { isLocale, type Locale, type MessageRef } from '../core/i18n.js';
import type { PersonId } from '../core/ids.js';
import type { ServiceResult } from '../core/service/sop-service.js';
import type { Reader } from '../i18n/translator.js';
import { TokenBatch } from './action-tokens.js';
import type { ChatCoreDeps } from './chat-deps.js';
import { DispositionWizard } from './disposition-wizard.js';
import type { ActionToken, Conversation } from './ports.js';
import { renderPrompt } from './render-prompt.js';
import { timelineLines } from './timeline.js';
import type { ChatReply, ChatUser, OutgoingMessage, SentMessage } from './types.js';

export interface IncomingFile {
  name: string;
  size: number;
  mimeType: string;
  /** Fetches the bytes (only called once the size and the target step are known to be fine). */
  download(): Promise<Buffer>;
}

/**
 * What a person can do in chat, whatever the platform: link an account, act on a task by a tap
 * or a reply, send files, and use the commands. Channel adapters translate updates into calls
 * here and render the replies; every action is authorized by the engine against current state.
 */
export class ChatCore {
  private readonly disposition: DispositionWizard;

  constructor(readonly deps: ChatCoreDeps) {
    this.disposition = new DispositionWizard(this);
  }

  // ── identity ──────────────────────────────────────────────────────────────

  /** The person behind a chat account (linked by invite, or named in the org file), or undefined. */
  async identify(user: ChatUser): Promise<PersonId | undefined> {
    const linked = await this.deps.identities.findPerson(user.platform, user.userId);
    if (linked && this.org.person(linked)) return linked;
    const fromOrg = this.org
      .allPeople()
      .find((p) =>
        user.platform === 'telegram' ? String(p.telegram) === user.userId : p.slack === user.userId,
      );
    return fromOrg?.id;
  }

  async readerFor(user: ChatUser, personId?: PersonId): Promise<Reader> {
    return this.deps.readers.readerFor(personId, localeHint(user.languageCode));
  }

  async render(user: ChatUser, personId: PersonId | undefined, refs: MessageRef[]): Promise<OutgoingMessage> {
    const reader = await this.readerFor(user, personId);
    return { lines: refs.map((ref) => this.deps.translator.format(ref, reader)), buttons: [] };
  }

  async say(user: ChatUser, personId: PersonId | undefined, ...refs: MessageRef[]): Promise<ChatReply> {
    return { messages: [await this.render(user, personId, refs)] };
  }

  async toast(user: ChatUser, personId: PersonId | undefined, ref: MessageRef): Promise<ChatReply> {
    const reader = await this.readerFor(user, personId);
    return { messages: [], toast: this.deps.translator.format(ref, reader) };
  }

  get org() {
    return this.deps.service.org;
  }

  /** Remembers where to reach the person and which platform they used last. */
  private async touch(user: ChatUser, personId: PersonId): Promise<void> {
    await this.deps.identities.link(personId, {
      channel: user.platform,
      userId: user.userId,
      chatId: user.chatId,
    });
    // Until they choose with /bahasa, people get messages in their app's language.
    const chosen = (await this.deps.identities.preferences(personId)).locale;
    const hint = localeHint(user.languageCode);
    await this.deps.identities.setPreferences(personId, {
      lastChannel: user.platform,
      ...(!chosen && hint ? { locale: hint } : {}),
    });
  }

  /** Runs `then` for a linked person; an unlinked user is told how to get an invite code. */
  private async asPerson(
    user: ChatUser,
    then: (personId: PersonId) => Promise<ChatReply>,
  ): Promise<ChatReply> {
    const personId = await this.identify(user);
    if (!personId) return this.say(user, undefined, { key: 'chat-not-linked' });
    await this.touch(user, personId);
    return then(personId);
  }

  // ── linking ───────────────────────────────────────────────────────────────

  async link(user: ChatUser, code: string): Promise<ChatReply> {
    const trimmed = code.trim();
    if (!trimmed) {
      const personId = await this.identify(user);
      if (!personId) return this.say(user, undefined, { key: 'chat-not-linked' });
      await this.touch(user, personId);
      return this.greet(user, personId);
    }
    const result = await this.deps.invites.redeem(trimmed, this.deps.clock.now());
    if (!result.ok) return this.say(user, undefined, { key: `chat-invite-${result.reason}` });
    if (!this.org.person(result.personId)) return this.say(user, undefined, { key: 'chat-invite-unknown' });
    await this.touch(user, result.personId);
    this.deps.logger.info({ personId: result.personId, platform: user.platform }, 'chat account linked');
    return this.greet(user, result.personId);
  }

  private async greet(user: ChatUser, personId: PersonId): Promise<ChatReply> {
    const person = this.org.person(personId);
    const unit = person ? (this.org.unit(person.unit)?.name ?? person.unit) : '';
    const greeting = await this.render(user, personId, [
      {
        key: 'chat-welcome',
        params: { name: person?.name ?? personId, position: person?.position ?? '', unit },
      },
    ]);
    const tasks = await this.taskList(user, personId);
    return { messages: [greeting, ...tasks.messages] };
  }

  // ── commands ──────────────────────────────────────────────────────────────

  async command(user: ChatUser, name: string, args: string): Promise<ChatReply> {
    if (name === 'start') return this.link(user, args);
    if (name === 'bantuan' || name === 'help') return this.help(user);
    return this.asPerson(user, async (personId) => {
      switch (name) {
        case 'tugas':
          return this.taskList(user, personId);
        case 'status':
          return this.status(user, personId, args);
        case 'ajukan':
          return this.beginRequest(user, personId, args);
        case 'bahasa':
          return this.language(user, personId, args);
        case 'kanal': {
          const platform = args.trim().toLowerCase();
          if (platform !== 'telegram' && platform !== 'slack')
            return this.say(user, personId, { key: 'chat-kanal-usage' });
          return this.setPreferredChannel(user, platform);
        }
        case 'batal':
          await this.deps.conversations.set(user.platform, user.userId, undefined);
          return this.say(user, personId, { key: 'chat-cancelled' });
        default: {
          const extra = this.deps.extraCommands?.[name];
          if (!extra)
            return this.say(user, personId, { key: 'chat-unknown-command', params: { command: name } });
          const result = await extra({ personId, args, platform: user.platform, userId: user.userId });
          return {
            ...(await this.say(user, personId, ...result.lines)),
            ...(result.files ? { files: result.files } : {}),
          };
        }
      }
    });
  }

  async help(user: ChatUser): Promise<ChatReply> {
    const personId = await this.identify(user);
    return this.say(user, personId, { key: user.platform === 'slack' ? 'chat-help-slack' : 'chat-help' });
  }

  /** Open tasks, overdue first then by due time, each as a task message with its buttons. */
  async taskList(user: ChatUser, personId: PersonId): Promise<ChatReply> {
    const open = await this.deps.service.openTasksFor(personId);
    if (open.length === 0) return this.say(user, personId, { key: 'chat-no-tasks' });
    const now = this.deps.clock.now().getTime();
    const withRuns = open
      .map(({ instance, runId }) => ({
        instance,
        run: instance.runs.find((r) => r.runId === runId) as StepRun,
      }))
      .sort((a, b) => dueRank(a.run, now) - dueRank(b.run, now));
    const overdue = withRuns.filter((t) => t.run.dueAt && new Date(t.run.dueAt).getTime() < now).length;
    const header = await this.render(user, personId, [
      { key: 'chat-task-list', params: { count: open.length, overdue } },
    ]);
    const messages: OutgoingMessage[] = [header];
    for (const { instance, run } of withRuns.slice(0, 10))
      messages.push(await this.taskMessage(user, personId, instance, run));
    return { messages };
  }

  /** A task message for an open run, with fresh tokens for the person. */
  async taskMessage(
    user: ChatUser,
    personId: PersonId,
    instance: Instance,
    run: StepRun,
  ): Promise<OutgoingMessage> {
    const flow = this.deps.service.flow(instance.flowId);
    if (!flow)
      return this.render(user, personId, [
        { key: 'refusal-unknown-flow', params: { flow: instance.flowId } },
      ]);
    const prompt = taskPrompt(flow, this.org, instance, run, `resend:${instance.id}:${run.runId}`);
    const tokens = new TokenBatch({ personId, instanceId: instance.id });
    const message = renderPrompt(prompt, await this.readerFor(user, personId), this.deps.translator, tokens);
    await tokens.saveTo(this.deps.tokens);
    return { ...message, taskRun: { instanceId: instance.id, runId: run.runId, personId } };
  }

  /** Channels call this after sending a task message, so the task's later edits reach it too. */
  async recordTaskMessage(message: OutgoingMessage, sent: SentMessage): Promise<void> {
    if (!message.taskRun) return;
    await this.deps.messages.record(
      message.taskRun.instanceId,
      message.taskRun.runId,
      message.taskRun.personId,
      sent,
    );
  }

  private async status(user: ChatUser, personId: PersonId, args: string): Promise<ChatReply> {
    const agendaNumber = args.trim();
    if (!agendaNumber) return this.say(user, personId, { key: 'chat-status-usage' });
    const instance = await this.deps.service.findByAgendaNumber(agendaNumber);
    const flow = instance && this.deps.service.flow(instance.flowId);
    if (!instance || !flow || !this.maySee(personId, instance)) {
      return this.say(user, personId, { key: 'chat-status-not-found', params: { agenda: agendaNumber } });
    }
    return this.say(user, personId, ...timelineLines(flow, this.org, instance, this.deps.clock.now()));
  }

  /** Participants, their superiors and admins may see an instance. */
  maySee(personId: PersonId, instance: Instance): boolean {
    if (this.org.isAdmin(personId)) return true;
    const participants = new Set<string>([instance.requesterId]);
    for (const run of instance.runs) {
      for (const id of [
        run.assigneeId,
        run.actorId,
        run.delegatedFrom,
        ...(run.disposition?.recipientIds ?? []),
      ]) {
        if (id) participants.add(id);
      }
    }
    return [...participants].some((id) => id === personId || this.org.isAbove(personId, id));
  }

  private async language(user: ChatUser, personId: PersonId, args: string): Promise<ChatReply> {
    const current = (await this.deps.identities.preferences(personId)).locale ?? 'id';
    const wanted = args.trim().toLowerCase();
    const locale: Locale = isLocale(wanted) ? wanted : current === 'id' ? 'en' : 'id';
    await this.deps.identities.setPreferences(personId, { locale });
    return this.say(user, personId, { key: 'chat-language-set' });
  }

  private async beginRequest(user: ChatUser, personId: PersonId, args: string): Promise<ChatReply> {
    const flow = this.deps.service.flowsForRequester(personId)[0];
    if (!flow) return this.say(user, personId, { key: 'chat-request-not-allowed' });
    const subject = args.trim();
    await this.deps.conversations.set(user.platform, user.userId, {
      kind: 'request',
      flowId: flow.id,
      ...(subject ? { subject } : {}),
    });
    return this.say(user, personId, { key: subject ? 'chat-request-ask-file' : 'chat-request-ask-subject' });
  }

  // ── taps ──────────────────────────────────────────────────────────────────

  async tap(user: ChatUser, token: string): Promise<ChatReply> {
    return this.asPerson(user, async (personId) => {
      const action = await this.deps.tokens.find(token);
      if (!action) return this.toast(user, personId, { key: 'chat-button-unknown' });
      if (action.personId !== personId) return this.toast(user, personId, { key: 'chat-button-not-yours' });
      return this.onAction(user, personId, action);
    });
  }

  private async onAction(user: ChatUser, personId: PersonId, action: ActionToken): Promise<ChatReply> {
    const key = `tap:${action.token}`;
    const base = {
      instanceId: action.instanceId,
      runId: action.runId ?? '',
      actorId: personId,
      channel: user.platform,
      idempotencyKey: key,
    };
    const [kind, arg] = splitAction(action.actionId);
    // An old button on a task already done says who did it and when (the engine would refuse too).
    if (action.runId && !this.extraActions[kind]) {
      const refusal = await this.precheck(personId, action);
      if (refusal) return this.refused(user, personId, refusal);
    }
    switch (kind) {
      case 'approve':
        return this.act(user, personId, { ...base, type: 'approve' });
      case 'complete':
        return this.act(user, personId, { ...base, type: 'complete' });
      case 'check': {
        const run = await this.openRun(action);
        return this.act(user, personId, {
          ...base,
          type: 'check',
          itemId: arg,
          checked: !(run?.checked.includes(arg) ?? false),
        });
      }
      case 'return':
        return this.expectInput(
          user,
          personId,
          action,
          { kind: 'return-reason', instanceId: action.instanceId, runId: base.runId },
          'chat-ask-return-reason',
        );
      case 'fail':
        return this.expectInput(
          user,
          personId,
          action,
          { kind: 'fail-reason', instanceId: action.instanceId, runId: base.runId, itemId: arg },
          'chat-ask-fail-reason',
        );
      case 'attach':
        return this.expectInput(
          user,
          personId,
          action,
          { kind: 'attach-file', instanceId: action.instanceId, runId: base.runId },
          'chat-ask-file',
        );
      case 'dispose':
      case 'disp-recipient':
      case 'disp-next':
      case 'disp-instruction':
      case 'disp-send':
        return this.disposition.onTap(user, personId, action, kind, arg);
      default: {
        const extra = this.extraActions[kind];
        if (extra) return extra(user, personId, action, arg);
        return this.toast(user, personId, { key: 'chat-button-unknown' });
      }
    }
  }

  /** Actions contributed by other features (escalation buttons). */
  readonly extraActions: Record<
    string,
    (user: ChatUser, personId: PersonId, action: ActionToken, arg: string) => Promise<ChatReply>
  > = {};

  /** The run a token points at, if it is still open. */
  async openRun(action: Pick<ActionToken, 'instanceId' | 'runId'>): Promise<StepRun | undefined> {
    const instance = await this.deps.service.get(action.instanceId);
    const run = instance?.runs.find((r) => r.runId === action.runId);
    return run && !run.endedAt ? run : undefined;
  }

  /** Before asking for input, checks the task is still theirs and open, and says why not otherwise. */
  private async expectInput(
    user: ChatUser,
    personId: PersonId,
    action: ActionToken,
    conversation: Conversation,
    askKey: string,
  ): Promise<ChatReply> {
    const refusal = await this.precheck(personId, action);
    if (refusal) return this.refused(user, personId, refusal);
    await this.deps.conversations.set(user.platform, user.userId, conversation);
    return {
      ...(await this.say(user, personId, { key: askKey })),
      toast: await this.format(user, personId, { key: askKey }),
    };
  }

  /** The refusal the engine would give any action on this run by this person right now, if any. */
  async precheck(
    personId: PersonId,
    action: Pick<ActionToken, 'instanceId' | 'runId'>,
  ): Promise<Refusal | undefined> {
    const instance = await this.deps.service.get(action.instanceId);
    const run = instance?.runs.find((r) => r.runId === action.runId);
    if (!instance || !run) return { code: 'unknown-task', message: { key: 'refusal-unknown-task' } };
    if (run.endedAt) {
      const by = this.org.person(run.actorId ?? '')?.name ?? run.actorId ?? '-';
      return {
        code: 'already-done',
        message: { key: 'refusal-already-done', params: { by, at: { instant: run.endedAt, style: 'time' } } },
      };
    }
    if (run.assigneeId !== personId) {
      const assignee = this.org.person(run.assigneeId ?? '')?.name ?? '-';
      return { code: 'not-your-task', message: { key: 'refusal-not-your-task', params: { assignee } } };
    }
    return undefined;
  }

  async format(user: ChatUser, personId: PersonId | undefined, ref: MessageRef): Promise<string> {
    return this.deps.translator.format(ref, await this.readerFor(user, personId));
  }

  async refused(user: ChatUser, personId: PersonId, refusal: Refusal): Promise<ChatReply> {
    const text = await this.format(user, personId, refusal.message);
    return { messages: [{ lines: [`⛔ ${text}`], buttons: [] }], toast: text };
  }

  /** Runs a command through the service and answers with its reply or its refusal. */
  async act(user: ChatUser, personId: PersonId, command: Command): Promise<ChatReply> {
    const result: ServiceResult = await this.deps.service.act(command);
    if (!result.ok) return this.refused(user, personId, result.refusal);
    const text = await this.format(user, personId, result.reply);
    return { messages: [], toast: text };
  }

  // ── forms (Slack modals submit everything at once) ─────────────────────────

  /** What a disposition form offers for the task behind a token, or why it cannot be opened. */
  async dispositionOptions(user: ChatUser, token: string) {
    const personId = await this.identify(user);
    const action = await this.deps.tokens.find(token);
    if (!personId || !action || action.personId !== personId) return undefined;
    if (await this.precheck(personId, action)) return undefined;
    const instance = await this.deps.service.get(action.instanceId);
    const flow = instance && this.deps.service.flow(instance.flowId);
    const run = instance?.runs.find((r) => r.runId === action.runId);
    if (!instance || !flow || !run) return undefined;
    const reader = await this.readerFor(user, personId);
    return {
      recipients: dispositionCandidates(this.org, stepOf(flow, run), run).map((p) => ({
        id: p.id,
        label: `${p.name} (${p.position})`,
      })),
      instructions: flow.instructions.map((i) => ({ id: i.id, label: i.label[reader.locale] })),
    };
  }

  /** A disposition submitted whole (a modal): recipients, instruction and note, keyed by the token. */
  async submitDisposition(
    user: ChatUser,
    token: string,
    form: { recipientIds: string[]; instructionId: string; note?: string },
  ): Promise<ChatReply> {
    return this.asPerson(user, async (personId) => {
      const action = await this.deps.tokens.find(token);
      if (!action || action.actionId !== 'dispose')
        return this.toast(user, personId, { key: 'chat-button-unknown' });
      if (action.personId !== personId) return this.toast(user, personId, { key: 'chat-button-not-yours' });
      return this.act(user, personId, {
        type: 'dispose',
        recipientIds: form.recipientIds,
        instructionId: form.instructionId,
        ...(form.note?.trim() ? { note: form.note.trim() } : {}),
        instanceId: action.instanceId,
        runId: action.runId ?? '',
        actorId: personId,
        channel: user.platform,
        idempotencyKey: `form:${token}`,
      });
    });
  }

  /** A return submitted whole (a modal) with its reason, keyed by the token of the Return button. */
  async submitReturn(user: ChatUser, token: string, reason: string): Promise<ChatReply> {
    return this.asPerson(user, async (personId) => {
      const action = await this.deps.tokens.find(token);
      if (!action || action.actionId !== 'return')
        return this.toast(user, personId, { key: 'chat-button-unknown' });
      if (action.personId !== personId) return this.toast(user, personId, { key: 'chat-button-not-yours' });
      return this.act(user, personId, {
        type: 'return',
        reason,
        instanceId: action.instanceId,
        runId: action.runId ?? '',
        actorId: personId,
        channel: user.platform,
        idempotencyKey: `form:${token}`,
      });
    });
  }

  /** Sets where tasks go when the person is linked on several platforms. */
  async setPreferredChannel(user: ChatUser, platform: ChatUser['platform']): Promise<ChatReply> {
    return this.asPerson(user, async (personId) => {
      const linked = (await this.deps.identities.identitiesOf(personId)).some((i) => i.channel === platform);
      const person = this.org.person(personId);
      const inOrgFile = platform === 'telegram' ? person?.telegram !== undefined : Boolean(person?.slack);
      if (!linked && !inOrgFile)
        return this.say(user, personId, { key: 'chat-kanal-not-linked', params: { platform } });
      await this.deps.identities.setPreferences(personId, { preferredChannel: platform });
      return this.say(user, personId, { key: 'chat-preferred-channel-set', params: { platform } });
    });
  }

  // ── text and files ────────────────────────────────────────────────────────

  /** A plain text message: the answer to a question Pandu asked, or else a hint. */
  async text(user: ChatUser, text: string, messageId: string): Promise<ChatReply> {
    return this.asPerson(user, async (personId) => {
      const conversation = await this.deps.conversations.get(user.platform, user.userId);
      const key = `text:${user.platform}:${user.chatId}:${messageId}`;
      if (conversation?.kind === 'return-reason' || conversation?.kind === 'fail-reason') {
        return this.answerWithReason(user, personId, conversation, text, key);
      }
      if (conversation?.kind === 'disposition' && conversation.awaitingNote) {
        return this.disposition.onNote(user, personId, conversation, text, key);
      }
      if (conversation?.kind === 'request' && !conversation.subject) {
        const subject = text.trim();
        if (!subject) return this.say(user, personId, { key: 'refusal-subject-required' });
        await this.deps.conversations.set(user.platform, user.userId, { ...conversation, subject });
        return this.say(user, personId, { key: 'chat-request-ask-file' });
      }
      return this.say(user, personId, { key: 'chat-text-hint' });
    });
  }

  /** The reason Pandu asked for (returning a step, or an item that failed) arrives as a reply. */
  private async answerWithReason(
    user: ChatUser,
    personId: PersonId,
    conversation: Extract<Conversation, { kind: 'return-reason' | 'fail-reason' }>,
    reason: string,
    idempotencyKey: string,
  ): Promise<ChatReply> {
    const returning = conversation.kind === 'return-reason';
    if (!reason.trim()) {
      return this.say(user, personId, {
        key: returning ? 'refusal-reason-required' : 'refusal-failure-reason-required',
      });
    }
    const target = {
      instanceId: conversation.instanceId,
      runId: conversation.runId,
      actorId: personId,
      channel: user.platform,
      idempotencyKey,
    };
    const reply = await this.act(
      user,
      personId,
      conversation.kind === 'return-reason'
        ? { ...target, type: 'return', reason }
        : { ...target, type: 'fail', itemId: conversation.itemId, reason },
    );
    await this.deps.conversations.set(user.platform, user.userId, undefined);
    return withToastAsMessage(reply);
  }

  async file(user: ChatUser, file: IncomingFile, messageId: string): Promise<ChatReply> {
    return this.asPerson(user, async (personId) => {
      if (file.size > this.deps.uploadMaxBytes) {
        return this.say(user, personId, {
          key: 'chat-file-too-big',
          params: { size: megabytes(file.size), max: megabytes(this.deps.uploadMaxBytes) },
        });
      }
      const conversation = await this.deps.conversations.get(user.platform, user.userId);
      if (conversation?.kind === 'request' && conversation.subject) {
        return this.finishRequest(user, personId, conversation, file, messageId);
      }
      const target = await this.fileTarget(personId, conversation);
      if ('none' in target) return this.say(user, personId, { key: target.none });
      return this.attach(user, personId, target.instance, target.run, file, messageId);
    });
  }

  private async fileTarget(
    personId: PersonId,
    conversation: Conversation | undefined,
  ): Promise<{ instance: Instance; run: StepRun } | { none: string }> {
    if (conversation?.kind === 'attach-file') {
      const instance = await this.deps.service.get(conversation.instanceId);
      const run = instance?.runs.find((r) => r.runId === conversation.runId && !r.endedAt);
      if (instance && run) return { instance, run };
    }
    const waiting = (await this.deps.service.openTasksFor(personId)).filter(({ instance, runId }) => {
      const run = instance.runs.find((r) => r.runId === runId);
      const step = this.deps.service.flow(instance.flowId)?.steps.find((s) => s.id === run?.stepId);
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

  private async attach(
    user: ChatUser,
    personId: PersonId,
    instance: Instance,
    run: StepRun,
    file: IncomingFile,
    messageId: string,
  ): Promise<ChatReply> {
    const step = this.deps.service.flow(instance.flowId)?.steps.find((s) => s.id === run.stepId);
    const refusal = await this.precheck(personId, { instanceId: instance.id, runId: run.runId });
    if (refusal) return this.refused(user, personId, refusal);
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    const accept = step?.output.file?.accept ?? [];
    if (accept.length > 0 && !accept.includes(extension)) {
      return this.refused(user, personId, {
        code: 'file-type-not-accepted',
        message: { key: 'refusal-file-type-not-accepted', params: { accept: accept.join(', ') } },
      });
    }
    const bytes = await file.download();
    const handler = step?.output.file?.handler
      ? this.deps.fileHandlers?.[step.output.file.handler]
      : undefined;
    let content: Record<string, unknown> | undefined;
    let summary: MessageRef[] = [];
    if (handler) {
      const checked = await handler(bytes, file.name, {
        instance,
        run,
        personId,
        reader: await this.readerFor(user, personId),
      });
      if (!checked.ok) {
        const reply = await this.say(user, personId, ...checked.errors);
        return { ...reply, ...(checked.report ? { files: [checked.report] } : {}) };
      }
      content = checked.content;
      summary = checked.summary;
    }
    const stored = await this.deps.files.put(bytes, {
      name: file.name,
      mimeType: file.mimeType,
      uploadedBy: personId,
      uploadedAt: this.deps.clock.now(),
    });
    const ref = content ? { ...stored, content } : stored;
    const reply = await this.act(user, personId, {
      type: 'attach',
      file: ref,
      instanceId: instance.id,
      runId: run.runId,
      actorId: personId,
      channel: user.platform,
      idempotencyKey: `file:${user.platform}:${user.chatId}:${messageId}`,
    });
    await this.deps.conversations.set(user.platform, user.userId, undefined);
    const summaryMessage = summary.length > 0 ? [await this.render(user, personId, summary)] : [];
    return {
      ...withToastAsMessage(reply),
      messages: [...withToastAsMessage(reply).messages, ...summaryMessage],
    };
  }

  private async finishRequest(
    user: ChatUser,
    personId: PersonId,
    conversation: Extract<Conversation, { kind: 'request' }>,
    file: IncomingFile,
    messageId: string,
  ): Promise<ChatReply> {
    const bytes = await file.download();
    const attachment = await this.deps.files.put(bytes, {
      name: file.name,
      mimeType: file.mimeType,
      uploadedBy: personId,
      uploadedAt: this.deps.clock.now(),
    });
    const result = await this.deps.service.start({
      flowId: conversation.flowId,
      requesterId: personId,
      subject: conversation.subject ?? '',
      attachment,
      channel: user.platform,
      idempotencyKey: `request:${user.platform}:${user.chatId}:${messageId}`,
    });
    await this.deps.conversations.set(user.platform, user.userId, undefined);
    if (!result.ok) return this.refused(user, personId, result.refusal);
    return this.say(user, personId, result.reply);
  }
}

function splitAction(actionId: string): [string, string] {
  const index = actionId.indexOf(':');
  return index < 0 ? [actionId, ''] : [actionId.slice(0, index), actionId.slice(index + 1)];
}

function dueRank(run: StepRun, now: number): number {
  if (!run.dueAt) return Number.MAX_SAFE_INTEGER;
  return new Date(run.dueAt).getTime() - now;
}

function localeHint(languageCode: string | undefined): Locale | undefined {
  if (!languageCode) return undefined;
  return languageCode.toLowerCase().startsWith('en') ? 'en' : 'id';
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** For replies to typed messages: the short answer becomes a message of its own. */
export function withToastAsMessage(reply: ChatReply): ChatReply {
  if (reply.messages.length > 0 || !reply.toast) return reply;
  return { ...reply, messages: [{ lines: [reply.toast], buttons: [] }] };
}
