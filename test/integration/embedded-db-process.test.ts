import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connectMongoStorage } from '../../src/storage/mongo-storage.js';
import { freePort } from '../support/free-port.js';

/** Issue 15 (7): `npm run db:embedded -- --port P`, the embedded database alone, outliving its clients. */
describe('the embedded database in a process of its own', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  test('prints its MONGODB_URI, keeps data across client restarts, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/storage/embedded-db-main.ts', '--port', String(port)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const uri = await new Promise<string>((resolve, reject) => {
      child?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /^MONGODB_URI=(\S+)$/m.exec(out);
        if (found?.[1]) resolve(found[1]);
      });
      child?.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    expect(uri).toContain(`127.0.0.1:${port}/pandu`);
    // A service that dies (its connection dropped) and a new one: the agenda book goes on.
    const first = await connectMongoStorage(uri);
    expect(await first.agendaBook.claim('incoming', 2040, 'before-restart:run#1')).toBe(1);
    await first.close();
    const second = await connectMongoStorage(uri);
    expect(await second.agendaBook.claim('incoming', 2040, 'before-restart:run#1')).toBe(1);
    expect(await second.agendaBook.claim('incoming', 2040, 'after-restart:run#1')).toBe(2);
    await second.close();
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });

  test('a port that is not one is a usage error (exit 2)', async () => {
    const bad = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/storage/embedded-db-main.ts', '--port', 'abc'],
      {
        stdio: 'ignore',
      },
    );
    const [code] = (await once(bad, 'exit')) as [number | null];
    expect(code).toBe(2);
  });
});
