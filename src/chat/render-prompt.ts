import type { Prompt, PromptAction } from '../core/engine/types.js';
import type { MessageRef } from '../core/i18n.js';
import type { Reader, Translator } from '../i18n/translator.js';
import type { TokenBatch } from './action-tokens.js';
import type { OutgoingButton, OutgoingMessage } from './types.js';

/**
 * Renders a platform-neutral prompt for one reader: its lines in their language and its actions
 * as buttons carrying opaque tokens. Checklist items get a row each (with their "failed" button,
 * when they have one); decisions share a row.
 */
export function renderPrompt(
  prompt: Prompt,
  reader: Reader,
  translator: Translator,
  tokens: TokenBatch,
): OutgoingMessage {
  const lines = prompt.lines.map((line) => translator.format(line, reader));
  // A titled part (`…-title` lines: documents, chain, preview, kelengkapan) starts a new block.
  const parts = prompt.lines.flatMap((line, index) =>
    index > 0 && line.key.endsWith('-title') ? [index] : [],
  );
  if (prompt.kind !== 'task-closed' && prompt.awaits?.kind === 'file') {
    lines.push(
      translator.format(
        { key: 'chat-send-file-hint', params: { accept: prompt.awaits.accept.join(', ') } },
        reader,
      ),
    );
  }
  const buttons: OutgoingButton[][] = [];
  const decisions: OutgoingButton[] = [];
  for (const action of prompt.actions) {
    const button: OutgoingButton = {
      label: actionLabel(action, reader, translator),
      token: tokens.issue(action.id, prompt.runId ? { runId: prompt.runId } : {}),
      ...(action.style ? { style: action.style } : {}),
    };
    if (action.id.startsWith('check:')) buttons.push([button]);
    // An item's "failed" button sits beside its toggle.
    else if (action.id.startsWith('fail:') && buttons.length > 0) buttons.at(-1)?.push(button);
    else decisions.push(button);
  }
  if (prompt.kind !== 'task-closed' && prompt.awaits?.kind === 'file' && prompt.runId) {
    decisions.unshift({
      label: translator.format({ key: 'chat-action-attach' }, reader),
      token: tokens.issue('attach', { runId: prompt.runId }),
    });
  }
  if (decisions.length > 0) buttons.push(decisions);
  return { lines, buttons, ...(parts.length > 0 ? { parts } : {}) };
}

function actionLabel(action: PromptAction, reader: Reader, translator: Translator): string {
  const label = translator.format(action.label, reader);
  if (action.checked === undefined) return label;
  return `${action.checked ? '☑' : '☐'} ${label}`;
}

export function renderLines(refs: MessageRef[], reader: Reader, translator: Translator): string[] {
  return refs.map((ref) => translator.format(ref, reader));
}
