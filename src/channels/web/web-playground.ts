import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { playgroundPage, type PlaygroundPerson } from './web-pages.js';
import { SAMPLE_SUBJECT, sampleMemo, samplePpkValid, samplePpkWithErrors } from './web-samples.js';
import { csrfGuard, ensureSession, pageTexts, redeem, sessionOf, type WebServerDeps } from './web-server.js';
import type { WebSpeaker } from './web-talk.js';

/** How long the invite behind an "act as" lasts (it is redeemed at once). */
const ACT_AS_TTL_MS = 60_000;

/**
 * The playground (demo mode only): everyone of the org, and acting as any of them in this browser,
 * several side by side; a sample request to start from, and sample PPK lists to upload.
 */
export function registerPlayground(app: FastifyInstance, web: WebServerDeps, secure: boolean): void {
  const { deps, store, talk } = web;
  const people = (): PlaygroundPerson[] =>
    deps
      .org()
      .allPeople()
      .map((p) => ({
        id: p.id,
        name: p.name,
        position: p.position,
        unit: deps.org().unit(p.unit)?.name ?? p.unit,
      }));

  /** Acts as the person in this browser's session (an invite issued and redeemed on the spot). */
  const actAs = async (cookie: string, personId: string): Promise<WebSpeaker | undefined> => {
    const known = (await store.session(cookie, deps.clock.now()))?.find((a) => a.personId === personId);
    if (known) return { personId, accountId: known.accountId };
    if (!deps.org().person(personId)) return undefined;
    const code = `play-${randomBytes(18).toString('base64url')}`;
    await deps.invites.issue(personId, code, new Date(deps.clock.now().getTime() + ACT_AS_TTL_MS));
    const result = await redeem(web, code);
    if ('problem' in result) return undefined;
    await store.addAccount(cookie, result.personId, result.accountId);
    await store.record({ kind: 'sign-in', how: 'playground', personId, ip: '-' }, deps.clock.now());
    return result;
  };

  app.get('/play', async (request, reply) => {
    const accounts = (await sessionOf(web, request)) ?? [];
    const { texts, lang } = await pageTexts(web, accounts[0]?.accountId);
    return reply.type('text/html; charset=utf-8').send(
      playgroundPage(
        { csrf: reply.generateCsrf(), texts, lang },
        people(),
        accounts.map((a) => a.personId),
      ),
    );
  });
  app.post<{ Body: { personId?: unknown } }>(
    '/play/sebagai',
    { preHandler: csrfGuard(app) },
    async (request, reply) => {
      const personId = typeof request.body?.personId === 'string' ? request.body.personId : '';
      const cookie = await ensureSession(web, request, reply, secure);
      const speaker = await actAs(cookie, personId);
      if (!speaker) return reply.code(400).send({ error: 'unknown person' });
      return { personId: speaker.personId };
    },
  );
  app.post('/play/contoh', { preHandler: csrfGuard(app) }, async (request, reply) => {
    const requester = deps
      .org()
      .allPeople()
      .find((p) => p.position === 'ULP');
    if (!requester) return reply.code(400).send({ error: 'no ULP in the org' });
    const cookie = await ensureSession(web, request, reply, secure);
    const speaker = await actAs(cookie, requester.id);
    if (!speaker) return reply.code(400).send({ error: 'unknown person' });
    await talk.say(speaker, '/ajukan');
    await talk.say(speaker, SAMPLE_SUBJECT);
    await talk.upload(speaker, 'nota-dinas-contoh.pdf', 'application/pdf', await sampleMemo());
    return { personId: speaker.personId };
  });
  const year = () => deps.clock.now().getFullYear() + 1;
  app.get('/play/contoh/daftar-ppk.csv', (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="daftar-ppk.csv"')
      .send(samplePpkValid(year())),
  );
  app.get('/play/contoh/daftar-ppk-salah.csv', (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="daftar-ppk-salah.csv"')
      .send(samplePpkWithErrors(year())),
  );
}
