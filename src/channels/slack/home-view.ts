import type { types } from '@slack/bolt';
import type { Flow } from '../../core/flow/model.js';
import type { Instance } from '../../core/engine/types.js';
import type { MessageParam, MessageRef } from '../../core/i18n.js';
import { truncate, textSections } from './block-kit.js';
import type { HomeData } from '../../chat/overview.js';
import type { Texts } from './texts.js';

const TASKS_SHOWN = 20;

/** The App Home of someone not linked yet: how to link. */
export function unlinkedHome(t: Texts): types.HomeView {
  return {
    type: 'home',
    blocks: [header(t({ key: 'slack-home-title' })), ...textSections([t({ key: 'slack-home-not-linked' })])],
  };
}

/**
 * The App Home: the dashboard's sign-in link (lines already rendered, when there is one), open
 * tasks (overdue first), recent actions, and the requests of the person's unit.
 */
export function homeView(
  data: HomeData,
  flowOf: (id: string) => Flow | undefined,
  now: Date,
  t: Texts,
  dashboard: readonly string[] = [],
): types.HomeView {
  const blocks: types.KnownBlock[] = [header(t({ key: 'slack-home-title' }))];
  if (dashboard.length > 0) blocks.push(...textSections([...dashboard]));

  blocks.push(header(t({ key: 'slack-home-tasks-title', params: { count: data.tasks.length } })));
  if (data.tasks.length === 0) blocks.push(...textSections([t({ key: 'chat-no-tasks' })]));
  for (const { instance, run } of data.tasks.slice(0, TASKS_SHOWN)) {
    const params = {
      step: stepTitle(flowOf(instance.flowId), run.stepId),
      agenda: agendaOf(instance),
      subject: instance.subject,
    };
    const ref: MessageRef = run.dueAt
      ? {
          key: 'slack-home-task',
          params: {
            ...params,
            due: { instant: run.dueAt, style: 'datetime' },
            overdue: Date.parse(run.dueAt) < now.getTime() ? 'yes' : 'no',
          },
        }
      : { key: 'slack-home-task-no-due', params };
    blocks.push(...textSections([t(ref)]));
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t({ key: 'slack-home-tasks-hint' }) }] });

  blocks.push({ type: 'divider' }, header(t({ key: 'slack-home-actions-title' })));
  const actions = data.actions.map(({ instance, event }) =>
    t({
      key: 'slack-home-action',
      params: {
        at: { instant: event.at, style: 'datetime' },
        type: event.type,
        step: event.stepId ? stepTitle(flowOf(instance.flowId), event.stepId) : '-',
        subject: instance.subject,
      },
    }),
  );
  blocks.push(...textSections(actions.length > 0 ? actions : [t({ key: 'slack-home-no-actions' })]));

  blocks.push(
    { type: 'divider' },
    header(t({ key: 'slack-home-unit-title', params: { unit: data.unitName } })),
  );
  const instances = data.unitInstances.map((instance) => {
    const open = instance.runs.find((r) => !r.endedAt);
    return t({
      key: 'slack-home-instance',
      params: {
        status: instance.status,
        step: open ? stepTitle(flowOf(instance.flowId), open.stepId) : '-',
        agenda: agendaOf(instance),
        subject: instance.subject,
      },
    });
  });
  blocks.push(...textSections(instances.length > 0 ? instances : [t({ key: 'slack-home-no-instances' })]));

  return { type: 'home', blocks: blocks.slice(0, 100) };
}

function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, 150), emoji: true } };
}

function stepTitle(flow: Flow | undefined, stepId: string): MessageParam {
  const step = flow?.steps.find((s) => s.id === stepId);
  return step ? { text: step.title } : stepId;
}

function agendaOf(instance: Instance): string {
  return instance.agendaNumbers.outgoing ?? instance.agendaNumbers.incoming ?? '-';
}
