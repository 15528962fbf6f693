import { createHmac } from 'node:crypto';
import { verifyInitData } from '../../../../src/features/reports/telegram-init-data.js';

const BOT_TOKEN = '123456:AAE-test-token-for-pandu';
const NOW = new Date('2026-11-23T02:00:00Z');
const USER = {
  id: 279058397,
  first_name: 'Sari',
  last_name: 'Handayani',
  username: 'sari_h',
  language_code: 'id',
};

/**
 * Init data signed as Telegram's documentation says, written out here independently of the code
 * under test: secret_key = HMAC_SHA256(bot_token, key "WebAppData"); hash = hex
 * HMAC_SHA256(data_check_string, secret_key), the data-check string being the fields but hash,
 * sorted, as key=value lines.
 */
function signed(fields: Record<string, string>, token = BOT_TOKEN): string {
  const checkString = Object.entries(fields)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(token).digest();
  const hash = createHmac('sha256', secret).update(checkString).digest('hex');
  return new URLSearchParams({ ...fields, hash }).toString();
}

function fields(ageSeconds: number): Record<string, string> {
  return {
    query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
    user: JSON.stringify(USER),
    auth_date: String(Math.floor(NOW.getTime() / 1000) - ageSeconds),
  };
}

const options = { botToken: BOT_TOKEN, now: NOW, maxAgeSeconds: 3600 };

describe('Telegram Mini App init data', () => {
  test('good data: verified, with the user and the signed fields', () => {
    const result = verifyInitData(signed(fields(60)), options);
    expect(result).toMatchObject({
      ok: true,
      user: {
        id: 279058397,
        firstName: 'Sari',
        lastName: 'Handayani',
        username: 'sari_h',
        languageCode: 'id',
      },
      authDate: new Date((Math.floor(NOW.getTime() / 1000) - 60) * 1000),
    });
    expect(result.ok && result.fields['query_id']).toBe('AAHdF6IQAAAAAN0XohDhrOrc');
  });

  test('tampered data is refused: another user id, a changed date, a hash from another bot', () => {
    const good = signed(fields(60));
    const otherUser = good.replace(encodeURIComponent('279058397'), encodeURIComponent('279058398'));
    expect(otherUser).not.toBe(good);
    expect(verifyInitData(otherUser, options)).toEqual({ ok: false, reason: 'bad-hash' });
    const params = new URLSearchParams(good);
    params.set('auth_date', String(Math.floor(NOW.getTime() / 1000)));
    expect(verifyInitData(params.toString(), options)).toEqual({ ok: false, reason: 'bad-hash' });
    expect(verifyInitData(signed(fields(60), '999:other-bot'), options)).toEqual({
      ok: false,
      reason: 'bad-hash',
    });
  });

  test('stale data is refused, fresh data at the limit accepted; a date far ahead is refused', () => {
    expect(verifyInitData(signed(fields(3601)), options)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyInitData(signed(fields(3600)), options).ok).toBe(true);
    expect(verifyInitData(signed(fields(-600)), options)).toEqual({ ok: false, reason: 'future' });
  });

  test('unsigned, malformed or incomplete data is refused', () => {
    const { hash: _hash, ...unsigned } = Object.fromEntries(new URLSearchParams(signed(fields(60))));
    expect(verifyInitData(new URLSearchParams(unsigned).toString(), options)).toEqual({
      ok: false,
      reason: 'no-hash',
    });
    expect(verifyInitData('', options)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyInitData(`${signed(fields(60))}&hash=00`, options)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyInitData(signed({ ...fields(60), user: '{"first_name":"x"}' }), options)).toEqual({
      ok: false,
      reason: 'no-user',
    });
    const { auth_date: _date, ...undated } = fields(60);
    expect(verifyInitData(signed(undated), options)).toEqual({ ok: false, reason: 'no-auth-date' });
  });
});
