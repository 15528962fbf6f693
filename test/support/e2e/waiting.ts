/** Waiting in end-to-end suites: the stand-ins answer asynchronously, so a suite polls for what it expects. */

/** The time a suite waits for something to arrive before it fails. */
export const E2E_WAIT_MS = 8000;

const POLL_MS = 20;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `find` returns something, or fails with `what`. */
export async function waitFor<T>(
  what: string,
  find: () => T | undefined,
  timeoutMs = E2E_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

/** Polls an async check until it gives a value (not undefined, not false), or fails with `what`. */
export async function waitForAsync<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = E2E_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

/** Polls until `holds` is true, or fails with `what`. */
export async function waitUntil(what: string, holds: () => boolean, timeoutMs = E2E_WAIT_MS): Promise<void> {
  await waitFor(what, () => (holds() ? true : undefined), timeoutMs);
}

/** Polls an async condition until it holds, or fails with `what`. */
export async function until(
  what: string,
  holds: () => Promise<boolean>,
  timeoutMs = E2E_WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await holds())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(POLL_MS);
  }
}
