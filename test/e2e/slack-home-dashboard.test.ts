import type { App } from '../../src/app.js';
import { reportsFeature } from '../../src/features/reports/reports-app.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import { slackEventsUrl, slackPeople, standInChannels, standInEnv } from '../support/e2e/index.js';
import { SlackWebApiStandIn, type SigningOptions } from '../support/slack/index.js';

const SIGNING_SECRET = 'home-signing-secret';
const signing: SigningOptions = { signingSecret: SIGNING_SECRET };

/** Slack's App Home starts with a one-time dashboard sign-in link, fresh each time it is opened. */
describe('the App Home’s dashboard link', () => {
  const standIn = new SlackWebApiStandIn();
  let app: App;
  let eventsUrl = '';
  const sl = slackPeople({ standIn, signing, eventsUrl: () => eventsUrl, slackIds: { sari: 'U0000SARI1' } });

  beforeAll(async () => {
    await standIn.start();
    const slack = { standIn, signingSecret: SIGNING_SECRET };
    app = await startTestApp({
      env: { ...standInEnv({ slack }), PUBLIC_URL: 'https://pandu.example.go.id' },
      channels: standInChannels({ slack }),
      features: [reportsFeature()],
    });
    eventsUrl = slackEventsUrl(app);
  });

  afterAll(async () => {
    await app?.stop();
    await standIn.stop();
  });

  test('each opening gives a new link that signs in once', async () => {
    await sl.link('sari', await inviteCode(app, 'sari'));
    const tokenIn = (home: string) => /dasbor\/masuk\?t=([A-Za-z0-9_-]{43})/.exec(home)?.[1];
    const first = tokenIn(await sl.openHome('sari'));
    await sl.openHome('sari');
    // The stand-in keeps the last view published; wait for the second one.
    let second = first;
    for (let i = 0; i < 100 && second === first; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      second = tokenIn(JSON.stringify(standIn.homeView('U0000SARI1')?.blocks));
    }
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const signIn = (token: string) =>
      fetch(`http://127.0.0.1:${app.port()}/dasbor/masuk`, {
        method: 'POST',
        body: new URLSearchParams({ t: token }),
        redirect: 'manual',
      });
    const used = await signIn(first ?? '');
    expect(used.status).toBe(303);
    expect(used.headers.get('set-cookie')).toMatch(/^pandu_dasbor=.*HttpOnly.*Secure.*SameSite=Lax/i);
    expect((await signIn(first ?? '')).status).toBe(401);
  });
});
