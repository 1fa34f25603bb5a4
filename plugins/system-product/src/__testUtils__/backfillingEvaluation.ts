import { SloEvaluation } from '@system-product/backstage-plugin-common';

/** What the backend answers for an SLO whose rollup is still being filled. */
export function backfillingEvaluation(
  window: SloEvaluation['window'],
  evaluatedAt: string,
): SloEvaluation {
  return {
    window,
    evaluatedAt,
    backfilling: true,
    sli: null,
    remaining: null,
    total: 0,
    status: 'no-data',
    burnRates: [],
    reason: "backfilling the SLO's rollup from the stored events",
  };
}
