import { dasborCommand, signInUrl } from '../../../../../src/features/reports/dashboard/dasbor-command.js';
import { html, raw } from '../../../../../src/features/reports/dashboard/html.js';
import type { DashboardSessions } from '../../../../../src/features/reports/dashboard/sessions.js';

/** The markup without the white space between tags (Prettier formats html`` templates as HTML). */
const tight = (text: string) => text.replace(/>\s+</g, '><').trim();

describe('the dashboard’s HTML', () => {
  test('every interpolated value is escaped, in text and in attributes; markup built by html is not escaped twice', () => {
    const subject = '<script>alert("x")</script> & \'quote\'';
    const page = html`<p title="${subject}">${subject}</p>
      ${html`<b>${'<i>'}</b>`}`;
    expect(tight(page.text)).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;</p><b>&lt;i&gt;</b>',
    );
  });

  test('lists are joined, and empty values leave nothing', () => {
    expect(
      tight(
        html`<ul>
            ${['<a>', 'b'].map((v) => html`<li>${v}</li>`)}
          </ul>
          ${undefined}${null}${false}`.text,
      ),
    ).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
    expect(html`${raw('<br>')}${0}`.text).toBe('<br>0');
  });
});

describe('/dasbor', () => {
  const sessions = { issueSignIn: (personId: string) => Promise.resolve(`token-of-${personId}`) };
  const context = {
    personId: 'sari',
    args: '',
    platform: 'chat',
    userId: '1',
    reader: { locale: 'id' as const, timeZone: 'Asia/Jakarta' },
  };

  test('answers with a one-time sign-in link under PUBLIC_URL', async () => {
    const run = dasborCommand({
      sessions: sessions as unknown as DashboardSessions,
      publicUrl: 'https://pandu.example.go.id/',
    });
    expect(await run(context)).toEqual({
      lines: [
        {
          key: 'dash-chat-link',
          params: { url: 'https://pandu.example.go.id/dasbor/masuk?t=token-of-sari' },
        },
      ],
    });
    expect(signInUrl('https://a.example/x', 'a+b')).toBe('https://a.example/x/dasbor/masuk?t=a%2Bb');
  });

  test('without PUBLIC_URL it says the dashboard is not set up, and issues no token', async () => {
    let issued = 0;
    const run = dasborCommand({
      sessions: { issueSignIn: () => Promise.resolve(`t${++issued}`) } as unknown as DashboardSessions,
      publicUrl: undefined,
    });
    expect(await run(context)).toEqual({ lines: [{ key: 'dash-chat-no-url' }] });
    expect(issued).toBe(0);
  });
});
