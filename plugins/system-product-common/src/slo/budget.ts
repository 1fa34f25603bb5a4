/*
 * SLO math as small pure functions. "No data" is null, never NaN or Infinity.
 * Definitions follow OpenSLO's budgeting methods and the SRE workbook.
 */

/**
 * Remaining budget after `bad` of `allowed`: 1 − bad / allowed. A 100% target
 * allows nothing: any bad event exhausts it (0) rather than dividing by zero.
 */
function spent(bad: number, allowed: number): number {
  // Rounded to 12 places: 4 bad of an allowance of 5% × 80 is exactly spent,
  // not 2e-16 left over from floating point.
  if (allowed > 0) return Math.round((1 - bad / allowed) * 1e12) / 1e12;
  return bad > 0 ? 0 : 1;
}

/** Error budget: the share of events (or slices) allowed to be bad. budget = 1 − target. @public */
export function errorBudget(target: number): number {
  return 1 - target;
}

/**
 * Occurrences: SLI = good / total over the window.
 * Remaining budget = 1 − bad / (budget × total): 1 untouched, 0 spent, below 0 overspent.
 *
 * @public
 */
export function occurrences(
  counts: { good: number; total: number },
  target: number,
): { sli: number | null; remaining: number | null } {
  const { good, total } = counts;
  if (total <= 0) return { sli: null, remaining: null };
  const bad = total - good;
  const allowed = errorBudget(target) * total;
  return {
    sli: good / total,
    remaining: spent(bad, allowed),
  };
}

/**
 * Whether a time slice is bad: it has data and its ratio is below
 * `timeSliceTarget`. A slice without data is good: nothing failed in it
 * (OpenSLO leaves this open; Nobl9 and the SRE workbook's "good minutes"
 * count such a minute as good).
 *
 * @public
 */
export function isBadSlice(
  slice: { good: number; total: number },
  timeSliceTarget: number,
): boolean {
  return slice.total > 0 && slice.good / slice.total < timeSliceTarget;
}

/**
 * Timeslices: the window is cut into `windowSlices` slices; a slice is good
 * when its own ratio reaches `timeSliceTarget` (see {@link isBadSlice}).
 *
 *   SLI               = 1 − bad slices / elapsed slices
 *   allowed bad       = (1 − target) × windowSlices
 *   remaining budget  = 1 − bad slices / allowed bad
 *
 * 99.9% over 30 days of 1-minute slices allows 43.2 bad minutes. In a
 * calendar window still in progress the SLI covers the `elapsedSlices` so far
 * (slices still to come are neither good nor bad yet) while the budget is the
 * whole period's. A rolling window has elapsed all its slices.
 *
 * @public
 */
export function timeslices(
  slices: Array<{ good: number; total: number }>,
  options: {
    target: number;
    timeSliceTarget: number;
    windowSlices: number;
    elapsedSlices?: number;
  },
): {
  sli: number | null;
  remaining: number | null;
  badSlices: number;
  allowedBadSlices: number;
  elapsedSlices: number;
} {
  const allowedBadSlices = errorBudget(options.target) * options.windowSlices;
  const elapsedSlices = Math.max(
    1,
    Math.min(options.windowSlices, options.elapsedSlices ?? Infinity),
  );
  const withData = slices.filter(s => s.total > 0);
  const badSlices = withData.filter(s =>
    isBadSlice(s, options.timeSliceTarget),
  ).length;
  if (withData.length === 0) {
    return {
      sli: null,
      remaining: null,
      badSlices: 0,
      allowedBadSlices,
      elapsedSlices,
    };
  }
  return {
    sli: 1 - badSlices / elapsedSlices,
    remaining: spent(badSlices, allowedBadSlices),
    badSlices,
    allowedBadSlices,
    elapsedSlices,
  };
}

/**
 * RatioTimeslices: SLI = mean of the ratios of the slices that have data.
 * Remaining budget = 1 − (1 − SLI) / budget.
 *
 * @public
 */
export function ratioTimeslices(
  slices: Array<{ good: number; total: number }>,
  target: number,
): { sli: number | null; remaining: number | null } {
  const ratios = slices.filter(s => s.total > 0).map(s => s.good / s.total);
  if (ratios.length === 0) return { sli: null, remaining: null };
  const sli = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  const budget = errorBudget(target);
  return { sli, remaining: spent(1 - sli, budget) };
}

/**
 * Burn rate over a window: error ratio / budget. 1 spends the budget exactly
 * over the SLO period; 14.4 spends 2% of a 30-day budget in an hour.
 *
 * @public
 */
export function burnRate(
  counts: { good: number; total: number },
  target: number,
): number | null {
  if (counts.total <= 0) return null;
  const budget = errorBudget(target);
  const errorRatio = (counts.total - counts.good) / counts.total;
  if (budget <= 0) return errorRatio === 0 ? 0 : null;
  return errorRatio / budget;
}

/**
 * Burn rate of a Timeslices alert window, counted in slices:
 * bad slices in the window / (error budget × slices in the window).
 * A window of 60 one-minute slices with 3 bad ones against a 99.9% target
 * burns at 3 / (0.001 × 60) = 50.
 *
 * @public
 */
export function sliceBurnRate(
  badSlices: number,
  windowSlices: number,
  target: number,
): number | null {
  if (windowSlices <= 0) return null;
  const budget = errorBudget(target);
  if (budget <= 0) return badSlices === 0 ? 0 : null;
  return badSlices / (budget * windowSlices);
}

/**
 * Burn rate of a RatioTimeslices alert window: (1 − mean slice ratio) / error
 * budget over the slices of the window that have data; null when none has.
 *
 * @public
 */
export function ratioSliceBurnRate(
  slices: Array<{ good: number; total: number }>,
  target: number,
): number | null {
  const { sli } = ratioTimeslices(slices, target);
  if (sli === null) return null;
  const budget = errorBudget(target);
  if (budget <= 0) return sli === 1 ? 0 : null;
  return (1 - sli) / budget;
}
