import { InvestmentPriority } from './types';

/**
 * Ranks a system product for "where to invest first".
 *
 *   impact   = userGroups / max(userGroups over the portfolio, 1)
 *   friction = (meanSeverity - 1) / 4            when friction was reported
 *            = (100 - NPS) / 200                 else, when the NPS is known
 *            = 0                                 else (nothing says it hurts)
 *   support  = 0.5 + 0.5 × min(activeItems, 2) / 2
 *   score    = impact × friction × support
 *
 * @public
 */
export function investmentPriority(input: {
  userGroups: number;
  maxUserGroups: number;
  averageSeverity: number | null;
  nps: number | null;
  activeRoadmapItems: number;
}): InvestmentPriority {
  const impact =
    input.userGroups / Math.max(input.maxUserGroups, input.userGroups, 1);
  let friction = 0;
  if (input.averageSeverity !== null) {
    friction = (input.averageSeverity - 1) / 4;
  } else if (input.nps !== null) {
    friction = (100 - input.nps) / 200;
  }
  const support = 0.5 + (0.5 * Math.min(input.activeRoadmapItems, 2)) / 2;
  return { impact, friction, support, score: impact * friction * support };
}
