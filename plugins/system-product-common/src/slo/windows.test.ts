import { durationMs, parseDuration, windowAt } from './windows';

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
    const now = new Date('2026-11-25T12:00:00Z');
    expect(
      windowAt(now, { duration: parseDuration('28d')!, isRolling: true }),
    ).toEqual({
      from: new Date('2026-10-28T12:00:00Z'),
      to: now,
    });
  });

  it('aligns a calendar month to the month that contains now, across a month boundary', () => {
    const month = { duration: parseDuration('1M')!, isRolling: false };
    expect(windowAt(new Date('2026-01-31T23:59:59Z'), month)).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
    });
    expect(windowAt(new Date('2026-02-01T00:00:00Z'), month)).toEqual({
      from: new Date('2026-02-01T00:00:00Z'),
      to: new Date('2026-03-01T00:00:00Z'),
    });
  });

  it('counts calendar weeks from a given start', () => {
    const week = {
      duration: parseDuration('1w')!,
      isRolling: false,
      calendarStart: new Date('2026-01-05T00:00:00Z'), // a Monday
    };
    expect(windowAt(new Date('2026-11-25T12:00:00Z'), week)).toEqual({
      from: new Date('2026-11-23T00:00:00Z'),
      to: new Date('2026-11-30T00:00:00Z'),
    });
  });

  it('keeps a window shorter than the data to its own length', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    const { from, to } = windowAt(now, {
      duration: parseDuration('1h')!,
      isRolling: true,
    });
    expect(to.getTime() - from.getTime()).toBe(3_600_000);
  });
});
