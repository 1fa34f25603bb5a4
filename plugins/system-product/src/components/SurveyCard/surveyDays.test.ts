import { daysAfter, endOfLocalDay, localDay } from './surveyDays';

// Worked in local time on purpose: these helpers speak the date input's
// language, the user's own days, whatever zone the tests run in.
describe('survey days', () => {
  it('writes a local day as the date input does', () => {
    expect(localDay(new Date(2026, 10, 5, 23, 30))).toBe('2026-11-05');
    expect(localDay(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
  });

  it('ends a day at its last local second', () => {
    const end = endOfLocalDay('2026-12-09');
    expect([end.getDate(), end.getHours(), end.getMinutes()]).toEqual([
      9, 23, 59,
    ]);
    expect(localDay(end)).toBe('2026-12-09');
  });

  it('counts days across a month and a year end', () => {
    expect(localDay(daysAfter(new Date(2026, 10, 25, 12), 14))).toBe(
      '2026-12-09',
    );
    expect(localDay(daysAfter(new Date(2026, 11, 25, 12), 14))).toBe(
      '2027-01-08',
    );
  });
});
