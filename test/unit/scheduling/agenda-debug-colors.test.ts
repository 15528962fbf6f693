import { createRequire } from 'node:module';
import { isatty } from 'node:tty';
import { settleAgendaDebugColors } from '../../../src/scheduling/agenda-debug-colors.js';

const fromHere = createRequire(import.meta.url);
const agendasDebug = createRequire(fromHere.resolve('agenda'))('debug') as {
  inspectOpts: Record<string, unknown>;
  (namespace: string): { useColors: boolean };
};

describe('Agenda’s debug colours', () => {
  const before = { ...agendasDebug.inspectOpts };
  afterEach(() => {
    for (const key of Object.keys(agendasDebug.inspectOpts)) delete agendasDebug.inspectOpts[key];
    Object.assign(agendasDebug.inspectOpts, before);
  });

  test('are decided once, as debug would decide them, for the debug module Agenda loads', () => {
    delete agendasDebug.inspectOpts['colors'];
    expect(settleAgendaDebugColors()).toBe(isatty(process.stderr.fd));
    expect(agendasDebug.inspectOpts['colors']).toBe(isatty(process.stderr.fd));
    expect(agendasDebug('pandu:test').useColors).toBe(isatty(process.stderr.fd));
  });

  test('an explicit DEBUG_COLORS setting is kept', () => {
    agendasDebug.inspectOpts['colors'] = true;
    expect(settleAgendaDebugColors()).toBe(true);
    expect(agendasDebug('pandu:test').useColors).toBe(true);
  });
});
