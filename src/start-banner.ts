import type { Logger } from './logger.js';

export interface StartFacts {
  host: string;
  port: number;
  embedded: boolean;
  flows: string[];
  channels: Array<{ platform: string } & Record<string, unknown>>;
  off: Record<string, string>;
  version: string;
}

/**
 * The start banner: one info line that says where the service answers, on which database, with
 * which channels, and what to do next (the fields for machines, the message for people).
 */
export function logStartBanner(logger: Logger, facts: StartFacts): void {
  const shownHost = facts.host === '0.0.0.0' || facts.host === '::' ? 'localhost' : facts.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${facts.port}`;
  const mode = facts.embedded ? 'embedded database (in memory: data is lost on restart)' : 'MongoDB';
  const channels =
    facts.channels.length > 0
      ? facts.channels.map((c) => `${c.platform}${typeof c['mode'] === 'string' ? ` (${c['mode']})` : ''}`)
      : ['none'];
  const next = [
    // Without channels nobody is reached: the reasons they are off say what to set.
    ...(facts.channels.length === 0 ? Object.values(facts.off).map((reason) => `chat: ${reason}`) : []),
    ...(facts.embedded ? ['set MONGODB_URI to keep the data'] : []),
    'invite a person: pandu org invite <person-id>',
    `readiness: ${url}/readyz`,
  ];
  logger.info(
    {
      url,
      version: facts.version,
      database: facts.embedded ? 'embedded' : 'mongodb',
      flows: facts.flows,
      channels: facts.channels.map((c) => c.platform),
      off: facts.off,
      next,
    },
    [
      `Pandu is running at ${url}`,
      `  version ${facts.version}, ${mode}`,
      `  flows: ${facts.flows.join(', ') || 'none'}`,
      `  channels: ${channels.join(', ')}${Object.keys(facts.off).length > 0 ? `; off: ${Object.keys(facts.off).join(', ')}` : ''}`,
      `  next: ${next.join('; ')}`,
    ].join('\n'),
  );
}
