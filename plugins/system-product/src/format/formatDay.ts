/**
 * A day, `YYYY-MM-DD` or the (UTC) day of an ISO date-time, as "18 Dec", with
 * the year when it is not the year of `now` ("3 Jan 2027").
 */
export function formatDay(day: string, now: Date = new Date()): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  const thisYear = date.getUTCFullYear() === now.getUTCFullYear();
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: thisYear ? undefined : 'numeric',
    timeZone: 'UTC',
  });
}
