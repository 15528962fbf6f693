/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/// <reference lib="dom.asynciterable" />
/**
 * The page's script, written here and served as its source text (no build step): the inbox of one
 * or several people, live by server-sent events. Everything is put on the page as text
 * (`textContent`), never as HTML.
 */
export function browserMain(): void {
  interface Button {
    label: string;
    token: string;
    style?: string;
  }
  interface Message {
    id: string;
    from: 'pandu' | 'me';
    lines: string[];
    parts: number[];
    buttons: Button[][];
    files: Array<{ id: string; name: string; size: number }>;
  }
  interface Person {
    id: string;
    name: string;
    position?: string;
    unit?: string;
  }
  const island = document.getElementById('pandu-data');
  const data = JSON.parse(island?.textContent ?? '{}') as {
    texts: Record<string, string>;
    people: Person[];
    open: string[];
  };
  const t = (key: string): string => data.texts[key] ?? key;
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  const page = document.body.dataset['page'];
  const columns = document.getElementById('columns');
  interface Column {
    history(messages: Message[]): void;
    put(message: Message, edit: boolean): void;
    offline(): void;
  }
  const open = new Map<string, Column>();
  let events: EventSource | undefined;

  /** One event stream for every column on the page, reopened when the columns change. */
  function connect(): void {
    events?.close();
    events = undefined;
    if (open.size === 0) return;
    const source = new EventSource(`/web/api/events?p=${[...open.keys()].map(encodeURIComponent).join(',')}`);
    const data = (event: Event) => JSON.parse((event as MessageEvent<string>).data) as { person: string };
    source.addEventListener('history', (event) => {
      const { person, messages } = data(event) as { person: string; messages: Message[] };
      open.get(person)?.history(messages);
    });
    for (const kind of ['msg', 'edit'] as const)
      source.addEventListener(kind, (event) => {
        const { person, message } = data(event) as { person: string; message: Message };
        open.get(person)?.put(message, kind === 'edit');
      });
    source.addEventListener('error', () => {
      for (const column of open.values()) column.offline();
    });
    events = source;
  }

  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className?: string,
    text?: string,
  ): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const post = async (url: string, body: unknown): Promise<{ toast?: string; error?: string }> => {
    const init: RequestInit = {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
      credentials: 'same-origin',
    };
    if (body instanceof FormData) init.body = body;
    else {
      init.headers = { 'x-csrf-token': csrf, 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const answer = (await response.json().catch(() => ({}))) as { toast?: string; error?: string };
    if (!response.ok) return { error: answer.error ?? t('web-failed') };
    return answer;
  };

  function openInbox(person: Person): void {
    if (!columns || open.has(person.id)) return;
    const base = `/web/api/p/${encodeURIComponent(person.id)}`;
    const column = el('section', 'inbox');
    column.dataset['person'] = person.id;
    const head = el('header', 'inbox-head');
    const title = el('div', 'who');
    title.append(el('strong', '', person.name));
    if (person.position) title.append(el('span', 'role', ` · ${person.position}`));
    head.append(title);
    if (page === 'play') {
      const close = el('button', 'link', t('web-close'));
      close.type = 'button';
      close.addEventListener('click', () => {
        open.delete(person.id);
        column.remove();
        connect();
      });
      head.append(close);
    }
    const toast = el('div', 'toast');
    toast.setAttribute('role', 'status');
    const list = el('ol', 'messages');
    list.setAttribute('aria-live', 'polite');
    const form = el('form', 'composer');
    const input = el('input');
    input.name = 'text';
    input.autocomplete = 'off';
    input.placeholder = t('web-placeholder');
    input.maxLength = 4000;
    const send = el('button', 'primary', t('web-send'));
    send.type = 'submit';
    const attach = el('label', 'attach', t('web-attach'));
    const file = el('input');
    file.type = 'file';
    file.name = 'file';
    attach.append(file);
    form.append(input, send, attach);
    column.append(head, toast, list, form);
    columns.append(column);

    const showToast = (text: string | undefined) => {
      toast.textContent = text ?? '';
      toast.classList.toggle('shown', Boolean(text));
    };
    const render = (message: Message): HTMLLIElement => {
      const item = el('li', `msg ${message.from}`);
      item.dataset['id'] = message.id;
      let block = el('div', 'part');
      message.lines.forEach((line, index) => {
        if (message.parts.includes(index)) {
          item.append(block);
          block = el('div', 'part');
        }
        block.append(el('div', 'line', line));
      });
      item.append(block);
      for (const f of message.files) {
        const link = el('a', 'file', `📎 ${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB)`);
        link.href = `${base}/berkas/${encodeURIComponent(f.id)}`;
        link.setAttribute('download', f.name);
        item.append(link);
      }
      for (const row of message.buttons) {
        const rowEl = el('div', 'buttons');
        for (const button of row) {
          const b = el('button', button.style ?? '', button.label);
          b.type = 'button';
          b.addEventListener('click', () => {
            b.disabled = true;
            void post(`${base}/tekan`, { token: button.token, messageId: message.id }).then((answer) => {
              b.disabled = false;
              showToast(answer.error ?? answer.toast);
            });
          });
          rowEl.append(b);
        }
        item.append(rowEl);
      }
      return item;
    };
    const put = (message: Message, edit: boolean) => {
      const existing = list.querySelector(`li[data-id="${CSS.escape(message.id)}"]`);
      const item = render(message);
      if (existing) existing.replaceWith(item);
      else if (!edit) list.append(item);
      list.scrollTop = list.scrollHeight;
    };

    open.set(person.id, {
      history: (messages) => {
        list.replaceChildren();
        for (const message of messages) put(message, false);
        column.classList.add('live');
      },
      put,
      offline: () => column.classList.remove('live'),
    });
    connect();

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value;
      if (!text.trim()) return;
      input.value = '';
      void post(`${base}/kirim`, { text }).then((answer) => showToast(answer.error ?? answer.toast));
    });
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      const body = new FormData();
      body.append('file', chosen, chosen.name);
      file.value = '';
      void post(`${base}/unggah`, body).then((answer) => showToast(answer.error ?? answer.toast));
    });
  }

  const actAs = async (person: Person) => {
    if (open.has(person.id)) return;
    const answer = await post('/play/sebagai', { personId: person.id });
    if (!answer.error) openInbox(person);
  };

  if (page === 'play') {
    const people = document.getElementById('people');
    for (const person of data.people) {
      const item = el('li', 'person');
      const button = el('button', 'act', t('web-act-as'));
      button.type = 'button';
      button.dataset['person'] = person.id;
      button.addEventListener('click', () => void actAs(person));
      const about = el('div', 'about');
      about.append(
        el('strong', '', person.name),
        el('span', 'role', `${person.position ?? ''} · ${person.unit ?? ''}`),
      );
      item.append(about, button);
      people?.append(item);
    }
    document.getElementById('start-sample')?.addEventListener('click', () => {
      void post('/play/contoh', {}).then((answer) => {
        const who = (answer as { personId?: string }).personId;
        const person = data.people.find((p) => p.id === who);
        if (person) openInbox(person);
      });
    });
  }
  for (const id of data.open) {
    const person = data.people.find((p) => p.id === id);
    if (person) openInbox(person);
  }
}
