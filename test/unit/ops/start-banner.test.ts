import { Writable } from 'node:stream';
import { createLogger } from '../../../src/logger.js';
import { logStartBanner, type StartFacts } from '../../../src/start-banner.js';

function banner(facts: StartFacts): Record<string, unknown> {
  const lines: Array<Record<string, unknown>> = [];
  const logs = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  logStartBanner(createLogger('info', logs), facts);
  expect(lines).toHaveLength(1);
  return lines[0] ?? {};
}

const base: StartFacts = {
  host: '0.0.0.0',
  port: 3000,
  embedded: true,
  flows: ['spse-eproc'],
  channels: [],
  off: { telegram: 'telegram: TELEGRAM_BOT_TOKEN is not set' },
  version: '0.1.0',
};

describe('the start banner', () => {
  test('without channels, on the embedded database: the URL, the mode and what to set next', () => {
    const line = banner(base);
    expect(line).toMatchObject({ url: 'http://localhost:3000', database: 'embedded', level: 30 });
    const msg = String(line['msg']);
    expect(msg).toMatch(/^Pandu is running at http:\/\/localhost:3000\n/);
    expect(msg).toContain('embedded database (in memory: data is lost on restart)');
    expect(msg).toContain('channels: none; off: telegram');
    expect(line['next']).toEqual([
      'chat: telegram: TELEGRAM_BOT_TOKEN is not set',
      'set MONGODB_URI to keep the data',
      'invite a person: pandu org invite <person-id>',
      'readiness: http://localhost:3000/readyz',
    ]);
  });

  test('on MongoDB with a channel: its mode, and no advice about either', () => {
    const line = banner({
      ...base,
      host: '127.0.0.1',
      embedded: false,
      channels: [{ platform: 'telegram', mode: 'webhook' }],
      off: {},
    });
    expect(String(line['msg'])).toContain('channels: telegram (webhook)\n');
    expect(line['next']).toEqual([
      'invite a person: pandu org invite <person-id>',
      'readiness: http://127.0.0.1:3000/readyz',
    ]);
  });
});
