import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { OrgSource } from '../../../src/config/org-source.js';
import { EXAMPLE_ORG_FILE } from '../../support/paths.js';

describe('the org file, changeable without a restart', () => {
  const example = readFileSync(EXAMPLE_ORG_FILE, 'utf8');
  const newcomer = `  - id: wati\n    name: Wati Susanti\n    position: Staf\n    unit: subbid-eproc\n`;

  function setup() {
    const file = join(mkdtempSync(join(tmpdir(), 'pandu-org-')), 'org.yaml');
    writeFileSync(file, example);
    const logs: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(line) });
    return { file, logs, source: new OrgSource(file, logger) };
  }

  test('a valid change is taken on reload', () => {
    const { file, source } = setup();
    expect(source.org.person('wati')).toBeUndefined();
    writeFileSync(file, `${example.trimEnd()}\n${newcomer}`);
    expect(source.reload()).toBe(true);
    expect(source.org.person('wati')?.name).toBe('Wati Susanti');
  });

  test('a broken edit is logged with its field and the previous org stays', () => {
    const { file, logs, source } = setup();
    writeFileSync(
      file,
      `${example.trimEnd()}\n${newcomer.replace('unit: subbid-eproc', 'unit: subbid-hilang')}`,
    );
    expect(source.reload()).toBe(false);
    expect(source.org.person('wati')).toBeUndefined();
    expect(source.org.person('rina')).toBeDefined();
    expect(logs.join('\n')).toContain('unknown unit \\"subbid-hilang\\"');
  });

  test('a change that removes a position the flows use is refused', () => {
    const { file } = setup();
    const logger = pino({ level: 'silent' });
    const source = new OrgSource(file, logger, (next) =>
      next.positions.includes('Kapus') ? undefined : 'Kapus is used by flows',
    );
    writeFileSync(
      file,
      `positions:\n  - { id: Staf }\n  - { id: ULP }\nunits:\n  - { id: u, name: U }\npeople:\n  - { id: a, name: A, position: Staf, unit: u }\n`,
    );
    expect(source.reload()).toBe(false);
    expect(source.org.positions).toContain('Kapus');
  });
});
