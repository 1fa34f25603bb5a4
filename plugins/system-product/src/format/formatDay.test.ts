import { formatDay } from './formatDay';

describe('formatDay', () => {
  const now = new Date('2026-12-07T15:00:00Z');

  it('names a day of this year by day and month', () => {
    expect(formatDay('2026-12-18', now)).toBe('18 Dec');
  });

  it('adds the year for a day of another year', () => {
    expect(formatDay('2027-01-03', now)).toBe('3 Jan 2027');
  });

  it('takes the UTC day of a date-time', () => {
    expect(formatDay('2026-11-30T23:30:00.000Z', now)).toBe('30 Nov');
  });
});
