/**
 * `2016-08-12 15:23:28 UTC` (pipeline times), `2021-04-28 21:50:00 +0200`
 * (a deployment's `status_changed_at`), `2016-08-12T17:23:21+02:00` (a
 * commit's `timestamp`) and ISO 8601 with `Z` or fractions of seconds.
 */
const GITLAB_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|UTC|[+-]\d{2}:?\d{2})$/;

/**
 * A time of a GitLab webhook as ISO 8601 in UTC, or undefined when it is
 * absent or not one of the forms GitLab writes. GitLab writes times in three
 * forms, two of them not ISO 8601, so they are read here field by field
 * rather than left to `Date`'s lenient parser (which turns 30 February into
 * 2 March).
 */
export function parseGitlabTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = GITLAB_TIME.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map(Number);
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  const valid =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  const offset = offsetMinutes(match[8]);
  if (!valid || offset === undefined) return undefined;
  return new Date(local - offset * 60_000).toISOString();
}

/** `Z`, `UTC`, `+0200` or `-05:30` as minutes east of UTC. */
function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'UTC') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (hours * 60 + minutes);
}
