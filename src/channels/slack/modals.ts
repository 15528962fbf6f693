import type { types, ViewOutput } from '@slack/bolt';
import { truncate } from './block-kit.js';
import type { Texts } from './texts.js';

export const DISPOSITION_CALLBACK = 'pandu-disposition';
export const RETURN_CALLBACK = 'pandu-return';

/** Block ids of the form fields; a refusal is shown under one of them. */
export const FIELDS = {
  recipients: 'recipients',
  instruction: 'instruction',
  note: 'note',
  reason: 'reason',
} as const;

/** Every input element uses this action id; the block id tells the fields apart. */
const INPUT = 'input';
const OPTIONS_MAX = 100;

export interface Choice {
  id: string;
  label: string;
}

/**
 * The disposition form: recipients (one or more), instruction, optional note. The only thing it
 * carries is the button's opaque token; the chat layer resolves everything else on submission.
 */
export function dispositionModal(
  token: string,
  options: { recipients: Choice[]; instructions: Choice[] },
  t: Texts,
): types.ModalView {
  const instructions = options.instructions.slice(0, OPTIONS_MAX).map(option);
  return {
    type: 'modal',
    callback_id: DISPOSITION_CALLBACK,
    private_metadata: token,
    title: plain(t({ key: 'slack-disposition-title' }), 24),
    submit: plain(t({ key: 'slack-modal-submit' }), 24),
    close: plain(t({ key: 'slack-modal-cancel' }), 24),
    blocks: [
      {
        type: 'input',
        block_id: FIELDS.recipients,
        label: plain(t({ key: 'slack-disposition-recipients' }), 2000),
        element: {
          type: 'multi_static_select',
          action_id: INPUT,
          placeholder: plain(t({ key: 'slack-disposition-recipients-placeholder' }), 150),
          options: options.recipients.slice(0, OPTIONS_MAX).map(option),
        },
      },
      {
        type: 'input',
        block_id: FIELDS.instruction,
        label: plain(t({ key: 'slack-disposition-instruction' }), 2000),
        element: {
          type: 'static_select',
          action_id: INPUT,
          options: instructions,
          ...(instructions[0] ? { initial_option: instructions[0] } : {}),
        },
      },
      {
        type: 'input',
        block_id: FIELDS.note,
        optional: true,
        label: plain(t({ key: 'slack-disposition-note' }), 2000),
        element: {
          type: 'plain_text_input',
          action_id: INPUT,
          multiline: true,
          max_length: 1000,
          placeholder: plain(t({ key: 'slack-disposition-note-placeholder' }), 150),
        },
      },
    ],
  };
}

/**
 * The form for a reason (returning a step, an item that failed): a required text, carrying only
 * the button's token. `action` picks the title and label (`slack-<action>-title`, `-reason`).
 */
export function reasonModal(token: string, action: string, t: Texts): types.ModalView {
  return {
    type: 'modal',
    callback_id: RETURN_CALLBACK,
    private_metadata: token,
    title: plain(t({ key: `slack-${action}-title` }), 24),
    submit: plain(t({ key: 'slack-modal-submit' }), 24),
    close: plain(t({ key: 'slack-modal-cancel' }), 24),
    blocks: [
      {
        type: 'input',
        block_id: FIELDS.reason,
        label: plain(t({ key: `slack-${action}-reason` }), 2000),
        element: {
          type: 'plain_text_input',
          action_id: INPUT,
          multiline: true,
          max_length: 2000,
          placeholder: plain(t({ key: `slack-${action}-reason-placeholder` }), 150),
        },
      },
    ],
  };
}

/** What the person chose in the disposition form (checked again by the engine). */
export function dispositionAnswers(view: ViewOutput): {
  recipientIds: string[];
  instructionId: string;
  note?: string;
} {
  const values = view.state.values;
  const note = values[FIELDS.note]?.[INPUT]?.value ?? '';
  return {
    recipientIds: (values[FIELDS.recipients]?.[INPUT]?.selected_options ?? []).map((o) => o.value),
    instructionId: values[FIELDS.instruction]?.[INPUT]?.selected_option?.value ?? '',
    ...(note.trim() ? { note } : {}),
  };
}

export function returnReasonAnswer(view: ViewOutput): string {
  return view.state.values[FIELDS.reason]?.[INPUT]?.value ?? '';
}

function option(choice: Choice): types.PlainTextOption {
  return { text: plain(choice.label, 75), value: choice.id };
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}
