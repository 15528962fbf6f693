/**
 * Telegram's side of `bench:taps`, in a thread of its own: the Bot API stand-in and the people
 * tapping (webhook POSTs at a fixed rate). In production both are Telegram's servers, elsewhere;
 * on the main thread they took about a third of the CPU the service then lacked. The bench talks
 * to this thread with `{ id, op, args }` messages (taps-telegram-client.ts); times are `Date.now()`
 * of this thread, on the same clock as the service's.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { Message, Update } from 'grammy/types';
import { inlineButtons, TelegramBotApiStandIn } from '../support/telegram/index.js';
import { kasubbidChat, stafChat, subjectOf, ulpChat } from './taps-world.js';

interface Tap {
  index: number;
  chatId: number;
  subject: string;
  message: Message;
  data: string;
  queryId: string;
  sentAt?: number;
  failed?: string;
}

const { token } = workerData as { token: string };
const standIn = new TelegramBotApiStandIn({ token });
const answeredAt = new Map<string, number>();
let plan: Tap[] = [];
let agent: http.Agent | undefined;

// Taps are answered by the stand-in whatever their id (the bench makes the updates itself).
standIn.onMethod('answerCallbackQuery', (params) => {
  answeredAt.set(String(params['callback_query_id']), Date.now());
  return true;
});

const ops: Record<string, (args: Record<string, unknown>) => unknown> = {
  async start() {
    await standIn.start();
    return { apiRoot: standIn.apiRoot };
  },
  addUnits({ units }) {
    for (let k = 0; k < Number(units); k++) {
      standIn.addUser({ id: kasubbidChat(k), first_name: `Kasubbid ${k}` });
      standIn.addUser({ id: stafChat(k), first_name: `Staf ${k}` });
      standIn.addUser({ id: ulpChat(k), first_name: `ULP ${k}` });
    }
    return Number(units) * 3;
  },
  plan({ total, units }) {
    plan = tapsToMake(Number(total), Number(units));
    return plan.length;
  },
  async tap({ from, to, rate, webhookUrl, secret, connections }) {
    agent ??= new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
    const post = (tap: Tap) => postTap(tap, String(webhookUrl), String(secret), agent as http.Agent);
    await tapAtRate(plan.slice(Number(from), Number(to)), Number(rate), post);
    return Date.now();
  },
  /** When the service last called `method` (0: never). */
  lastCallAt({ method }) {
    return standIn.calls(String(method)).at(-1)?.at ?? 0;
  },
  answered({ from, to }) {
    return plan.slice(Number(from), Number(to)).filter((t) => answeredAt.has(t.queryId)).length;
  },
  results({ from, to, since }) {
    const taps = plan.slice(Number(from), Number(to));
    const nextTaskAt = nextTaskTimes(Number(since));
    const refusals = standIn
      .calls('answerCallbackQuery')
      .filter((c) => c.at >= Number(since) && text(c.params['text']).startsWith('⛔')).length;
    return {
      answerMs: taps.flatMap((t) => {
        const at = answeredAt.get(t.queryId);
        return at && t.sentAt ? [at - t.sentAt] : [];
      }),
      nextTaskMs: taps.flatMap((t) => {
        const at = nextTaskAt.get(t.subject);
        return at && t.sentAt ? [at - t.sentAt] : [];
      }),
      refusals,
      failures: taps.filter((t) => t.failed).length,
      // What the service asked of the Bot API while the taps were measured, per method.
      callsByMethod: standIn
        .calls()
        .filter((c) => c.at >= Number(since))
        .reduce<Record<string, number>>(
          (counts, c) => ({ ...counts, [c.method]: (counts[c.method] ?? 0) + 1 }),
          {},
        ),
      firstSentAt: taps[0]?.sentAt ?? 0,
      lastSentAt: taps.at(-1)?.sentAt ?? 0,
    };
  },
  async stop() {
    agent?.destroy();
    await standIn.stop();
    return true;
  },
};

parentPort?.on('message', (request: { id: number; op: string; args: Record<string, unknown> }) => {
  const op = ops[request.op];
  Promise.resolve()
    .then(() => {
      if (!op) throw new Error(`unknown op ${request.op}`);
      return op(request.args);
    })
    .then(
      (result) => parentPort?.postMessage({ id: request.id, result }),
      (error: unknown) => parentPort?.postMessage({ id: request.id, error: String(error) }),
    );
});

/** One tap per instance, on "Setujui" of its Kasubbid's task message, in instance order. */
function tapsToMake(total: number, units: number): Tap[] {
  const bySubject = new Map<string, { chatId: number; message: Message; data: string }>();
  for (let k = 0; k < units; k++) {
    for (const sent of standIn.sentTo(kasubbidChat(k))) {
      const button = inlineButtons(sent.replyMarkup).find((b) => b.text.includes('Setujui'));
      const subject = /Beban-\d{6}/.exec(sent.text ?? '')?.[0];
      if (!button || !('callback_data' in button) || !subject) continue;
      bySubject.set(subject, { chatId: sent.chatId, message: sent.message, data: button.callback_data });
    }
  }
  return Array.from({ length: total }, (_, index) => {
    const subject = subjectOf(index);
    const found = bySubject.get(subject);
    if (!found) throw new Error(`no task message with "Setujui" for ${subject}`);
    return { index, subject, queryId: String(9_000_000_000 + index), ...found };
  });
}

/** A tap as Telegram sends it: a webhook POST with the secret header. */
function postTap(tap: Tap, webhookUrl: string, secret: string, agent: http.Agent): void {
  tap.sentAt = Date.now();
  const update: Update = {
    update_id: 1_000_000 + tap.index,
    callback_query: {
      id: tap.queryId,
      from: { id: tap.chatId, is_bot: false, first_name: 'Kasubbid', language_code: 'id' },
      message: tap.message,
      chat_instance: `ci${tap.chatId}`,
      data: tap.data,
    },
  };
  const body = JSON.stringify(update);
  const request = http.request(
    webhookUrl,
    {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'x-telegram-bot-api-secret-token': secret,
      },
    },
    (response) => {
      response.resume();
      if (response.statusCode !== 200) tap.failed = `webhook answered ${String(response.statusCode)}`;
    },
  );
  request.on('error', (error) => {
    tap.failed = error.message;
  });
  request.end(body);
}

/** Posts the taps at a fixed rate (on schedule, not after each other's answers). */
async function tapAtRate(taps: Tap[], perSecond: number, post: (tap: Tap) => void): Promise<void> {
  const start = Date.now();
  for (const [i, tap] of taps.entries()) {
    const wait = start + (i * 1000) / perSecond - Date.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    post(tap);
  }
}

/** When each instance's next task (a message with buttons to a Staf) reached the stand-in. */
function nextTaskTimes(since: number): Map<string, number> {
  const at = new Map<string, number>();
  for (const call of standIn.calls('sendMessage')) {
    if (call.at < since || call.outcome?.ok !== true) continue;
    const chatId = Number(call.params['chat_id']);
    if (chatId < stafChat(0) || chatId >= ulpChat(0)) continue;
    if (!JSON.stringify(call.params['reply_markup'] ?? '').includes('callback_data')) continue;
    const subject = /Beban-\d{6}/.exec(text(call.params['text']))?.[0];
    if (subject && !at.has(subject)) at.set(subject, call.at);
  }
  return at;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
