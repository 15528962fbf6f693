/**
 * The PPK feature on in-memory ports: the chat rig (the engine harness's service and a real
 * ChatApp: uploads, taps, replies, commands) with the feature's contributions, a fake register,
 * and the files the feature sends to people through the outbox.
 */
import type { OutgoingFile } from '../../src/chat/types.js';
import type { Instance } from '../../src/core/engine/types.js';
import { ppkContributions, type PpkRegisterStore } from '../../src/features/ppk/index.js';
import { loadConfig } from '../../src/config/env.js';
import { createChatRig } from './chat-rig.js';
import { MemoryPpkRegisterStore } from './fakes/memory-ppk-register.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createPpkRig<Register extends PpkRegisterStore = MemoryPpkRegisterStore>(
  options: { register?: Register } = {},
) {
  const register = options.register ?? new MemoryPpkRegisterStore();
  const stored: string[] = [];
  const config = loadConfig({});
  let feature: ((on: PpkRegisterStore) => ReturnType<typeof ppkContributions>) | undefined;
  const rig = createChatRig({
    contributions: (parts) => {
      const put = parts.files.put.bind(parts.files);
      parts.files.put = async (bytes, meta) => {
        const ref = await put(bytes, meta);
        stored.push(ref.fileId);
        return ref;
      };
      feature = (on) =>
        ppkContributions(
          {
            translator: parts.translator,
            clock: parts.harness.clock,
            logger: parts.logger,
            readerFor: (personId) => parts.readers.readerFor(personId),
            files: parts.files,
            send: (prompts) => {
              parts.sent.push(...prompts);
              return Promise.resolve();
            },
            config,
            service: parts.harness.service,
          },
          on,
        );
      return feature(register);
    },
  });

  /** The feature built again on the same service (a restarted process), on `on`, and started. */
  async function restart(on: PpkRegisterStore): Promise<void> {
    await feature?.(on).start?.();
  }
  const { harness, chat, translator } = rig;

  /** The files the feature sent to people, as they would receive them (caption in their language). */
  async function sentFiles(): Promise<Array<{ to: string; file: OutgoingFile }>> {
    const files: Array<{ to: string; file: OutgoingFile }> = [];
    for (const prompt of rig.sent) {
      if (!prompt.file) continue;
      const bytes = (await rig.files.get(prompt.file.fileId))?.bytes ?? Buffer.alloc(0);
      const reader = await rig.readers.readerFor(prompt.to);
      const caption = prompt.lines.map((line) => translator.format(line, reader)).join('\n');
      files.push({
        to: prompt.to,
        file: { name: prompt.file.name, mimeType: prompt.file.mimeType, bytes, caption },
      });
    }
    return files;
  }

  /** Starts an instance for a unit's ULP and walks it to the PPK list step (step 5). */
  async function toListStep(requesterId = 'ulp-biro-umum'): Promise<Instance> {
    const instance = await harness.start('Pemanfaatan SPSE untuk pengadaan TA 2027', requesterId);
    await harness.act(instance, { type: 'complete' });
    await harness.act(instance, { type: 'dispose', recipientIds: ['sari'], instructionId: 'tindak-lanjut' });
    await harness.act(instance, { type: 'dispose', recipientIds: ['dewi'], instructionId: 'tindak-lanjut' });
    const current = await harness.current(instance);
    if (harness.openRun(current).stepId !== 'input-data-ppk') throw new Error('not at step 5');
    return current;
  }

  return {
    ...rig,
    harness,
    chat,
    register: register as Register,
    stored,
    translator,
    sentFiles,
    toListStep,
    restart,
  };
}
