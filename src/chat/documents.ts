import { documentVersions } from '../core/engine/documents.js';
import type { Instance } from '../core/engine/types.js';
import { maySeeInstance } from '../core/engine/visibility.js';
import type { PersonId } from '../core/ids.js';
import { TokenBatch } from './action-tokens.js';
import type { ChatContext } from './chat-context.js';
import type { ActionToken } from './ports.js';
import type { ChatReply, ChatUser, OutgoingButton } from './types.js';

/** Versions listed by `/berkas` at once (a request has a handful; a long one shows its newest). */
const FILES_SHOWN = 30;

/**
 * Documents in chat: a tap on a document button (`doc:<fileId>`) sends that file to the person, and
 * `/berkas <agenda number>` lists every version of every file of a request, each one tap away. Only
 * people who may see the instance (participants, their superiors, admins) get anything; the file
 * goes through the outbox like any message (stored, paced, retried).
 */
export class ChatDocuments {
  constructor(private readonly chat: ChatContext) {}

  /** A tap on a document button. */
  async send(
    user: ChatUser,
    personId: PersonId,
    action: ActionToken,
    fileId: string,
    key: string,
  ): Promise<ChatReply> {
    const instance = await this.chat.service.get(action.instanceId);
    const flow = instance && this.chat.service.flow(instance.flowId);
    const version = flow && documentVersions(flow, instance).find((v) => v.file.fileId === fileId);
    if (!instance || !version || !maySeeInstance(this.chat.org, personId, instance))
      return this.chat.toast(user, personId, { key: 'chat-document-not-yours' });
    await this.chat.deps.send([
      {
        id: `${instance.id}:document:${fileId}:${key}`,
        to: personId,
        instanceId: instance.id,
        kind: 'notice',
        lines: [
          {
            key: 'notice-document',
            params: { name: version.file.name, version: version.version, label: { text: version.label } },
          },
        ],
        actions: [],
        file: { fileId, name: version.file.name, mimeType: version.file.mimeType },
      },
    ]);
    return this.chat.toast(user, personId, {
      key: 'chat-document-coming',
      params: { name: version.file.name },
    });
  }

  /** `/berkas <agenda number>`: every version of every file of the request, each a button. */
  async list(user: ChatUser, personId: PersonId, args: string): Promise<ChatReply> {
    const agenda = args.trim();
    if (!agenda) return this.chat.say(user, personId, { key: 'chat-berkas-usage' });
    const instance = await this.chat.service.findByAgendaNumber(agenda);
    const flow = instance && this.chat.service.flow(instance.flowId);
    if (!instance || !flow || !maySeeInstance(this.chat.org, personId, instance))
      return this.chat.say(user, personId, { key: 'chat-status-not-found', params: { agenda } });
    const versions = documentVersions(flow, instance);
    if (versions.length === 0)
      return this.chat.say(user, personId, { key: 'chat-berkas-none', params: { agenda } });
    const tokens = new TokenBatch({ personId, instanceId: instance.id });
    const shown = versions.slice(-FILES_SHOWN);
    const buttons: OutgoingButton[][] = [];
    for (const v of shown) {
      buttons.push([
        {
          label: await this.chat.format(user, personId, {
            key: 'chat-berkas-button',
            params: { step: v.stepNumber, name: v.file.name, version: v.version },
          }),
          token: tokens.issue(`doc:${v.file.fileId}`),
        },
      ]);
    }
    await tokens.saveTo(this.chat.deps.tokens);
    const message = await this.chat.render(user, personId, [
      { key: 'chat-berkas-title', params: { agenda, count: versions.length } },
      ...this.lines(instance, shown.length, versions.length),
    ]);
    return { messages: [{ ...message, buttons }] };
  }

  private lines(instance: Instance, shown: number, total: number) {
    return shown < total
      ? [{ key: 'chat-berkas-more', params: { shown, total, agenda: instance.agendaNumbers.incoming ?? '' } }]
      : [];
  }
}
