import { PortfolioEntry } from '@system-product/backstage-plugin-common';

/**
 * A portfolio entry of the example system with nothing measured yet: no
 * survey, friction, roadmap items or SLO evaluation; `changes` fill it in.
 */
export function portfolioEntry(
  changes: Partial<PortfolioEntry> = {},
): PortfolioEntry {
  return {
    entityRef: 'system:default/ci-cd-pipeline',
    title: 'CI/CD Pipeline',
    owner: 'group:default/platform-team',
    userGroups: [],
    survey: { responses: null, nps: null, csat: null },
    friction: { reports: 0, averageSeverity: null },
    roadmap: { total: 0, shipped: 0, inProgress: 0, planned: 0 },
    slos: {
      total: 0,
      breached: 0,
      atRisk: 0,
      met: 0,
      noData: 0,
      evaluatedAt: null,
    },
    priority: {
      impact: 0,
      friction: null,
      dissatisfaction: null,
      slo: null,
      need: 0,
      support: 0.5,
      score: 0,
      reasons: [
        'No user groups named (system-product/users), so no impact',
        'No friction, survey or SLO figures yet: nothing says it hurts',
        'No roadmap item planned or in progress',
      ],
    },
    ...changes,
  };
}
