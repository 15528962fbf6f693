/** Headless Chromium (Debian's package) driven by playwright-core, and a person's column on the page. */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One browser per test file; offline flags so it does not keep dialling out on this machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

const WAIT_MS = 15_000;

/** Waits until the locator shows (Playwright's own waiting), up to 15 s. */
export async function visible(locator: Locator, context?: Locator): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  } catch (error) {
    const seen = context ? await context.innerText().catch(() => '') : '';
    throw new Error(`${String(error)}\n--- the column showed:\n${seen.slice(-3000)}`);
  }
  return locator;
}

/** Waits until the locator matches `count` elements; fails after 15 s with what it saw. */
export async function hasCount(locator: Locator, count: number): Promise<void> {
  const until = Date.now() + WAIT_MS;
  let seen = await locator.count();
  while (seen !== count) {
    if (Date.now() > until) throw new Error(`expected ${count} elements, saw ${seen}: ${locator.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await locator.count();
  }
}

/** One person's conversation on a page (the playground's column, or the inbox). */
export function column(page: Page, personId: string) {
  const root = page.locator(`section.inbox[data-person="${personId}"]`);
  const message = (text: string | RegExp): Locator => root.locator('li.msg', { hasText: text }).last();
  return {
    root,
    message,
    /** Waits until a message of the conversation shows the text; returns it. */
    async sees(text: string | RegExp): Promise<Locator> {
      return visible(message(text), root);
    },
    /** Taps the first button labelled `label` on the last message showing `text` ('' for any). */
    async tap(text: string | RegExp, label: string | RegExp): Promise<void> {
      const withButton = root
        .locator('li.msg', { hasText: text })
        .filter({ has: page.locator('button', { hasText: label }) })
        .last();
      await visible(withButton, root);
      await withButton.locator('button', { hasText: label }).first().click();
    },
    async send(text: string): Promise<void> {
      await root.locator('input[name=text]').fill(text);
      await root.locator('button[type=submit]').click();
    },
    async upload(name: string, mimeType: string, buffer: Buffer): Promise<void> {
      await root.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
    },
    toast: root.locator('.toast'),
  };
}
