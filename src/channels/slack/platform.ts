import type { PlatformRegistration } from '../channel.js';

export const slackPlatform: PlatformRegistration = {
  id: 'slack',
  label: 'Slack',
  account: { label: 'Slack user', pattern: /^[UW][A-Z0-9]+$/, example: 'U0123ABCD' },
  commandPrefix: '/pandu ',
  linkCommand: 'link',
  load: async () => (await import('./slack-channel.js')).createSlackChannel,
  offWith: (config) => (config.SLACK_BOT_TOKEN ? undefined : 'slack: SLACK_BOT_TOKEN is not set'),
};
