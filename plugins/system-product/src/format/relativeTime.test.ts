import { relativeTime } from './relativeTime';

describe('relativeTime', () => {
  const now = new Date('2026-11-20T12:00:00.000Z');

  it.each([
    ['2026-11-20T11:59:30.000Z', 'just now'],
    ['2026-11-20T11:55:00.000Z', '5 minutes ago'],
    ['2026-11-20T09:00:00.000Z', '3 hours ago'],
    ['2026-11-19T12:00:00.000Z', 'yesterday'],
    ['2026-11-06T12:00:00.000Z', '2 weeks ago'],
    ['2026-08-20T12:00:00.000Z', '3 months ago'],
    ['2024-11-20T12:00:00.000Z', '2 years ago'],
  ])('says %s was %s', (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });
});
