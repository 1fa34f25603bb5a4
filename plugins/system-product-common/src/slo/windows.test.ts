import {
  calendarInstant,
  durationMs,
  parseDuration,
  windowAt,
} from './windows';

const HOUR = 3_600_000;
const calendar = (duration: string, startTime: string, timeZone = 'UTC') => ({
  duration: parseDuration(duration)!,
  isRolling: false,
  calendar: { startTime, timeZone },
});
const at = (iso: string) => new Date(iso);

describe('SLO windows', () => {
  it('parses OpenSLO durations and rejects the rest', () => {
    expect(parseDuration('28d')).toEqual({ amount: 28, unit: 'd' });
    expect(parseDuration('1M')).toEqual({ amount: 1, unit: 'M' });
    expect(parseDuration('0d')).toBeUndefined();
    expect(parseDuration('2 weeks')).toBeUndefined();
    expect(durationMs(parseDuration('5m')!)).toBe(300_000);
    expect(durationMs(parseDuration('1M')!)).toBeUndefined();
  });

  it('rolls a 28-day window back from now', () => {
    const now = at('2026-11-25T12:00:00Z');
    expect(
      windowAt(now, { duration: parseDuration('28d')!, isRolling: true }),
    ).toEqual({ from: at('2026-10-28T12:00:00Z'), to: now });
  });

  it('rolls a month back to the same day, clamped to the end of a shorter month', () => {
    const month = { duration: parseDuration('1M')!, isRolling: true };
    // 31 March − 1 month: there is no 31 February, so 28 February.
    expect(windowAt(at('2026-03-31T10:00:00Z'), month).from).toEqual(
      at('2026-02-28T10:00:00Z'),
    );
    // 30 March 2024 − 1 month: 29 February of the leap year.
    expect(windowAt(at('2024-03-30T10:00:00Z'), month).from).toEqual(
      at('2024-02-29T10:00:00Z'),
    );
  });

  it('aligns a calendar month to the month that contains now, across a month boundary', () => {
    const month = calendar('1M', '1970-01-01 00:00:00');
    expect(windowAt(at('2026-01-31T23:59:59Z'), month)).toEqual({
      from: at('2026-01-01T00:00:00Z'),
      to: at('2026-02-01T00:00:00Z'),
    });
    expect(windowAt(at('2026-02-01T00:00:00Z'), month)).toEqual({
      from: at('2026-02-01T00:00:00Z'),
      to: at('2026-03-01T00:00:00Z'),
    });
  });

  it('keeps months anchored on the 31st on the 31st where the month has one (31 January + 1M)', () => {
    const month = calendar('1M', '2026-01-31 00:00:00');
    // Periods: 31 Jan → 28 Feb (clamped) → 31 Mar → 30 Apr → 31 May.
    expect(windowAt(at('2026-02-10T00:00:00Z'), month)).toEqual({
      from: at('2026-01-31T00:00:00Z'),
      to: at('2026-02-28T00:00:00Z'),
    });
    expect(windowAt(at('2026-03-15T00:00:00Z'), month)).toEqual({
      from: at('2026-02-28T00:00:00Z'),
      to: at('2026-03-31T00:00:00Z'),
    });
    expect(windowAt(at('2026-04-30T12:00:00Z'), month)).toEqual({
      from: at('2026-04-30T00:00:00Z'),
      to: at('2026-05-31T00:00:00Z'),
    });
  });

  it('counts years anchored on 29 February: 28 February in common years, 29 in leap years', () => {
    const year = calendar('1Y', '2024-02-29 00:00:00');
    expect(windowAt(at('2026-06-01T00:00:00Z'), year)).toEqual({
      from: at('2026-02-28T00:00:00Z'),
      to: at('2027-02-28T00:00:00Z'),
    });
    expect(windowAt(at('2028-03-01T00:00:00Z'), year)).toEqual({
      from: at('2028-02-29T00:00:00Z'),
      to: at('2029-02-28T00:00:00Z'),
    });
  });

  it('counts calendar weeks from a given start', () => {
    const week = calendar('1w', '2026-01-05 00:00:00'); // a Monday
    expect(windowAt(at('2026-11-25T12:00:00Z'), week)).toEqual({
      from: at('2026-11-23T00:00:00Z'),
      to: at('2026-11-30T00:00:00Z'),
    });
  });

  it('runs a Europe/Berlin calendar day from local midnight to local midnight: 23 hours when clocks go forward, 25 when they go back', () => {
    const day = calendar('1d', '2026-03-01 00:00:00', 'Europe/Berlin');
    // 29 March 2026, 02:00 CET → 03:00 CEST. Midnight CET is 23:00 UTC the
    // day before; the next midnight is CEST, 22:00 UTC.
    const spring = windowAt(at('2026-03-29T12:00:00Z'), day);
    expect(spring).toEqual({
      from: at('2026-03-28T23:00:00Z'),
      to: at('2026-03-29T22:00:00Z'),
    });
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * HOUR);
    // 25 October 2026, 03:00 CEST → 02:00 CET.
    const autumn = windowAt(at('2026-10-25T12:00:00Z'), day);
    expect(autumn).toEqual({
      from: at('2026-10-24T22:00:00Z'),
      to: at('2026-10-25T23:00:00Z'),
    });
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * HOUR);
  });

  it('runs an America/New_York calendar month across the March change (31 days less an hour)', () => {
    const month = calendar('1M', '2026-01-01 00:00:00', 'America/New_York');
    // 1 March 00:00 EST is 05:00 UTC; 1 April 00:00 EDT is 04:00 UTC.
    const march = windowAt(at('2026-03-20T00:00:00Z'), month);
    expect(march).toEqual({
      from: at('2026-03-01T05:00:00Z'),
      to: at('2026-04-01T04:00:00Z'),
    });
    expect(march.to.getTime() - march.from.getTime()).toBe(
      31 * 24 * HOUR - HOUR,
    );
  });

  it("reads OpenSLO's own example: weeks from Saturday noon in New York, noon staying noon across the change", () => {
    const week = calendar('1w', '2022-01-01 12:00:00', 'America/New_York');
    // Saturday 7 March 2026 12:00 EST = 17:00 UTC; Saturday 14 March 12:00 EDT = 16:00 UTC.
    expect(windowAt(at('2026-03-10T12:00:00Z'), week)).toEqual({
      from: at('2026-03-07T17:00:00Z'),
      to: at('2026-03-14T16:00:00Z'),
    });
  });

  it('refuses calendar starts that do not exist', () => {
    expect(
      calendarInstant({ startTime: '2026-02-30 00:00:00', timeZone: 'UTC' }),
    ).toBeUndefined();
    expect(
      calendarInstant({ startTime: '2027-02-29 00:00:00', timeZone: 'UTC' }),
    ).toBeUndefined();
    expect(
      calendarInstant({
        startTime: '2026-01-01 00:00:00',
        timeZone: 'Mars/Olympus',
      }),
    ).toBeUndefined();
    expect(
      calendarInstant({
        startTime: '2026-01-01 00:00:00',
        timeZone: 'Asia/Kolkata',
      }),
    ).toEqual(at('2025-12-31T18:30:00Z'));
  });

  it('keeps a window shorter than the data to its own length', () => {
    const now = at('2026-11-25T00:00:00Z');
    const { from, to } = windowAt(now, {
      duration: parseDuration('1h')!,
      isRolling: true,
    });
    expect(to.getTime() - from.getTime()).toBe(3_600_000);
  });
});
