import { isLocale, type Locale, type MessageRef } from '../core/i18n.js';
import type { PersonId } from '../core/ids.js';
import type { ChatContext } from './chat-context.js';
import type { ChatCommand, CommandAudience } from './contributions.js';
import { asPerson, identify, link } from './identity.js';
import { status, taskList } from './tasks.js';
import type { ChatReply, ChatUser } from './types.js';

/**
 * The chat commands: the chat layer's own and those the features contribute, one table. Each has
 * its menu text (`chat-command-<name>`), its help line (`chat-help-<name>`, with the argument hint
 * `chat-args-<name>` when it takes one) and who sees it in the menus.
 */
export interface CommandEntry {
  name: string;
  aliases: string[];
  audience: CommandAudience;
  /** Takes an argument (the hint `chat-args-<name>` names it in the help). */
  takesArgs: boolean;
  /** Listed in the help and the menus (the invite-code link is shown as its own line). */
  listed: boolean;
  run(user: ChatUser, args: string): Promise<ChatReply>;
}

export class ChatCommands {
  private readonly entries: CommandEntry[];

  constructor(private readonly chat: ChatContext) {
    const own: CommandEntry[] = [
      this.own('start', (user, args) => link(chat, user, args), {
        aliases: ['link'],
        takesArgs: true,
        listed: false,
      }),
      this.asPerson('tugas', (user, personId) => taskList(chat, user, personId)),
      this.asPerson('status', (user, personId, args) => status(chat, user, personId, args), {
        takesArgs: true,
      }),
      this.asPerson('ajukan', (user, personId, args) => this.beginRequest(user, personId, args), {
        audience: 'requesters',
        takesArgs: true,
      }),
    ];
    const settings: CommandEntry[] = [
      this.asPerson('kanal', (user, personId, args) => this.preferredChannel(user, personId, args), {
        takesArgs: true,
      }),
      this.asPerson('bahasa', (user, personId, args) => this.language(user, personId, args)),
      this.asPerson('batal', async (user, personId) => {
        await chat.deps.conversations.set(user.platform, user.userId, undefined);
        return chat.say(user, personId, { key: 'chat-cancelled' });
      }),
    ];
    const contributed = (chat.deps.contributions.commands ?? []).map((c) => this.contributed(c));
    const help = this.own('bantuan', (user) => this.help(user), { aliases: ['help'] });
    this.entries = [...own, ...contributed, ...settings, help];
  }

  /** The commands in menu order. */
  all(): readonly CommandEntry[] {
    return this.entries;
  }

  find(name: string): CommandEntry | undefined {
    const wanted = name.toLowerCase();
    return this.entries.find((e) => e.name === wanted || e.aliases.includes(wanted));
  }

  async run(user: ChatUser, name: string, args: string): Promise<ChatReply> {
    const entry = this.find(name);
    if (entry) return entry.run(user, args);
    // Linked or not, a mistyped command is answered with the way to the list of commands.
    const prefix = this.prefixFor(user);
    return this.chat.say(user, await identify(this.chat, user), {
      key: 'chat-unknown-command',
      params: { command: `${prefix}${name}`, help: `${prefix}bantuan` },
    });
  }

  /** The help: one line per listed command, as typed on the person's platform. */
  async help(user: ChatUser): Promise<ChatReply> {
    const personId = await identify(this.chat, user);
    const prefix = this.prefixFor(user);
    const linkName = this.chat.platform(user.platform)?.linkCommand ?? 'start';
    const line = (name: string, shown = name, args = this.find(name)?.takesArgs): MessageRef => ({
      key: 'chat-help-line',
      params: {
        command: `${prefix}${shown}`,
        args: args ? { ref: { key: `chat-args-${name}` } } : '',
        text: { ref: { key: `chat-help-${name}` } },
      },
    });
    const lines: MessageRef[] = [{ key: 'chat-help-title' }];
    for (const entry of this.entries) if (entry.listed) lines.push(line(entry.name));
    lines.push(line('start', linkName, true));
    return this.chat.say(user, personId, ...lines);
  }

  private prefixFor(user: ChatUser): string {
    return this.chat.platform(user.platform)?.commandPrefix ?? '/';
  }

  private own(
    name: string,
    run: CommandEntry['run'],
    options: Partial<Pick<CommandEntry, 'aliases' | 'audience' | 'takesArgs' | 'listed'>> = {},
  ): CommandEntry {
    return { name, aliases: [], audience: 'everyone', takesArgs: false, listed: true, ...options, run };
  }

  private asPerson(
    name: string,
    run: (user: ChatUser, personId: PersonId, args: string) => Promise<ChatReply>,
    options: Partial<Pick<CommandEntry, 'aliases' | 'audience' | 'takesArgs'>> = {},
  ): CommandEntry {
    return this.own(
      name,
      (user, args) => asPerson(this.chat, user, (personId) => run(user, personId, args)),
      options,
    );
  }

  private contributed(command: ChatCommand): CommandEntry {
    return this.asPerson(
      command.name,
      async (user, personId, args) => {
        const reader = await this.chat.readerFor(user, personId);
        const result = await command.run({
          personId,
          args,
          platform: user.platform,
          userId: user.userId,
          reader,
        });
        return {
          ...(await this.chat.say(user, personId, ...result.lines)),
          ...(result.files ? { files: result.files } : {}),
        };
      },
      { audience: command.audience ?? 'everyone', takesArgs: command.takesArgs ?? false },
    );
  }

  private async beginRequest(user: ChatUser, personId: PersonId, args: string): Promise<ChatReply> {
    const flow = this.chat.service.flowsForRequester(personId)[0];
    if (!flow) return this.chat.say(user, personId, { key: 'chat-request-not-allowed' });
    const subject = args.trim();
    await this.chat.deps.conversations.set(user.platform, user.userId, {
      kind: 'request',
      flowId: flow.id,
      ...(subject ? { subject } : {}),
    });
    return this.chat.say(user, personId, {
      key: subject ? 'chat-request-ask-file' : 'chat-request-ask-subject',
    });
  }

  private async language(user: ChatUser, personId: PersonId, args: string): Promise<ChatReply> {
    const { identities } = this.chat.deps;
    const current = (await identities.preferences(personId)).locale ?? 'id';
    const wanted = args.trim().toLowerCase();
    const locale: Locale = isLocale(wanted) ? wanted : current === 'id' ? 'en' : 'id';
    await identities.setPreferences(personId, { locale });
    return this.chat.say(user, personId, { key: 'chat-language-set' });
  }

  /** `/kanal <platform>`: where tasks go when the person is linked on several platforms. */
  private async preferredChannel(user: ChatUser, personId: PersonId, args: string): Promise<ChatReply> {
    const platform = this.chat.platform(args.trim().toLowerCase());
    if (!platform) {
      const prefix = this.prefixFor(user);
      const choices = this.chat.deps.platforms.map((p) => `${prefix}kanal ${p.id}`).join(' | ');
      return this.chat.say(user, personId, { key: 'chat-kanal-usage', params: { choices } });
    }
    const { identities } = this.chat.deps;
    const linked = (await identities.identitiesOf(personId)).some((i) => i.channel === platform.id);
    const inOrgFile = this.chat.org.person(personId)?.chat[platform.id] !== undefined;
    if (!linked && !inOrgFile)
      return this.chat.say(user, personId, {
        key: 'chat-kanal-not-linked',
        params: { platform: platform.label },
      });
    await identities.setPreferences(personId, { preferredChannel: platform.id });
    return this.chat.say(user, personId, {
      key: 'chat-preferred-channel-set',
      params: { platform: platform.label },
    });
  }
}
