import { escapeMrkdwn, slackCommands } from '../../../src/channels/slack/block-kit.js';

/** Messages name commands as Telegram types them; in Slack they read as the one `/pandu` command. */
describe('commands mentioned in Slack text', () => {
  test.each([
    ['Ketik /laporan mingguan mati.', 'Ketik /pandu laporan mingguan mati.'],
    ['/cari server', '/pandu cari server'],
    ['Rinciannya: /laporan. Lalu (/status NOMOR)', 'Rinciannya: /pandu laporan. Lalu (/pandu status NOMOR)'],
    ['“/templat”', '“/pandu templat”'],
  ])('%j reads %j', (text, expected) => {
    expect(slackCommands(text)).toBe(expected);
  });

  test.each([
    'Nomor 001/ND-M/PUSDATINKOMTEL/XI/2026',
    'dan/atau',
    'https://pandu.example.go.id/verifikasi/abc',
    'file /tmp/x.pdf',
    'sudah /pandu laporan',
    '/Laporan',
  ])('%j stays as it is', (text) => {
    expect(slackCommands(text)).toBe(text);
  });

  test('escaping for mrkdwn spells them too', () => {
    expect(escapeMrkdwn('<b> & /bantuan')).toBe('&lt;b&gt; &amp; /pandu bantuan');
  });
});
