/*
 * Survey math over value counts, so callers can feed it aggregates straight
 * from SQL. All functions return null instead of NaN when nothing was answered.
 */

/** Value counts of one question: value to how many answers gave it. @public */
export type ValueCounts = Record<number, number>;

function total(
  counts: ValueCounts,
  pick: (value: number) => boolean = () => true,
) {
  return Object.entries(counts).reduce(
    (sum, [value, count]) => (pick(Number(value)) ? sum + count : sum),
    0,
  );
}

/**
 * Net Promoter Score: % promoters (9 and 10) minus % detractors (0 to 6),
 * from -100 to 100.
 *
 * @public
 */
export function netPromoterScore(counts: ValueCounts): number | null {
  const n = total(counts);
  if (n === 0) return null;
  const promoters = total(counts, v => v >= 9);
  const detractors = total(counts, v => v <= 6);
  return (100 * (promoters - detractors)) / n;
}

/**
 * CSAT (and Likert agreement): share of answers that are 4 or 5 on a 1 to 5
 * scale, in percent.
 *
 * @public
 */
export function topTwoBoxScore(counts: ValueCounts): number | null {
  const n = total(counts);
  if (n === 0) return null;
  return (100 * total(counts, v => v >= 4)) / n;
}

/** Mean value, or null when nothing was answered. @public */
export function meanValue(counts: ValueCounts): number | null {
  const n = total(counts);
  if (n === 0) return null;
  const sum = Object.entries(counts).reduce(
    (acc, [value, count]) => acc + Number(value) * count,
    0,
  );
  return sum / n;
}

/** Allowed value range per scored question kind. @public */
export const SCORE_RANGES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  likert: { min: 1, max: 5 },
} as const;
