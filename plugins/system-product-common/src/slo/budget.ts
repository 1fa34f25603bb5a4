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
 * Timeslices: the window is cut into slices of `sliceMs`; a slice is good when
 * its own ratio reaches `timeSliceTarget`. Slices without data count as good
 * (nothing failed). SLI = good slices / slices in the window, and the budget
 * is (1 − target) × slices in the window: 99.9% over 30 days of 1-minute
 * slices allows 43.2 bad minutes.
 *
 * @public
 */
export function timeslices(
  slices: Array<{ good: number; total: number }>,
  options: { target: number; timeSliceTarget: number; windowSlices: number },
): {
  sli: number | null;
  remaining: number | null;
  badSlices: number;
  allowedBadSlices: number;
} {
  const allowedBadSlices = errorBudget(options.target) * options.windowSlices;
  const withData = slices.filter(s => s.total > 0);
  const badSlices = withData.filter(
    s => s.good / s.total < options.timeSliceTarget,
  ).length;
  if (withData.length === 0) {
    return { sli: null, remaining: null, badSlices: 0, allowedBadSlices };
  }
  return {
    sli: 1 - badSlices / options.windowSlices,
    remaining: spent(badSlices, allowedBadSlices),
    badSlices,
    allowedBadSlices,
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
