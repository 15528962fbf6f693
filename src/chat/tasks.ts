import { taskPrompt } from '../core/engine/task-prompts.js';
import type { Instance, StepRun } from '../core/engine/types.js';
import { maySeeInstance } from '../core/engine/visibility.js';
import type { PersonId } from '../core/ids.js';
import { TokenBatch } from './action-tokens.js';
import type { ChatContext } from './chat-context.js';
import { letterFactsOf, markMessage } from './letter-marks.js';
import { renderPrompt } from './render-prompt.js';
import { timelineLines } from './timeline.js';
import type { ChatReply, ChatUser, OutgoingMessage, SentMessage } from './types.js';

/** Task messages shown at once by `/tugas`; the rest wait for the first ones to be done. */
const TASKS_SHOWN = 10;

/** Open tasks, the most urgent letters first, then overdue, then by due time, each as a task message with its buttons. */
export async function taskList(chat: ChatContext, user: ChatUser, personId: PersonId): Promise<ChatReply> {
  const now = chat.deps.clock.now();
  const tasks = await openTasks(chat, personId, now);
  if (tasks.length === 0) return chat.say(user, personId, { key: 'chat-no-tasks' });
  const overdue = tasks.filter((t) => t.run.dueAt && new Date(t.run.dueAt).getTime() < now.getTime()).length;
  const header = await chat.render(user, personId, [
    { key: 'chat-task-list', params: { count: tasks.length, overdue } },
  ]);
  const messages: OutgoingMessage[] = [header];
  for (const { instance, run } of tasks.slice(0, TASKS_SHOWN))
    messages.push(await taskMessage(chat, user, personId, instance, run));
  return { messages };
}

/** A person's open runs with their instances, overdue first, then by due time. */
export async function openTasks(
  chat: ChatContext,
  personId: PersonId,
  now: Date,
): Promise<Array<{ instance: Instance; run: StepRun }>> {
  const open = await chat.service.openTasksFor(personId);
  const source = chat.deps.contributions.letterFacts;
  const tasks = await Promise.all(
    open.flatMap(({ instance, runId }) => {
      const run = instance.runs.find((r) => r.runId === runId);
      return run ? [letterFactsOf(source, instance.id).then((facts) => ({ instance, run, facts }))] : [];
    }),
  );
  // The letter's urgency first (sangat segera before segera before biasa), then overdue, then due time.
  return tasks
    .sort((a, b) => a.facts.rank - b.facts.rank || dueRank(a.run, now) - dueRank(b.run, now))
    .map(({ instance, run }) => ({ instance, run }));
}

function dueRank(run: StepRun, now: Date): number {
  return run.dueAt ? new Date(run.dueAt).getTime() - now.getTime() : Number.MAX_SAFE_INTEGER;
}

/** A task message for an open run, with fresh tokens for the person. */
export async function taskMessage(
  chat: ChatContext,
  user: ChatUser,
  personId: PersonId,
  instance: Instance,
  run: StepRun,
): Promise<OutgoingMessage> {
  const flow = chat.service.flow(instance.flowId);
  if (!flow)
    return chat.render(user, personId, [{ key: 'refusal-unknown-flow', params: { flow: instance.flowId } }]);
  const prompt = taskPrompt(flow, chat.org, instance, run, `resend:${instance.id}:${run.runId}`);
  const tokens = new TokenBatch({ personId, instanceId: instance.id });
  const reader = await chat.readerFor(user, personId);
  const message = markMessage(
    renderPrompt(prompt, reader, chat.deps.translator, tokens),
    await letterFactsOf(chat.deps.contributions.letterFacts, instance.id),
    { task: true, reader, translator: chat.deps.translator },
  );
  await tokens.saveTo(chat.deps.tokens);
  return { ...message, taskRun: { instanceId: instance.id, runId: run.runId, personId } };
}

/** Channels call this after sending a task message, so the task's later edits reach it too. */
export async function recordTaskMessage(
  chat: ChatContext,
  message: OutgoingMessage,
  sent: SentMessage,
): Promise<void> {
  if (!message.taskRun) return;
  const { instanceId, runId, personId } = message.taskRun;
  await chat.deps.messages.record(instanceId, runId, personId, sent);
}

/** `/status <agenda number>`: every step run of an instance, for those who may see it. */
export async function status(
  chat: ChatContext,
  user: ChatUser,
  personId: PersonId,
  args: string,
): Promise<ChatReply> {
  const agendaNumber = args.trim();
  if (!agendaNumber) return chat.say(user, personId, { key: 'chat-status-usage' });
  const instance = await chat.service.findByAgendaNumber(agendaNumber);
  const flow = instance && chat.service.flow(instance.flowId);
  if (!instance || !flow || !maySeeInstance(chat.org, personId, instance)) {
    return chat.say(user, personId, { key: 'chat-status-not-found', params: { agenda: agendaNumber } });
  }
  return chat.say(user, personId, ...timelineLines(flow, chat.org, instance, chat.deps.clock.now()));
}
