/** A day in the user's time zone as `YYYY-MM-DD`, the value of a date input. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/** The last moment of a `YYYY-MM-DD` day in the user's time zone. */
export function endOfLocalDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 23, 59, 59);
}

/** The day `days` days after `from`, in the user's time zone. */
export function daysAfter(from: Date, days: number): Date {
  const later = new Date(from);
  later.setDate(later.getDate() + days);
  return later;
}
