/**
 * `npm run test:faults`: the fault-injection suite. Real service processes, started as `npm start`
 * starts them, on a standalone embedded database and the Bot API stand-in, are killed with
 * SIGKILL at random points (during taps, during an escalation burst, anywhere) and started again
 * while requests with seconds-long standard times run; then every reminder, escalation, task
 * message, request and agenda number is checked (see checks.ts). First one process, then two on
 * one database (one of them killed). The last line of output is the figures as JSON; the exit
 * code is 0 only when nothing was lost, doubled or early.
 *
 * FAULTS_SEED=n repeats a run's choices; FAULTS_REQUESTS, FAULTS_KILLS size the first scenario.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addFigures, emptyFigures } from './checks.js';
import { buildLikeNpmStart } from './processes.js';
import { runScenario, type ScenarioResult } from './scenario.js';

const env = process.env;
const seed = Number(env['FAULTS_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const logDir = env['FAULTS_LOG_DIR'] ?? join(tmpdir(), `pandu-faults-${seed}`);
mkdirSync(logDir, { recursive: true });
const say = (line: string) => process.stderr.write(`${line}\n`);
say(`fault suite: seed ${seed} (FAULTS_SEED=${seed} repeats its choices), logs in ${logDir}`);

buildLikeNpmStart();
// The two scenarios are independent (each its own database, stand-in and ports): they run side by side.
const requestsOne = Number(env['FAULTS_REQUESTS'] ?? 50);
const requestsTwo = Number(env['FAULTS_REQUESTS_TWO'] ?? 20);
const results: ScenarioResult[] = await Promise.all([
  runScenario({
    label: 'one',
    seed,
    processes: 1,
    requests: requestsOne,
    kills: Number(env['FAULTS_KILLS'] ?? 20),
    concurrency: requestsOne,
    standardSeconds: 3,
    lanes: 10,
    logDir,
    say,
  }),
  runScenario({
    label: 'two',
    seed: seed + 1,
    processes: 2,
    requests: requestsTwo,
    kills: Number(env['FAULTS_KILLS_TWO'] ?? 6),
    concurrency: requestsTwo,
    standardSeconds: 3,
    lanes: 10,
    logDir,
    say,
  }),
]);

for (const result of results) for (const defect of result.defects) say(`DEFECT [${result.label}] ${defect}`);
const total = results.reduce((sum, r) => addFigures(sum, r.figures), emptyFigures());
const defects = results.reduce((n, r) => n + r.defects.length, 0);
const summary = {
  seed,
  runs: results.length,
  kills: results.reduce((n, r) => n + r.kills, 0),
  requests: total.requests,
  escalations: {
    expected: total.escalationsExpected,
    delivered: total.escalationsDelivered,
    duplicated: total.escalationsDuplicated,
    lost: total.escalationsLost,
  },
  reminders: {
    expected: total.remindersExpected,
    delivered: total.remindersDelivered,
    duplicated: total.remindersDuplicated,
    lost: total.remindersLost,
  },
  tasks: { lost: total.tasksLost, duplicated: total.tasksDuplicated },
  requestsLost: total.requestsLost,
  requestsDoubled: total.requestsDoubled,
  early: total.early,
  resentInFlightAtKill: total.resentInFlightAtKill,
  agenda: { numbers: total.agendaNumbers, gapsOrRepeats: total.agendaGapsOrRepeats },
  defects,
  scenarios: results.map(({ defects: d, figures: _f, ...rest }) => ({ ...rest, defects: d.length })),
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exit(defects === 0 ? 0 : 1);
