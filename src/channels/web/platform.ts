import type { PlatformRegistration } from '../channel.js';

export const webPlatform: PlatformRegistration = {
  id: 'web',
  label: 'Web',
  // Web accounts are made at sign-in (never typed into the org file by hand, but accepted there).
  account: { label: 'Web account', pattern: /^w[0-9a-f]{32}$/, example: 'w0123456789abcdef0123456789abcdef' },
  commandPrefix: '/',
  linkCommand: 'start',
  load: async () => (await import('./web-channel.js')).createWebChannel,
  chat: async (deps) => ({ commands: [(await import('./web-link-command.js')).webLinkCommand(deps)] }),
};
