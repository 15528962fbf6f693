import { tzOffset } from '@date-fns/tz';
import { zoneOffsetMinutes } from '../../../src/core/time/zone-offset.js';

const ZONES = [
  'Asia/Jakarta',
  'Asia/Jayapura',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // a 30-minute change
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'America/Sao_Paulo',
  'UTC',
];
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

describe('zoneOffsetMinutes', () => {
  test('gives what tzOffset gives at random instants of 1960–2040 in zones with and without daylight saving time', () => {
    let seed = 17;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1960, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    for (const zone of ZONES)
      for (let i = 0; i < 2_000; i++) {
        const ms = Math.floor(from + random() * (to - from));
        expect([zone, ms, zoneOffsetMinutes(zone, ms)]).toEqual([zone, ms, tzOffset(zone, new Date(ms))]);
      }
  });

  test('is exact at every minute (and the milliseconds either side) of the hours the offset changes, 2025–2028', () => {
    let changes = 0;
    for (const zone of ZONES) {
      for (let hour = Date.UTC(2025, 0, 1); hour < Date.UTC(2028, 0, 1); hour += HOUR_MS) {
        // A change at the hour's end (most are on the hour) or within it (Lord Howe's, on the half hour).
        if (tzOffset(zone, new Date(hour)) === tzOffset(zone, new Date(hour + HOUR_MS))) continue;
        changes++;
        // Asked in order and out of order: the hour before, the hour of the change, the hour after.
        for (let ms = hour - HOUR_MS; ms < hour + 2 * HOUR_MS; ms += MINUTE_MS)
          for (const at of [ms + MINUTE_MS - 1, ms, ms - 1])
            expect([zone, at, zoneOffsetMinutes(zone, at)]).toEqual([zone, at, tzOffset(zone, new Date(at))]);
      }
    }
    // New York, London, Lord Howe, Chatham: two changes a year each (São Paulo has had none since 2019).
    expect(changes).toBe(4 * 2 * 3);
  });

  test('an unknown zone gives NaN, as tzOffset does', () => {
    expect(zoneOffsetMinutes('Mars/Olympus_Mons', Date.UTC(2026, 11, 2))).toBeNaN();
  });
});
