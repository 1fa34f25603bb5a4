/*
 * OpenSLO time windows: a duration such as `28d` or `1M`, rolling or aligned
 * to the calendar. Calendar windows here are in UTC.
 */

/** Unit of an OpenSLO duration. @public */
export type DurationUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

/** A parsed OpenSLO duration: `28d` is `{ amount: 28, unit: 'd' }`. @public */
export interface SloDuration {
  amount: number;
  unit: DurationUnit;
}

const FIXED_MS: Partial<Record<DurationUnit, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * Parses an OpenSLO duration (`5m`, `1h`, `28d`, `1w`, `1M`, `1Q`, `1Y`).
 * Returns undefined for anything else.
 *
 * @public
 */
export function parseDuration(text: string): SloDuration | undefined {
  const match = /^(\d+)([smhdwMQY])$/.exec(text.trim());
  if (!match || Number(match[1]) === 0) return undefined;
  return { amount: Number(match[1]), unit: match[2] as DurationUnit };
}

/**
 * Length of a fixed duration in milliseconds; months, quarters and years have
 * no fixed length and give undefined.
 *
 * @public
 */
export function durationMs(duration: SloDuration): number | undefined {
  const unit = FIXED_MS[duration.unit];
  return unit === undefined ? undefined : unit * duration.amount;
}

/** A half-open time range [from, to). @public */
export interface TimeRange {
  from: Date;
  to: Date;
}

function addCalendar(date: Date, duration: SloDuration): Date {
  const d = new Date(date.getTime());
  const months = { M: 1, Q: 3, Y: 12 }[duration.unit as 'M' | 'Q' | 'Y'];
  if (months !== undefined) {
    d.setUTCMonth(d.getUTCMonth() + months * duration.amount);
    return d;
  }
  return new Date(d.getTime() + durationMs(duration)!);
}

/**
 * The window an SLO is evaluated over at `now`.
 *
 * Rolling: the `duration` before `now`. Calendar: the period of `duration`
 * that contains `now`, counted from `calendarStart` (default: the Unix
 * epoch for fixed units, 1 January 1970 for months, quarters and years), so
 * a `1M` window on 3 March covers 1 March to 1 April.
 *
 * @public
 */
export function windowAt(
  now: Date,
  window: { duration: SloDuration; isRolling: boolean; calendarStart?: Date },
): TimeRange {
  const { duration, isRolling } = window;
  if (isRolling) {
    const ms = durationMs(duration);
    if (ms !== undefined)
      return { from: new Date(now.getTime() - ms), to: now };
    // A rolling month is the same day of the previous month.
    const months = { M: 1, Q: 3, Y: 12 }[duration.unit as 'M' | 'Q' | 'Y']!;
    const from = new Date(now.getTime());
    from.setUTCMonth(from.getUTCMonth() - months * duration.amount);
    return { from, to: now };
  }
  let from = window.calendarStart ?? new Date(Date.UTC(1970, 0, 1));
  if (durationMs(duration) !== undefined) {
    const ms = durationMs(duration)!;
    const periods = Math.floor((now.getTime() - from.getTime()) / ms);
    from = new Date(from.getTime() + periods * ms);
    return { from, to: new Date(from.getTime() + ms) };
  }
  // Step by calendar months from the start; few steps for any real window.
  const months =
    { M: 1, Q: 3, Y: 12 }[duration.unit as 'M' | 'Q' | 'Y']! * duration.amount;
  const elapsed =
    (now.getUTCFullYear() - from.getUTCFullYear()) * 12 +
    (now.getUTCMonth() - from.getUTCMonth());
  from = new Date(from.getTime());
  from.setUTCMonth(from.getUTCMonth() + Math.floor(elapsed / months) * months);
  if (from > now) from.setUTCMonth(from.getUTCMonth() - months);
  return { from, to: addCalendar(from, duration) };
}
