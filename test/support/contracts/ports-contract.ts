import type {
  ActionTokenStore,
  ConversationStore,
  DeliveryLog,
  IdentityStore,
  InviteStore,
  TaskMessageLog,
} from '../../../src/chat/ports.js';
import type { AuditEvent, Instance } from '../../../src/core/engine/types.js';
import { sampleInstanceOf, samplePrompt } from '../sample-instance.js';
import {
  DuplicateInstanceError,
  VersionConflictError,
  type AgendaBook,
  type FileStore,
  type InstanceStore,
  type Outbox,
} from '../../../src/core/ports.js';

export interface PortsUnderTest {
  tokens: ActionTokenStore;
  conversations: ConversationStore;
  taskMessages: TaskMessageLog;
  instances: InstanceStore;
  agendaBook: AgendaBook;
  outbox: Outbox;
  identities: IdentityStore;
  invites: InviteStore;
  files: FileStore;
  deliveries: DeliveryLog;
}

let counter = 0;

const sampleInstance = (store: InstanceStore, overrides: Partial<Instance> = {}) =>
  sampleInstanceOf(store, `contract-${Date.now()}-${++counter}`, counter, overrides);
const prompt = samplePrompt;

/** One contract, run against the in-memory fakes and against MongoDB (embedded or real). */
export function describePortsContract(
  name: string,
  setup: () => Promise<PortsUnderTest>,
  teardown?: () => Promise<void>,
) {
  describe(`ports contract: ${name}`, () => {
    let ports: PortsUnderTest;
    beforeAll(async () => {
      ports = await setup();
    });
    afterAll(async () => {
      await teardown?.();
    });

    test('an instance round-trips whole, and a second create of the same id is refused', async () => {
      const instance = sampleInstance(ports.instances);
      await ports.instances.create(instance, [prompt(instance.id, 1)]);
      expect(await ports.instances.get(instance.id)).toEqual(instance);
      await expect(ports.instances.create(instance, [])).rejects.toBeInstanceOf(DuplicateInstanceError);
      expect(await ports.instances.get(ports.instances.idForKey('never-created'))).toBeUndefined();
      expect(await ports.instances.get('not-an-id')).toBeUndefined();
    });

    test('idForKey is stable and distinct per key', () => {
      expect(ports.instances.idForKey('a')).toBe(ports.instances.idForKey('a'));
      expect(ports.instances.idForKey('a')).not.toBe(ports.instances.idForKey('b'));
    });

    test('save applies only at the expected version and appends events', async () => {
      const instance = sampleInstance(ports.instances);
      await ports.instances.create(instance, []);
      const next = { ...instance, version: 2, subject: 'Diubah' };
      const event = {
        seq: 2,
        at: '2026-11-23T02:01:00.000Z',
        type: 'approved',
        actorId: 'tuti',
        channel: 'telegram' as const,
      };
      await ports.instances.save({ ...next, events: [...instance.events, event] }, 1, [event], []);
      const stale = { ...instance, version: 2, subject: 'Kalah balapan' };
      await expect(ports.instances.save(stale, 1, [], [])).rejects.toBeInstanceOf(VersionConflictError);
      const stored = await ports.instances.get(instance.id);
      expect(stored?.subject).toBe('Diubah');
      expect(stored?.version).toBe(2);
      expect(stored?.events.map((e) => e.type)).toEqual(['instance-started', 'approved']);
    });

    test('of two saves racing from one version, exactly one wins', async () => {
      const instance = sampleInstance(ports.instances);
      await ports.instances.create(instance, []);
      const results = await Promise.allSettled([
        ports.instances.save({ ...instance, version: 2, subject: 'A' }, 1, [], []),
        ports.instances.save({ ...instance, version: 2, subject: 'B' }, 1, [], []),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(VersionConflictError);
    });

    test('saves made together each succeed or conflict on their own, and a conflict changes nothing', async () => {
      const [a, b, c] = [1, 2, 3].map(() => sampleInstance(ports.instances));
      await Promise.all([a, b, c].map((i) => ports.instances.create(i as Instance, [])));
      const event = (tag: string): AuditEvent => ({
        seq: 99,
        at: '2026-11-23T02:10:00.000Z',
        type: `saved-${tag}`,
        actorId: 'tuti',
        channel: 'cli',
      });
      const results = await Promise.allSettled([
        ports.instances.save(
          { ...(a as Instance), version: 2, subject: 'A2' },
          1,
          [event('a')],
          [prompt((a as Instance).id, 9)],
        ),
        ports.instances.save({ ...(b as Instance), version: 6, subject: 'B6' }, 5, [event('b')], []),
        ports.instances.save({ ...(c as Instance), version: 2, subject: 'C2' }, 1, [], []),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(results[1]?.status === 'rejected' && results[1].reason).toBeInstanceOf(VersionConflictError);
      const [savedA, savedB, savedC] = await Promise.all(
        [a, b, c].map((i) => ports.instances.get((i as Instance).id)),
      );
      expect(savedA).toMatchObject({ version: 2, subject: 'A2' });
      expect(savedA?.events.at(-1)?.type).toBe('saved-a');
      expect(savedB).toEqual(b);
      expect(savedC).toMatchObject({ version: 2, subject: 'C2' });
      const pending = await ports.instances.pendingPrompts(10_000);
      expect(pending.filter((p) => p.instanceId === (a as Instance).id).map((p) => p.id)).toEqual([
        `${(a as Instance).id}:1:9`,
      ]);
    });

    test('pending prompts stay until marked queued', async () => {
      const instance = sampleInstance(ports.instances);
      await ports.instances.create(instance, [prompt(instance.id, 1), prompt(instance.id, 2)]);
      const before = await ports.instances.pendingPrompts(10_000);
      expect(before.filter((p) => p.instanceId === instance.id).map((p) => p.id)).toEqual([
        `${instance.id}:1:1`,
        `${instance.id}:1:2`,
      ]);
      await ports.instances.markPromptsQueued(instance.id, [`${instance.id}:1:1`]);
      const after = await ports.instances.pendingPrompts(10_000);
      expect(after.filter((p) => p.instanceId === instance.id).map((p) => p.id)).toEqual([
        `${instance.id}:1:2`,
      ]);
    });

    test('prompts marked queued without waiting are off the list at the next read', async () => {
      const instance = sampleInstance(ports.instances);
      await ports.instances.create(instance, [
        prompt(instance.id, 1),
        prompt(instance.id, 2),
        prompt(instance.id, 3),
      ]);
      void ports.instances.markPromptsQueued(instance.id, [`${instance.id}:1:1`]);
      void ports.instances.markPromptsQueued(instance.id, [`${instance.id}:1:3`]);
      const after = await ports.instances.pendingPrompts(10_000);
      expect(after.filter((p) => p.instanceId === instance.id).map((p) => p.id)).toEqual([
        `${instance.id}:1:2`,
      ]);
    });

    test('calls made together (one tick) give the answers they give one at a time', async () => {
      const a = sampleInstance(ports.instances);
      const b = sampleInstance(ports.instances);
      await Promise.all([
        ports.instances.create(a, [prompt(a.id, 1), prompt(a.id, 2), prompt(a.id, 3)]),
        ports.instances.create(b, [prompt(b.id, 1)]),
      ]);
      const [a1, a2, got, missing] = await Promise.all([
        ports.instances.get(a.id),
        ports.instances.get(a.id),
        ports.instances.get(b.id),
        ports.instances.get(ports.instances.idForKey(`never-created-${counter++}`)),
      ]);
      expect(a1).toEqual(a);
      expect(a2).toEqual(a);
      expect(got).toEqual(b);
      expect(missing).toBeUndefined();
      // Each caller works on its own copy.
      (a1 as Instance).runs[0]!.checked.push('changed');
      expect(a2?.runs[0]?.checked).toEqual([]);

      await Promise.all([
        ports.instances.markPromptsQueued(a.id, [`${a.id}:1:1`]),
        ports.instances.markPromptsQueued(a.id, [`${a.id}:1:3`]),
        ports.instances.markPromptsQueued(b.id, [`${b.id}:1:1`]),
      ]);
      const pending = await ports.instances.pendingPrompts(10_000);
      expect(pending.filter((p) => p.instanceId === a.id || p.instanceId === b.id).map((p) => p.id)).toEqual([
        `${a.id}:1:2`,
      ]);

      const id = `outbox-${counter++}`;
      await Promise.all([
        ports.outbox.enqueue([prompt(id, 1)]),
        ports.outbox.enqueue([prompt(id, 2), prompt(id, 1)]),
        ports.outbox.enqueue([]),
      ]);
      const leased = await ports.outbox.lease(1000, 30_000, new Date('2031-01-01T00:00:00Z'));
      expect(
        leased
          .filter((e) => e.prompt.instanceId === id)
          .map((e) => e.prompt.id)
          .sort(),
      ).toEqual([`${id}:1:1`, `${id}:1:2`]);
    });

    test('finds by agenda number, open tasks by person, and instances by unit', async () => {
      const tag = `${Date.now()}-${counter++}`;
      const instance = sampleInstance(ports.instances, {
        agendaNumbers: { incoming: `777/ND-M/X/${tag}` },
        requesterUnitId: `unit-${tag}`,
      });
      await ports.instances.create(instance, []);
      expect((await ports.instances.findByAgendaNumber(`777/ND-M/X/${tag}`))?.id).toBe(instance.id);
      expect(await ports.instances.findByAgendaNumber('000/none')).toBeUndefined();
      const tasks = await ports.instances.openTasksFor('tuti');
      expect(tasks.some((t) => t.instance.id === instance.id && t.runId === 'agenda-surat-masuk#1')).toBe(
        true,
      );
      expect((await ports.instances.openTasksFor('nobody')).length).toBe(0);
      expect((await ports.instances.listForUnit(`unit-${tag}`, 10)).map((i) => i.id)).toEqual([instance.id]);
      expect((await ports.instances.listActive(10_000)).some((i) => i.id === instance.id)).toBe(true);
    });

    test('agenda numbers: a sequence per book and year, concurrent claims never share a number, a claim key keeps its number', async () => {
      const year = 2100 + (counter++ % 500);
      const numbers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => ports.agendaBook.claim('incoming', year, `claim-${year}-${i}`)),
      );
      expect(new Set(numbers).size).toBe(12);
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(await ports.agendaBook.claim('incoming', year, `claim-${year}-3`)).toBe(numbers[3]);
      expect(await ports.agendaBook.claim('outgoing', year, `claim-out-${year}`)).toBe(1);
    });

    test('outbox: enqueue is idempotent by prompt id; leases are exclusive; retries wait; sent leaves the queue', async () => {
      const id = `outbox-${counter++}`;
      await ports.outbox.enqueue([prompt(id, 1), prompt(id, 2)]);
      await ports.outbox.enqueue([prompt(id, 1), prompt(id, 3)]);
      const now = new Date('2030-01-01T00:00:00Z');
      const first = await ports.outbox.lease(1000, 30_000, now);
      const mine = first.filter((e) => e.prompt.instanceId === id);
      expect(mine.map((e) => [e.prompt.id, e.attempts])).toEqual([
        [`${id}:1:1`, 1],
        [`${id}:1:2`, 1],
        [`${id}:1:3`, 1],
      ]);
      expect((await ports.outbox.lease(1000, 30_000, now)).filter((e) => e.prompt.instanceId === id)).toEqual(
        [],
      );
      await ports.outbox.markSent(`${id}:1:1`);
      await ports.outbox.markSent(`${id}:1:3`);
      // Queued again (a retry after a crash): a sent prompt stays sent.
      await ports.outbox.enqueue([prompt(id, 1)]);
      await ports.outbox.retryLater(`${id}:1:2`, new Date('2030-01-01T00:00:05Z'), '429');
      expect(
        (await ports.outbox.lease(1000, 30_000, new Date('2030-01-01T00:00:04Z'))).filter(
          (e) => e.prompt.instanceId === id,
        ),
      ).toEqual([]);
      const retried = (await ports.outbox.lease(1000, 30_000, new Date('2030-01-01T00:00:06Z'))).filter(
        (e) => e.prompt.instanceId === id,
      );
      expect(retried.map((e) => [e.prompt.id, e.attempts])).toEqual([[`${id}:1:2`, 2]]);
      await ports.outbox.markFailed(`${id}:1:2`, 'gave up');
      const counts = await ports.outbox.counts();
      expect(counts.sent).toBeGreaterThanOrEqual(1);
      expect(counts.failed).toBeGreaterThanOrEqual(1);
    });

    test('outbox: leases taken at the same instant share nothing, and together hand out every due entry once', async () => {
      const id = `outbox-race-${counter++}`;
      await ports.outbox.enqueue(Array.from({ length: 30 }, (_, i) => prompt(id, i + 1)));
      const now = new Date('2032-01-01T00:00:00Z');
      const leases = await Promise.all(
        Array.from({ length: 4 }, () => ports.outbox.lease(1000, 30_000, now)),
      );
      const handed = leases.flatMap((entries) =>
        entries.filter((e) => e.prompt.instanceId === id).map((e) => e.prompt.id),
      );
      expect(handed).toHaveLength(30);
      expect(new Set(handed).size).toBe(30);
      const attempts = leases.flatMap((entries) =>
        entries.filter((e) => e.prompt.instanceId === id).map((e) => e.attempts),
      );
      expect(new Set(attempts)).toEqual(new Set([1]));
      await Promise.all(handed.map((promptId) => ports.outbox.markSent(promptId)));
      expect(
        (await ports.outbox.lease(1000, 30_000, new Date('2032-01-01T00:01:00Z'))).filter(
          (e) => e.prompt.instanceId === id,
        ),
      ).toEqual([]);
    });

    test('identities link a chat account to one person, and preferences merge', async () => {
      const userId = String(900000 + counter++);
      await ports.identities.link('rina', { channel: 'telegram', userId, chatId: userId });
      expect(await ports.identities.findPerson('telegram', userId)).toBe('rina');
      expect(await ports.identities.findPerson('slack', userId)).toBeUndefined();
      await ports.identities.link('fajar', { channel: 'telegram', userId, chatId: userId });
      expect(await ports.identities.findPerson('telegram', userId)).toBe('fajar');
      expect(await ports.identities.account('telegram', userId)).toMatchObject({
        personId: 'fajar',
        chatId: userId,
      });
      expect(await ports.identities.account('slack', userId)).toBeUndefined();
      expect(await ports.identities.identitiesOf('fajar')).toContainEqual({
        channel: 'telegram',
        userId,
        chatId: userId,
      });
      const person = `prefs-${counter}`;
      await ports.identities.setPreferences(person, { locale: 'en' });
      await ports.identities.setPreferences(person, { lastChannel: 'slack' });
      expect(await ports.identities.preferences(person)).toEqual({ locale: 'en', lastChannel: 'slack' });
    });

    test("an account is read with its person's current preferences, through every change and relink", async () => {
      const tag = counter++;
      const [a, b] = [`with-prefs-a-${tag}`, `with-prefs-b-${tag}`];
      const [tg, slack] = [`${tag}11`, `U${tag}11`];
      await ports.identities.setPreferences(a, { locale: 'en' });
      await ports.identities.link(a, { channel: 'telegram', userId: tg, chatId: tg });
      // Linked after the change: the first read takes the preferences from the record.
      expect((await ports.identities.account('telegram', tg))?.preferences).toEqual({ locale: 'en' });
      await ports.identities.link(a, { channel: 'slack', userId: slack, chatId: `D${tag}` });
      await ports.identities.setPreferences(a, { notify: 'selesai' });
      await ports.identities.setPreferences(a, { lastChannel: 'slack' });
      for (const [channel, userId] of [
        ['telegram', tg],
        ['slack', slack],
      ] as const)
        expect((await ports.identities.account(channel, userId))?.preferences).toEqual({
          locale: 'en',
          notify: 'selesai',
          lastChannel: 'slack',
        });
      // Changes at once (two chats of one person) leave every account with all of them.
      await Promise.all([
        ports.identities.setPreferences(a, { locale: 'id' }),
        ports.identities.setPreferences(a, { preferredChannel: 'telegram' }),
      ]);
      const record = await ports.identities.preferences(a);
      expect(record).toEqual({
        locale: 'id',
        notify: 'selesai',
        lastChannel: 'slack',
        preferredChannel: 'telegram',
      });
      expect((await ports.identities.account('telegram', tg))?.preferences).toEqual(record);
      expect((await ports.identities.account('slack', slack))?.preferences).toEqual(record);
      // The Telegram account moves to b: it carries b's preferences (none), not a's.
      await ports.identities.link(b, { channel: 'telegram', userId: tg, chatId: tg });
      expect(await ports.identities.account('telegram', tg)).toEqual({
        personId: b,
        chatId: tg,
        preferences: {},
      });
      await ports.identities.setPreferences(b, { locale: 'en' });
      expect((await ports.identities.account('telegram', tg))?.preferences).toEqual({ locale: 'en' });
      expect((await ports.identities.account('slack', slack))?.preferences).toEqual(record);
    });

    test('identities and preferences of many people in one read: the same answers as one by one', async () => {
      const tag = counter++;
      const [a, b, none] = [`many-a-${tag}`, `many-b-${tag}`, `many-none-${tag}`];
      await ports.identities.link(a, { channel: 'telegram', userId: `${tag}01`, chatId: `${tag}01` });
      await ports.identities.link(a, { channel: 'slack', userId: `U${tag}`, chatId: `D${tag}` });
      await ports.identities.link(b, { channel: 'telegram', userId: `${tag}02` });
      await ports.identities.setPreferences(a, { locale: 'en', notify: 'langkah' });
      await ports.identities.setPreferences(b, { preferredChannel: 'telegram' });
      const linked = await ports.identities.identitiesOfMany([a, b, none]);
      expect([...linked.keys()].sort()).toEqual([a, b, none].sort());
      for (const person of [a, b, none])
        expect(linked.get(person)?.sort((x, y) => x.channel.localeCompare(y.channel))).toEqual(
          (await ports.identities.identitiesOf(person)).sort((x, y) => x.channel.localeCompare(y.channel)),
        );
      expect(linked.get(a)).toHaveLength(2);
      expect(linked.get(none)).toEqual([]);
      const prefs = await ports.identities.preferencesOfMany([a, b, none]);
      expect(Object.fromEntries(prefs)).toEqual({
        [a]: { locale: 'en', notify: 'langkah' },
        [b]: { preferredChannel: 'telegram' },
        [none]: {},
      });
      expect((await ports.identities.identitiesOfMany([])).size).toBe(0);
      expect((await ports.identities.preferencesOfMany([])).size).toBe(0);
    });

    test('an invite code is redeemed once; unknown and expired codes are refused', async () => {
      const code = `CODE${counter++}`;
      const now = new Date('2026-11-23T02:00:00Z');
      await ports.invites.issue('rina', code, new Date('2026-11-30T00:00:00Z'));
      const results = await Promise.all([ports.invites.redeem(code, now), ports.invites.redeem(code, now)]);
      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, personId: 'rina' }]);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
      expect(await ports.invites.redeem('NOPE', now)).toEqual({ ok: false, reason: 'unknown' });
      await ports.invites.issue('rina', `${code}X`, new Date('2026-11-22T00:00:00Z'));
      expect(await ports.invites.redeem(`${code}X`, now)).toEqual({ ok: false, reason: 'expired' });
    });

    test('files keep their bytes, size and checksum, also across chunks', async () => {
      const bytes = Buffer.alloc(700 * 1024, 7);
      bytes.write('PPK', 0);
      const ref = await ports.files.put(bytes, {
        name: 'daftar.xlsx',
        mimeType: 'application/zip',
        uploadedBy: 'rina',
        uploadedAt: new Date(),
      });
      expect(ref.size).toBe(bytes.length);
      expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
      const stored = await ports.files.get(ref.fileId);
      expect(stored?.bytes.equals(bytes)).toBe(true);
      expect(stored?.ref).toEqual(ref);
      expect(await ports.files.get('missing')).toBeUndefined();
    });

    test('the delivery log says first time once per key', async () => {
      const key = `telegram:update:${counter++}`;
      const results = await Promise.all([ports.deliveries.firstTime(key), ports.deliveries.firstTime(key)]);
      expect(results.sort()).toEqual([false, true]);
      expect(await ports.deliveries.firstTime(key)).toBe(false);
    });

    test('the delivery log answers each of many keys at once for itself', async () => {
      const [old, a, b] = [counter++, counter++, counter++].map((n) => `telegram:update:${n}`) as [
        string,
        string,
        string,
      ];
      expect(await ports.deliveries.firstTime(old)).toBe(true);
      const firsts = await Promise.all([old, a, b, a].map((key) => ports.deliveries.firstTime(key)));
      expect(firsts[0]).toBe(false);
      expect(firsts[2]).toBe(true);
      // The same new key twice at once: exactly one of them is first.
      expect([firsts[1], firsts[3]].sort()).toEqual([false, true]);
      const unknown = `telegram:update:${counter++}`;
      expect(await Promise.all([a, unknown, old].map((key) => ports.deliveries.seen(key)))).toEqual([
        true,
        false,
        true,
      ]);
    });

    test('the delivery log tells a seen key without recording one', async () => {
      const key = `telegram:update:${counter++}`;
      expect(await ports.deliveries.seen(key)).toBe(false);
      expect(await ports.deliveries.seen(key)).toBe(false);
      expect(await ports.deliveries.firstTime(key)).toBe(true);
      expect(await ports.deliveries.seen(key)).toBe(true);
    });

    test('a key recorded as handled is seen at once, and is not first afterwards', async () => {
      const key = `telegram:update:${counter++}`;
      const written = ports.deliveries.handled(key);
      expect(await ports.deliveries.seen(key)).toBe(true);
      await written;
      expect(await ports.deliveries.seen(key)).toBe(true);
      expect(await ports.deliveries.firstTime(key)).toBe(false);
      // Recording it again is no error.
      await ports.deliveries.handled(key);
    });

    test('action tokens: found by their opaque value only', async () => {
      const token = `tok${counter++}AbC_-`;
      await ports.tokens.save([
        {
          token,
          personId: 'rina',
          instanceId: 'i1',
          runId: 'r#1',
          actionId: 'approve',
          createdAt: '2026-11-23T02:00:00.000Z',
        },
      ]);
      expect(await ports.tokens.find(token)).toEqual({
        token,
        personId: 'rina',
        instanceId: 'i1',
        runId: 'r#1',
        actionId: 'approve',
        createdAt: '2026-11-23T02:00:00.000Z',
      });
      expect(await ports.tokens.find(`${token}x`)).toBeUndefined();
    });

    test('tokens saved together and task messages recorded together (one tick) are each stored', async () => {
      const tag = counter++;
      const token = (i: number) => ({
        token: `tok${tag}x${i}`,
        personId: `p${i}`,
        instanceId: `i${tag}`,
        actionId: 'approve',
        createdAt: '2026-11-23T02:00:00.000Z',
      });
      await Promise.all([
        ports.tokens.save([token(1), token(2)]),
        ports.tokens.save([token(3)]),
        ports.tokens.save([]),
      ]);
      for (const i of [1, 2, 3]) expect(await ports.tokens.find(`tok${tag}x${i}`)).toEqual(token(i));
      const instanceId = `inst-together-${tag}`;
      await Promise.all(
        ['1', '2', '2', '3'].map((messageId, i) =>
          ports.taskMessages.record(instanceId, 'r#1', `p${i}`, {
            platform: 'telegram',
            chatId: '1',
            messageId,
          }),
        ),
      );
      const found = await ports.taskMessages.find(instanceId, 'r#1');
      expect(found.map((f) => f.sent.messageId).sort()).toEqual(['1', '2', '3']);
    });

    test('conversations: one per chat user, cleared by setting none', async () => {
      const user = `u${counter++}`;
      await ports.conversations.set('telegram', user, {
        kind: 'reason',
        actionId: 'return',
        instanceId: 'i1',
        runId: 'r#1',
      });
      expect(await ports.conversations.get('telegram', user)).toEqual({
        kind: 'reason',
        actionId: 'return',
        instanceId: 'i1',
        runId: 'r#1',
      });
      expect(await ports.conversations.get('slack', user)).toBeUndefined();
      await ports.conversations.set('telegram', user, undefined);
      expect(await ports.conversations.get('telegram', user)).toBeUndefined();
    });

    test('task messages: every message of a run, on every platform, recorded once', async () => {
      const instanceId = `inst${counter++}`;
      await ports.taskMessages.record(instanceId, 'r#1', 'rina', {
        platform: 'telegram',
        chatId: '1',
        messageId: '10',
      });
      await ports.taskMessages.record(instanceId, 'r#1', 'rina', {
        platform: 'telegram',
        chatId: '1',
        messageId: '10',
      });
      await ports.taskMessages.record(instanceId, 'r#1', 'rina', {
        platform: 'slack',
        chatId: 'D1',
        messageId: '1.2',
      });
      await ports.taskMessages.record(instanceId, 'r#2', 'rina', {
        platform: 'slack',
        chatId: 'D1',
        messageId: '1.3',
      });
      const found = await ports.taskMessages.find(instanceId, 'r#1');
      expect(found).toHaveLength(2);
      expect(found.map((f) => f.sent.platform).sort()).toEqual(['slack', 'telegram']);
    });

    test('task messages of many runs in one read: each with its run, none of the runs not asked for', async () => {
      const [one, two] = [`inst${counter++}`, `inst${counter++}`];
      const sent = (messageId: string) => ({ platform: 'telegram', chatId: '1', messageId });
      await ports.taskMessages.record(one, 'r#1', 'rina', sent('11'));
      await ports.taskMessages.record(one, 'r#2', 'fajar', sent('12'));
      await ports.taskMessages.record(two, 'r#1', 'dewi', sent('21'));
      await ports.taskMessages.record(two, 'r#3', 'dewi', sent('23'));
      const found = await ports.taskMessages.findMany([
        { instanceId: one, runId: 'r#1' },
        { instanceId: two, runId: 'r#3' },
        { instanceId: two, runId: 'r#9' },
      ]);
      expect(found.map((f) => [f.instanceId, f.runId, f.personId, f.sent.messageId]).sort()).toEqual([
        [one, 'r#1', 'rina', '11'],
        [two, 'r#3', 'dewi', '23'],
      ]);
      expect(await ports.taskMessages.findMany([])).toEqual([]);
    });
  });
}
