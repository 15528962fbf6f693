import type { Locale } from '../core/i18n.js';
import type { PersonId } from '../core/ids.js';
import type { ChatContext } from './chat-context.js';
import type { CommandEntry } from './commands.js';
import type { CommandAudience } from './contributions.js';
import type { ChatPlatform } from './types.js';

export interface MenuEntry {
  command: string;
  description: string;
}

/** One person's menu on a platform: where it goes, in their language. */
export interface PersonMenu {
  personId: PersonId;
  chatId: string;
  locale: Locale;
  commands: MenuEntry[];
}

/**
 * The command menus: each person sees the commands of the audiences they belong to (everyone;
 * requesters: they may start a flow; leaders: admins and people with positions under theirs;
 * admins), the link command first. Who may run a command is still the command's own check.
 */
export class ChatMenus {
  constructor(
    private readonly chat: ChatContext,
    private readonly commands: () => readonly CommandEntry[],
  ) {}

  audiencesOf(personId: PersonId | undefined): Set<CommandAudience> {
    const audiences = new Set<CommandAudience>(['everyone']);
    const org = this.chat.org;
    const person = personId ? org.person(personId) : undefined;
    if (!person) return audiences;
    if (org.isAdmin(person.id)) audiences.add('admins').add('leaders');
    if (org.positions.some((position) => org.isPositionBelow(position, person.position)))
      audiences.add('leaders');
    if (this.chat.service.flowsForRequester(person.id).length > 0) audiences.add('requesters');
    return audiences;
  }

  /** The menu of someone not (yet) linked, in a language: the commands for everyone. */
  defaults(locale: Locale): MenuEntry[] {
    return this.entries(this.audiencesOf(undefined), locale);
  }

  /** Every person reachable on the platform (linked, or with the account in the org file), with their menu. */
  async forPlatform(platform: ChatPlatform): Promise<PersonMenu[]> {
    const menus: PersonMenu[] = [];
    for (const person of this.chat.org.allPeople()) {
      const chatIds = new Set<string>();
      for (const identity of await this.chat.deps.identities.identitiesOf(person.id))
        if (identity.channel === platform) chatIds.add(identity.chatId ?? identity.userId);
      const fromOrg = person.chat[platform];
      if (fromOrg) chatIds.add(fromOrg);
      if (chatIds.size === 0) continue;
      const { locale } = await this.chat.deps.readers.readerFor(person.id);
      const commands = this.entries(this.audiencesOf(person.id), locale);
      for (const chatId of chatIds) menus.push({ personId: person.id, chatId, locale, commands });
    }
    return menus;
  }

  private entries(audiences: Set<CommandAudience>, locale: Locale): MenuEntry[] {
    const reader = { locale, timeZone: 'UTC' };
    const names = [
      'start',
      ...this.commands()
        .filter((c) => c.listed && audiences.has(c.audience))
        .map((c) => c.name),
    ];
    return names.map((command) => ({
      command,
      description: this.chat.deps.translator.format({ key: `chat-command-${command}` }, reader),
    }));
  }
}
