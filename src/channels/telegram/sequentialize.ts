import type { Context, NextFunction } from 'grammy';

/** Updates of one chat are handled one after another, in the order they arrived. */
export function sequentializeByChat() {
  const tails = new Map<string, Promise<void>>();
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const key = String(ctx.chat?.id ?? ctx.from?.id ?? 'global');
    const previous = tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    tails.set(key, tail);
    await previous;
    try {
      await next();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
