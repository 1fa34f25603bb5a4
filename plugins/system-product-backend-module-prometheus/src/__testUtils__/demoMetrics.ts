/**
 * The data the tests backfill into a real Prometheus, known by construction.
 * Every expected figure in the tests is worked out from these constants by
 * hand-written arithmetic, never with the code under test.
 *
 * Six hours of samples, one a minute (sample i at START + i minutes, i = 0
 * … 360), ending at END, at least three hours before the test runs (older
 * than what Prometheus keeps in its head block, so the backfill is used as
 * is):
 *
 * - `demo_requests_total{code="200"}`: 0 at START, then GOOD_PER_MINUTE more
 *   every minute;
 * - `demo_requests_total{code="500"}`: 0 until minute ERRORS_FROM, then
 *   ERRORS_PER_MINUTE more every minute up to minute ERRORS_TO, then flat;
 * - `demo_latency_seconds` (a gauge): SLOW seconds for minutes SLOW_FROM …
 *   SLOW_TO − 1, else AT_LIMIT at every minute i with i % 30 = 15, else FAST;
 * - `demo_broken_total`: a counter whose every sample is NaN.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const SAMPLES = 361;
export const GOOD_PER_MINUTE = 100;
export const ERRORS_PER_MINUTE = 20;
export const ERRORS_FROM = 120;
export const ERRORS_TO = 180;
export const FAST = 0.2;
export const AT_LIMIT = 0.5;
export const SLOW = 0.9;
export const SLOW_FROM = 240;
export const SLOW_TO = 270;

/** START and END for a run: END on the hour, three to four hours ago. */
export function demoTimes(now = Date.now()): { START: number; END: number } {
  const END = Math.floor(now / HOUR) * HOUR - 3 * HOUR;
  return { START: END - (SAMPLES - 1) * MINUTE, END };
}

export const good200 = (i: number) => GOOD_PER_MINUTE * i;
export const errors500 = (i: number) =>
  ERRORS_PER_MINUTE *
  Math.min(ERRORS_TO - ERRORS_FROM, Math.max(0, i - ERRORS_FROM));
export const latency = (i: number) => {
  if (i >= SLOW_FROM && i < SLOW_TO) return SLOW;
  return i % 30 === 15 ? AT_LIMIT : FAST;
};

/** The OpenMetrics text promtool backfills: families one after the other. */
export function demoOpenMetrics(START: number): string {
  const at = (i: number) => ((START + i * MINUTE) / 1000).toFixed(3);
  const lines: string[] = [];
  const each = (f: (i: number) => string) => {
    for (let i = 0; i < SAMPLES; i++) lines.push(f(i));
  };
  lines.push('# TYPE demo_requests counter');
  each(i => `demo_requests_total{code="200"} ${good200(i)} ${at(i)}`);
  each(i => `demo_requests_total{code="500"} ${errors500(i)} ${at(i)}`);
  lines.push('# TYPE demo_latency_seconds gauge');
  each(i => `demo_latency_seconds ${latency(i)} ${at(i)}`);
  lines.push('# TYPE demo_broken counter');
  each(i => `demo_broken_total NaN ${at(i)}`);
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
