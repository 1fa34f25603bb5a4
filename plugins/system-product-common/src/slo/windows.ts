/*
 * OpenSLO time windows: a duration such as `28d` or `1M`, rolling or aligned
 * to the calendar of an IANA time zone.
 */
import { DateTime, IANAZone } from 'luxon';

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
const MONTHS: Partial<Record<DurationUnit, number>> = { M: 1, Q: 3, Y: 12 };

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

/** Writes a duration back as OpenSLO text: `{ amount: 28, unit: 'd' }` is `28d`. @public */
export function formatDuration(duration: SloDuration): string {
  return `${duration.amount}${duration.unit}`;
}

/** Whether `zone` is an IANA time zone name the runtime knows (`Europe/Berlin`, `UTC`). @public */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** A half-open time range [from, to). @public */
export interface TimeRange {
  from: Date;
  to: Date;
}

/**
 * Where the periods of a calendar window are counted from: a wall-clock
 * `startTime` (`2026-01-01 00:00:00`) in an IANA `timeZone`, as OpenSLO's
 * `timeWindow[].calendar` says it.
 *
 * @public
 */
export interface CalendarAnchor {
  startTime: string;
  timeZone: string;
}

/** The instant of a wall-clock time (`YYYY-MM-DD HH:mm:ss`, or with a `T`) in a zone; undefined if it is no real date. @public */
export function calendarInstant(anchor: CalendarAnchor): Date | undefined {
  if (!isTimeZone(anchor.timeZone)) return undefined;
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(
      anchor.startTime.trim(),
    );
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map(part => Number(part ?? 0));
  const local = DateTime.fromObject(
    { year, month, day, hour, minute, second },
    { zone: anchor.timeZone },
  );
  // fromObject refuses 30 February and 25:00 (isValid false) instead of rolling over.
  return local.isValid ? local.toJSDate() : undefined;
}

/** Adds a whole number of durations; calendar units keep the wall clock of `zone`. */
function plus(start: DateTime, duration: SloDuration, times: number): DateTime {
  const months = MONTHS[duration.unit];
  if (months !== undefined) {
    // From the anchor each time, so a period anchored on the 31st is clamped
    // to 28 February and is back on 31 March (no drift to the 28th).
    return start.plus({ months: months * duration.amount * times });
  }
  if (duration.unit === 'd' || duration.unit === 'w') {
    // Calendar days: a day across a daylight-saving change lasts 23 or 25 hours.
    const days = (duration.unit === 'w' ? 7 : 1) * duration.amount * times;
    return start.plus({ days });
  }
  return start.plus({ milliseconds: durationMs(duration)! * times });
}

/** Average length of a duration in ms, to guess how many periods fit before stepping exactly. */
function approximateMs(duration: SloDuration): number {
  const months = MONTHS[duration.unit];
  return months !== undefined
    ? months * duration.amount * 30.436875 * 86_400_000
    : durationMs(duration)!;
}

/**
 * The window an SLO is evaluated over at `now`.
 *
 * Rolling: the `duration` before `now`; a rolling month starts on the same
 * day of the previous month, clamped to its last day (31 March − 1M is
 * 28 or 29 February). Calendar: the period of `duration` that contains
 * `now`, counted from `calendar` (default: 1 January 1970 in UTC). Days,
 * weeks, months, quarters and years are calendar units of the anchor's time
 * zone, so a `1d` window in `Europe/Berlin` runs from local midnight to local
 * midnight, 23 hours on the day clocks go forward; seconds, minutes and hours
 * are fixed lengths.
 *
 * @public
 */
export function windowAt(
  now: Date,
  window: {
    duration: SloDuration;
    isRolling: boolean;
    calendar?: CalendarAnchor;
  },
): TimeRange {
  const { duration, isRolling } = window;
  if (isRolling) {
    const ms = durationMs(duration);
    if (ms !== undefined) {
      return { from: new Date(now.getTime() - ms), to: now };
    }
    const from = plus(DateTime.fromJSDate(now, { zone: 'utc' }), duration, -1);
    return { from: from.toJSDate(), to: now };
  }
  const zone = window.calendar?.timeZone ?? 'UTC';
  const anchorInstant = window.calendar
    ? calendarInstant(window.calendar)
    : new Date(Date.UTC(1970, 0, 1));
  if (!anchorInstant) {
    throw new Error(
      `calendar start ${window.calendar?.startTime} in ${zone} is not a real time`,
    );
  }
  const anchor = DateTime.fromJSDate(anchorInstant, { zone });
  const at = now.getTime();
  let periods = Math.floor((at - anchor.toMillis()) / approximateMs(duration));
  // The guess is off by at most a period or two (month lengths, DST hours).
  while (plus(anchor, duration, periods).toMillis() > at) periods -= 1;
  while (plus(anchor, duration, periods + 1).toMillis() <= at) periods += 1;
  return {
    from: plus(anchor, duration, periods).toJSDate(),
    to: plus(anchor, duration, periods + 1).toJSDate(),
  };
}
