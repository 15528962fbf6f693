import type { AuditEvent, Instance, StepRun } from '../../../src/core/engine/types.js';
import type { SavedChange } from '../../../src/core/service/sop-service.js';
import { createLogger } from '../../../src/logger.js';
import { noMetrics, type ServiceMetrics } from '../../../src/metrics/metrics.js';
import { actionsOf, recordActions } from '../../../src/metrics/saved-actions.js';

const event = (type: string, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  seq: 1,
  at: '2026-11-24T03:00:00.000Z',
  type,
  actorId: 'kabid',
  channel: 'telegram',
  stepId: 's2',
  runId: 'r2',
  ...extra,
});

const change = (events: AuditEvent[], runs: Partial<StepRun>[] = []): SavedChange => ({
  instance: { id: 'i1', flowId: 'f', runs } as unknown as Instance,
  events,
  startedRuns: [],
  endedRuns: [],
});

describe('the actions of a saved change', () => {
  test('an approval is one action, not the step it completes or the one it starts', () => {
    const events = [event('approved'), event('step-completed'), event('step-started', { actorId: 'system' })];
    expect(actionsOf(change(events)).map((e) => e.type)).toEqual(['approved']);
  });

  test('a plain "done" is the step-completed', () => {
    const events = [event('step-completed'), event('step-started', { actorId: 'system' })];
    expect(actionsOf(change(events)).map((e) => e.type)).toEqual(['step-completed']);
  });

  test('a disposition and the file attached with it are two actions', () => {
    const events = [event('file-attached'), event('dispositioned'), event('step-completed')];
    expect(actionsOf(change(events)).map((e) => e.type)).toEqual(['file-attached', 'dispositioned']);
  });

  test("a level-1 escalation's lateness is counted from the step's due time", async () => {
    const late: number[] = [];
    const metrics: ServiceMetrics = { ...noMetrics, escalationLate: (_level, seconds) => late.push(seconds) };
    const escalated = event('escalated', { actorId: 'system', channel: 'system', data: { level: 1 } });
    const second = event('escalated', { actorId: 'system', channel: 'system', data: { level: 2 } });
    const runs = [{ runId: 'r2', dueAt: '2026-11-24T02:59:30.000Z' }];
    await recordActions(createLogger('silent'), metrics)(change([escalated], runs));
    await recordActions(createLogger('silent'), metrics)(change([second], runs));
    expect(late).toEqual([30]);
  });
});
