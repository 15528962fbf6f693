import type { ChatSender } from '../chat/types.js';
import type { ServiceMetrics } from './metrics.js';

/** The outbox's sender with each platform call timed (pandu_outbox_send_seconds). */
export function timedSender(sender: ChatSender, metrics: ServiceMetrics): ChatSender {
  const timed =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const result = await call(...args);
        metrics.platformCall(sender.platform, operation, true, seconds());
        return result;
      } catch (error) {
        metrics.platformCall(sender.platform, operation, false, seconds());
        throw error;
      }
    };
  return {
    platform: sender.platform,
    limits: sender.limits,
    maxFileBytes: sender.maxFileBytes,
    send: timed('send', (chatId: string, message: Parameters<ChatSender['send']>[1]) =>
      sender.send(chatId, message),
    ),
    edit: timed(
      'edit',
      (sent: Parameters<ChatSender['edit']>[0], message: Parameters<ChatSender['edit']>[1]) =>
        sender.edit(sent, message),
    ),
    sendFile: timed('file', (chatId: string, file: Parameters<ChatSender['sendFile']>[1]) =>
      sender.sendFile(chatId, file),
    ),
  };
}
