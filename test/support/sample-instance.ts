import type { Instance, Prompt } from '../../src/core/engine/types.js';
import type { InstanceStore } from '../../src/core/ports.js';

/** An instance at its first step (Tuti to register the letter), with `n` in its subject and start. */
export function sampleInstanceOf(
  store: Pick<InstanceStore, 'idForKey'>,
  key: string,
  n: number,
  overrides: Partial<Instance> = {},
): Instance {
  const counter = n;
  return {
    id: store.idForKey(key),
    flowId: 'spse-eproc',
    flowVersion: 1,
    version: 1,
    subject: `Permohonan ${counter}`,
    requesterId: 'ulp-biro-umum',
    requesterUnitId: 'biro-umum',
    handlingUnitId: 'pusdatinkomtel',
    status: 'active',
    createdAt: new Date(Date.UTC(2026, 10, 23, 2, 0, counter)).toISOString(),
    updatedAt: '2026-11-23T02:00:00.000Z',
    agendaNumbers: {},
    attachments: [],
    bindings: {},
    runs: [
      {
        runId: 'agenda-surat-masuk#1',
        stepId: 'agenda-surat-masuk',
        assigneeId: 'tuti',
        startedAt: '2026-11-23T02:00:00.000Z',
        dueAt: '2026-11-23T02:05:00.000Z',
        checked: [],
        files: [],
        escalationLevel: 0,
        escalatedTo: [],
      },
    ],
    events: [
      {
        seq: 1,
        at: '2026-11-23T02:00:00.000Z',
        type: 'instance-started',
        actorId: 'ulp-biro-umum',
        channel: 'cli',
      },
    ],
    processedKeys: [],
    ...overrides,
  };
}

/** A notice to `to`, the n-th prompt of the instance's first change. */
export function samplePrompt(instanceId: string, n: number, to = 'tuti'): Prompt {
  return {
    id: `${instanceId}:1:${n}`,
    to,
    instanceId,
    kind: 'notice',
    lines: [{ key: 'reply-approved' }],
    actions: [],
  };
}
