/** The bench's handle on Telegram's side (taps-telegram-side.ts), running in a thread of its own. */
import { Worker } from 'node:worker_threads';

export class TelegramSide {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(token: string) {
    const entry = new URL('./taps-telegram-side.ts', import.meta.url);
    // The thread compiles its TypeScript with tsx, as this process does.
    this.worker = new Worker(
      `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
      { eval: true, workerData: { token } },
    );
    this.worker.on('message', (answer: { id: number; result?: unknown; error?: string }) => {
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (answer.error !== undefined) waiter?.reject(new Error(answer.error));
      else waiter?.resolve(answer.result);
    });
    this.worker.on('error', (error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    });
  }

  call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  async stop(): Promise<void> {
    await this.call('stop').catch(() => undefined);
    await this.worker.terminate();
  }
}
