import { setTimeout as delay } from 'node:timers/promises';
import type { Instance, StepRun } from '../../../../src/core/engine/types.js';
import type { SopService } from '../../../../src/core/service/sop-service.js';
import { AgendaStepTimers } from '../../../../src/features/time-standards/agenda-step-timers.js';
import type { TimerSpec } from '../../../../src/features/time-standards/timer-jobs.js';
import { DEFAULT_TIMER_POLICY } from '../../../../src/features/time-standards/timer-plan.js';
import { createLogger } from '../../../../src/logger.js';

/** A saved change's timers, gathered over a moment (gatherMs) and written together. */
function rig(gatherMs: number) {
  const writes: Array<{ ensure?: string[]; cancel?: string[] }> = [];
  const store = {
    ensure: (specs: readonly TimerSpec[]) => {
      writes.push({ ensure: specs.map((s) => `${s.data.instanceId}/${s.data.runId}/${s.data.kind}`) });
      return Promise.resolve(specs.length);
    },
    replace: () => Promise.resolve(),
    cancelRuns: (runs: ReadonlyArray<{ instanceId: string; runId: string }>) => {
      writes.push({ cancel: runs.map((r) => `${r.instanceId}/${r.runId}`) });
      return Promise.resolve();
    },
  };
  const timers = new AgendaStepTimers({
    service: {} as SopService,
    store,
    policy: DEFAULT_TIMER_POLICY,
    logger: createLogger('silent'),
    gatherMs,
  });
  // Planning is the timer plan's (tested on its own): here each run gets one reminder.
  timers.plan = (instance: Instance, runs: readonly StepRun[]) =>
    Promise.resolve(
      runs.map((run) => ({
        name: 'pandu-step-reminder',
        at: new Date(0),
        data: { instanceId: instance.id, runId: run.runId, kind: 'reminder', level: 0 },
      })) as unknown as TimerSpec[],
    );
  return { timers, writes };
}

const instance = (id: string) => ({ id, events: [] }) as unknown as Instance;
const run = (runId: string) => ({ runId }) as unknown as StepRun;

describe('AgendaStepTimers with gatherMs', () => {
  test("a moment's started and ended runs are one insert and one delete, written after the calls return", async () => {
    const { timers, writes } = rig(40);
    await timers.runsStarted(instance('a'), [run('a#2')]);
    await timers.runsEnded(instance('a'), [run('a#1')]);
    await delay(5);
    await timers.runsStarted(instance('b'), [run('b#2')]);
    await timers.runsEnded(instance('b'), [run('b#1')]);
    expect(writes).toEqual([]);
    await timers.settled();
    expect(writes).toEqual(
      expect.arrayContaining([
        { cancel: ['a/a#1', 'b/b#1'] },
        { ensure: ['a/a#2/reminder', 'b/b#2/reminder'] },
      ]),
    );
    expect(writes).toHaveLength(2);
  });

  test('a run started and ended in the same moment leaves no timer to write', async () => {
    const { timers, writes } = rig(30);
    await timers.runsStarted(instance('c'), [run('c#1'), run('c#2')]);
    await timers.runsEnded(instance('c'), [run('c#1')]);
    await timers.settled();
    expect(writes).toEqual(expect.arrayContaining([{ cancel: ['c/c#1'] }, { ensure: ['c/c#2/reminder'] }]));
    expect(writes).toHaveLength(2);
  });

  test('without gatherMs each change is written before its call returns', async () => {
    const { timers, writes } = rig(0);
    await timers.runsStarted(instance('d'), [run('d#1')]);
    expect(writes).toEqual([{ ensure: ['d/d#1/reminder'] }]);
    await timers.runsEnded(instance('d'), [run('d#1')]);
    expect(writes).toEqual([{ ensure: ['d/d#1/reminder'] }, { cancel: ['d/d#1'] }]);
  });
});
